/**
 * Effective receptive field cost: Layerwise's core call (what the worker runs) for one unit of
 * the last layer of VGG-16's conv stack at 224x224, uniform weights, ReLU on; target under 1 s.
 *
 * Peer, measured in the same run: TensorFlow.js (CPU backend) tf.grad of the same unit with
 * respect to the input, on the same uniform-weight network and the same forward input. TF.js
 * on the CPU needs tens of seconds per call at VGG-16's full width (15.5 GMACs forward), so
 * the peer runs on VGG-16 at 1/8 width (8 to 64 channels: same geometry, 64x fewer MACs), and
 * Layerwise is timed on that same narrow network too, for a like-for-like ratio. Layerwise's
 * uniform-weight engine does not depend on the width (one plane times per-channel factors),
 * which is why the full-width figure is the one the target is about.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { VGG16 } from '../shared/core/network/presets';
import type { LayerSpec, NetworkSpec } from '../shared/core/network/spec';
import { effectiveReceptiveField, forwardInput, inputGradient, type EffectiveFieldRequest } from '../shared/core/receptive/effective-field';
import { formatMs, writeResults, type Measurement } from './measure';
import { loadTfjsWithGradients } from './tfjs-gradients';


let tf: typeof TF;

/** VGG-16's conv stack (31 layers: 13 conv + ReLU, 5 max-pools), channels divided by `divisor`. */
function vggConvStack(divisor: number): NetworkSpec {
  const layers: LayerSpec[] = [];
  for (const layer of VGG16.layers) {
    if (layer.type === 'adaptiveavgpool2d') break;
    layers.push(layer.type === 'conv2d' ? { ...layer, out_channels: layer.out_channels / divisor } : layer);
  }
  return { input: VGG16.input, layers };
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Asynchronous calls: `warmup` untimed, then `samples` timed one by one. */
async function measureAsync(name: string, run: () => Promise<unknown>, warmup: number, samples: number): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  return { name, calls: samples, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9) };
}

/** The same network in TF.js (channels-last), uniform weights 1 / fan_in, PyTorch padding via tf.pad. */
function tfUnitGradient(spec: NetworkSpec, request: EffectiveFieldRequest): Float32Array {
  const [channels, height, width] = spec.input as [number, number, number];
  const plane = forwardInput(1, height, width, request.seed ?? 1, true)[0]!;
  const nhwc = new Float32Array(height * width * channels);
  for (let k = 0; k < height * width; k++) for (let c = 0; c < channels; c++) nhwc[k * channels + c] = plane[k]!;
  return tf.tidy(() => {
    const x = tf.tensor4d(nhwc, [1, height, width, channels]);
    let inChannels = channels;
    const filters = spec.layers.map((layer) => {
      if (layer.type !== 'conv2d') return null;
      const filter = tf.fill([3, 3, inChannels, layer.out_channels], 1 / (9 * inChannels)) as TF.Tensor4D;
      inChannels = layer.out_channels;
      return filter;
    });
    const f = (input: TF.Tensor) => {
      let h = input as TF.Tensor4D;
      spec.layers.slice(0, request.layer).forEach((layer, i) => {
        if (layer.type === 'conv2d') h = tf.conv2d(tf.pad(h, [[0, 0], [1, 1], [1, 1], [0, 0]]), filters[i]!, 1, 'valid');
        else if (layer.type === 'relu') h = tf.relu(h);
        else if (layer.type === 'maxpool2d') h = tf.maxPool(h, 2, 2, 'valid');
      });
      return tf.sum(tf.slice(h, [0, request.y, request.x, request.channel ?? 0], [1, 1, 1, 1]));
    };
    return tf.grad(f)(x).dataSync() as Float32Array;
  });
}

async function main(): Promise<void> {
  tf = await loadTfjsWithGradients('rf');
  await tf.setBackend('cpu');
  const full = vggConvStack(1);
  const narrow = vggConvStack(8);
  // the last max-pool (layer 31, 7x7): its centre unit sees 212x212 of the 224x224 input
  const request = (spec: NetworkSpec): EffectiveFieldRequest => ({ spec, layer: spec.layers.length, y: 3, x: 3, weights: 'uniform', activations: true, seed: 1 });

  const check = await effectiveReceptiveField(request(full));
  if (!check.ok) throw new Error(check.message);

  // agreement on the narrow network: the same gradient, element by element
  const ours = await inputGradient(request(narrow));
  if ('ok' in ours) throw new Error(ours.message);
  const theirs = tfUnitGradient(narrow, request(narrow));
  const [channels, height, width] = narrow.input as [number, number, number];
  let scale = 0;
  let worst = 0;
  for (let c = 0; c < channels; c++) {
    for (let k = 0; k < height * width; k++) {
      const expected = theirs[k * channels + c]!;
      scale = Math.max(scale, Math.abs(expected));
      worst = Math.max(worst, Math.abs(ours.gradient[c]![k]! - expected));
    }
  }
  const relativeError = worst / scale;

  const layerwiseFull = await measureAsync('VGG-16 conv stack, full width: Layerwise', () => effectiveReceptiveField(request(full)), 3, 15);
  const layerwiseNarrow = await measureAsync('VGG-16 conv stack, 1/8 width: Layerwise', () => effectiveReceptiveField(request(narrow)), 3, 15);
  const tfNarrow = await measureAsync('VGG-16 conv stack, 1/8 width: TF.js tf.grad', async () => tfUnitGradient(narrow, request(narrow)), 1, 3);

  const rows = [layerwiseFull, layerwiseNarrow, tfNarrow];
  console.log('\neffective receptive field of one unit (layer 31, unit (3, 3)), uniform weights, ReLU on');
  for (const row of rows) console.log(`${row.name.padEnd(44)}  median ${formatMs(row.medianMs).padStart(9)}  p90 ${formatMs(row.p90Ms).padStart(9)}  (${row.calls} calls)`);
  const ratio = tfNarrow.medianMs / layerwiseNarrow.medianMs;
  console.log(`ratio on the same 1/8-width network: TF.js / Layerwise = ${ratio.toFixed(1)}x`);
  console.log(`agreement with TF.js: largest difference ${(relativeError * 100).toExponential(2)}% of the largest gradient`);
  console.log(`field: box ${JSON.stringify(check.box)}, 95% of the mass in ${check.pixels95} of ${check.magnitude.length} pixels (${(100 * check.share95).toFixed(1)}%)`);
  const target = layerwiseFull.medianMs < 1000 ? 'met' : 'MISSED';
  console.log(`\ntarget: ERF of a VGG-16-deep network at 224x224 under 1 s: ${target} (${formatMs(layerwiseFull.medianMs)}, p90 ${formatMs(layerwiseFull.p90Ms)})`);
  console.log(`results: ${writeResults('receptive-field', { rows, ratio, relativeError, share95: check.share95, target })}`);
}

await main();
