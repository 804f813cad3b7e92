/**
 * Network summary cost: Layerwise's summarizeNetwork against the TensorFlow.js peer for the
 * same networks (channels-last, CPU backend). Two TF.js costs are reported:
 *   - shapes: layer objects plus computeOutputShape along the stack (no weights);
 *   - model: tf.sequential built with its weights, then every layer's outputShape and
 *     countParams, which is what TF.js needs to give the same table.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { summarizeNetwork } from '../shared/core/network/summarize';
import { SEED_NETWORK, VGG16 } from '../shared/core/network/presets';
import type { LayerSpec, NetworkSpec } from '../shared/core/network/spec';
import { formatMs, measure, writeResults, type Measurement } from './measure';

/** 1,000 layers: (conv 3x3 pad 1, ReLU, batch norm) repeated on an 8x16x16 input. */
function chain(length: number): NetworkSpec {
  const cycle: LayerSpec[] = [{ type: 'conv2d', out_channels: 8, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'batchnorm2d' }];
  return { input: [8, 16, 16], layers: Array.from({ length }, (_, i) => cycle[i % cycle.length]!) };
}

/** TF.js layers for the specs used here (all convs have stride 1 where padding is non-zero, so "same" matches). */
function tfLayersFor(spec: NetworkSpec): tfl.layers.Layer[] {
  const [channels, height, width] = spec.input as [number, number, number];
  return spec.layers.map((layer, i) => {
    const inputShape = i === 0 ? { inputShape: [height, width, channels] } : {};
    switch (layer.type) {
      case 'conv2d': {
        const padding = layer.padding ?? 0;
        return tfl.layers.conv2d({
          ...inputShape,
          filters: layer.out_channels,
          kernelSize: layer.kernel as number,
          strides: (layer.stride as number) ?? 1,
          dilationRate: (layer.dilation as number) ?? 1,
          padding: padding === 0 ? 'valid' : 'same',
        });
      }
      case 'maxpool2d':
        return tfl.layers.maxPooling2d({ ...inputShape, poolSize: layer.kernel as number, strides: (layer.stride as number) ?? (layer.kernel as number) });
      case 'relu':
        return tfl.layers.activation({ ...inputShape, activation: 'relu' });
      case 'batchnorm2d':
        return tfl.layers.batchNormalization({ ...inputShape, axis: -1 });
      case 'adaptiveavgpool2d':
        // VGG-16's AdaptiveAvgPool2d(7) on a 7x7 map is the identity; a 1x1 average pool is TF's equivalent.
        return tfl.layers.averagePooling2d({ ...inputShape, poolSize: 1, strides: 1 });
      case 'flatten':
        return tfl.layers.flatten(inputShape);
      case 'linear':
        return tfl.layers.dense({ ...inputShape, units: layer.out_features });
      case 'dropout':
        return tfl.layers.dropout({ ...inputShape, rate: layer.p ?? 0.5 });
      default:
        throw new Error(`no TF.js peer for ${layer.type}`);
    }
  });
}

function tfShapes(spec: NetworkSpec): number {
  const [channels, height, width] = spec.input as [number, number, number];
  let shape: (number | null)[] = [null, height, width, channels];
  let units = 0;
  for (const layer of tfLayersFor(spec)) {
    shape = layer.computeOutputShape(shape) as (number | null)[];
    units += shape.length;
  }
  return units;
}

function tfModel(spec: NetworkSpec): number {
  const model = tfl.sequential({ layers: tfLayersFor(spec) });
  let params = 0;
  for (const layer of model.layers) {
    params += layer.countParams();
    void layer.outputShape;
  }
  model.dispose();
  return params;
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const networks: [string, NetworkSpec][] = [
    ['seed Q1 (12 layers)', SEED_NETWORK],
    ['VGG-16 (39 layers)', VGG16],
    ['chain (1,000 layers)', chain(1000)],
  ];
  const rows: { network: string; layerwise: Measurement; tfShapes: Measurement; tfModel: Measurement }[] = [];
  for (const [name, spec] of networks) {
    const summary = summarizeNetwork(spec);
    if (!summary.ok) throw new Error(`${name} does not summarize`);
    // TF.js countParams() includes batch norm's moving mean and variance, which are PyTorch buffers, not parameters
    const weights = summary.totals.params + summary.totals.buffers;
    if (tfModel(spec) !== weights) throw new Error(`${name}: TF.js counts ${tfModel(spec)} weights, Layerwise ${summary.totals.params} params + ${summary.totals.buffers} buffers`);
    const layerwise = measure(`${name}: summarizeNetwork`, () => summarizeNetwork(spec));
    const shapes = measure(`${name}: tfjs shapes`, () => tfShapes(spec));
    const model = measure(`${name}: tfjs model`, () => tfModel(spec), { minTimeMs: 2000, maxTimeMs: 8000, minSamples: 5, warmupMs: 1 });
    rows.push({ network: name, layerwise, tfShapes: shapes, tfModel: model });
  }

  const header = ['network', 'Layerwise median', 'p90', 'TF.js shapes median', 'ratio', 'TF.js model median', 'ratio'];
  const table = rows.map((row) => [
    row.network,
    formatMs(row.layerwise.medianMs),
    formatMs(row.layerwise.p90Ms),
    formatMs(row.tfShapes.medianMs),
    `${(row.tfShapes.medianMs / row.layerwise.medianMs).toFixed(1)}x`,
    formatMs(row.tfModel.medianMs),
    `${(row.tfModel.medianMs / row.layerwise.medianMs).toFixed(0)}x`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log('\nnetwork summary: time per call (ratio = TF.js / Layerwise)');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of table) console.log(line(row));
  const chainRow = rows[rows.length - 1]!;
  const target = chainRow.layerwise.medianMs < 1 ? 'met' : 'MISSED';
  console.log(`\ntarget: 1,000-layer chain under 1 ms: ${target} (${formatMs(chainRow.layerwise.medianMs)})`);
  console.log(`results: ${writeResults('network', rows)}`);
}

await main();
