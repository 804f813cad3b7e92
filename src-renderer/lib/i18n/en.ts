import { enStart } from './en-start';
import { enNetworkBuilder } from './en-network-builder';
import { enReceptiveField } from './en-receptive-field';
import { enBackprop } from './en-backprop';
import { enOptimizer } from './en-optimizer';
import { enOverfitting } from './en-overfitting';
import { enShell } from './en-shell';
import { enGradientFlow } from './en-gradient-flow';
import { enDepth } from './en-depth';
import { enBiasVariance } from './en-bias-variance';
import { enDoubleDescent } from './en-double-descent';

/**
 * English catalog: every string the user sees. Keys are dotted by place; `{name}` marks a
 * parameter (the `t` function types them from this file); a message that depends on a
 * number is `{ one, other }` plural forms picked by its numeric `{count}` (Intl.PluralRules).
 *
 * Adding a string: add its key here (or in the tool's en-*.ts file) AND its Persian text in
 * the matching fa*.ts file (fa.ts, fa-network-builder.ts, ...). Each Persian file is typed
 * `Translation<typeof en...>`, so a key without Persian fails `npm run typecheck`, and
 * catalog.test.ts fails a Persian text that is empty or a copy of the English.
 *
 * Engine messages sent as codes with values (layer issues, project-file errors) are phrased
 * by shared/messages through engine-messages.ts, not here; the others still arrive in English
 * and are marked `data-engine-text` where shown (README "Languages").
 */
export const en = {
  'app.language': 'Language',
  'app.digits': 'Digits',
  'app.digits.native': 'Persian digits',
  'app.digits.latin': 'Latin digits',
  'app.defaultProjectName': 'Assignment 1',
  'app.name': 'Layerwise',
  'list.separator': ', ',
  'app.documentTitle': '{name}{dirtyMarker} — Layerwise',
  'app.dirtyMarker': ' •',
  'app.unsavedChanges': 'Unsaved changes',
  'app.toolbar': 'File',

  'file.new': 'New',
  'file.open': 'Open…',
  'file.save': 'Save',
  'file.saveAs': 'Save As…',
  'file.undo': 'Undo',
  'file.redo': 'Redo',
  'file.confirmDiscard': '“{name}” has unsaved changes. Discard them?',
  'file.openError.not_json': 'This file is not a Layerwise project: it is not valid JSON.',
  'file.openError.not_a_project': 'This file is not a Layerwise project.',
  'file.openError.newer_version': 'This project was saved by a newer version of Layerwise.',
  'file.openError.invalid': 'This project file has errors and was not opened.',
  'file.openError.too_large': 'This file is too large to open.',
  'file.openError.read': 'The file could not be read.',
  'file.openErrorDetail': '{file}: {message}',
  'file.saveError': 'The project could not be saved: {message}',
  'file.projectKept': 'Your open project was not changed.',
  'file.migrated': '“{file}” was written by an older Layerwise (project version {version}); it will be saved in the current format.',
  'file.untitled': 'Untitled',

  'banner.dismiss': 'Dismiss',
  'engine.stopped': 'The calculation engine stopped after repeated crashes: {reason}',
  'engine.restarting': 'The calculation engine is restarting…',
  'engine.restart': 'Restart engine',
  'engine.callFailed': 'The engine could not compute this network: {message}',

  'tool.bar': 'Tools',
  'tool.network': 'Network',
  'tool.optimizer': 'Optimizer',
  'tool.overfitting': 'Overfitting',
  'tool.receptive-field': 'Receptive field',
  'tool.backprop': 'Conv backprop',

  'network.title': 'Network',
  'network.caption': 'Layers of “{name}”: output shape, parameters, multiply-accumulates, activation memory and receptive field of each layer.',
  'network.computing': 'Computing…',
  'network.empty': 'This network has no layers yet. Add one below.',
  'network.column.index': '#',
  'network.column.layer': 'Layer',
  'network.column.output': 'Output (C×H×W)',
  'network.column.params': 'Params',
  'network.column.macs': 'MACs',
  'network.column.memory': 'Memory',
  'network.column.rfSize': 'Receptive field',
  'network.column.rfJump': 'Jump',
  'network.column.rfCenter': 'Centre',
  'network.input': 'Input',
  'network.totals': 'Total',
  'network.notComputed': 'not computed',
  'network.notComputedHint': 'not computed: an earlier layer has an error',
  'network.wholeInput': 'whole input',
  'network.notApplicable': '—',
  'network.upTo': 'up to {size}',
  'network.buffers': '{count} buffers',
  'network.buffersHint': 'Buffers: batch norm’s running mean and variance. They are state, not parameters (PyTorch’s parameters() leaves them out), so they are in neither Params nor the total.',
  'network.bytesExact': '{bytes} bytes',
  'network.cellHint': 'Select to see how this number is computed, with the values filled in.',
  'network.editLayer': 'Edit layer {index}',

  'quantity.output': 'the output shape',
  'quantity.params': 'the parameter count',
  'quantity.macs': 'the multiply-accumulates',
  'quantity.memory': 'the activation memory',
  'quantity.rf_size': 'the receptive field',
  'quantity.rf_jump': 'the jump (effective stride)',
  'quantity.rf_center': 'the receptive-field centre',

  'derivation.title': 'How it is computed: layer {index}, {quantity}',
  'derivation.loading': 'Loading the derivation…',
  'derivation.unavailable': 'No derivation is available for this number.',
  'derivation.close': 'Close',
  'derivation.formula': 'Formula',
  'derivation.substituted': 'With the numbers',
  'derivation.plainText': 'As text',

  'editor.title': 'Edit layers',
  'editor.input': 'Input shape',
  'editor.inputHint': 'C, H, W for an image or N for a vector',
  'editor.layerHeading': 'Layer {index}',
  'editor.type': 'Type',
  'editor.selectLayer': 'Layer to edit',
  'editor.addLayer': 'Add layer after',
  'editor.addLayerAtEnd': 'Add layer',
  'editor.newLayerType': 'New layer type',
  'editor.removeLayer': 'Remove layer {index}',
  'editor.moveUp': 'Move up',
  'editor.moveDown': 'Move down',
  'editor.default': 'default {value}',
  'editor.defaultKernel': 'default: the kernel',
  'editor.required': 'Required',
  'editor.notANumber': 'Enter a number',
  'editor.notANumberOrPair': 'Enter a number or two numbers “height, width”',
  'editor.notAShape': 'Enter numbers separated by commas, e.g. 3, 128, 128',
  'editor.notPadding': 'Enter a number, “height, width”, same or valid',
  'editor.yes': 'yes',
  'editor.no': 'no',
  'editor.noLayers': 'No layers',

  'field.out_channels': 'Output channels',
  'field.kernel': 'Kernel',
  'field.stride': 'Stride',
  'field.padding': 'Padding',
  'field.dilation': 'Dilation',
  'field.groups': 'Groups',
  'field.bias': 'Bias',
  'field.output_padding': 'Output padding',
  'field.ceil_mode': 'Ceil mode',
  'field.count_include_pad': 'Count padding',
  'field.output_size': 'Output size',
  'field.eps': 'Epsilon',
  'field.momentum': 'Momentum',
  'field.affine': 'Affine',
  'field.track_running_stats': 'Track running stats',
  'field.negative_slope': 'Negative slope',
  'field.dim': 'Dimension',
  'field.p': 'Drop probability',
  'field.out_features': 'Output features',

  'layer.conv2d': 'Conv2d',
  'layer.convtranspose2d': 'ConvTranspose2d',
  'layer.maxpool2d': 'MaxPool2d',
  'layer.avgpool2d': 'AvgPool2d',
  'layer.globalmaxpool2d': 'Global max pool',
  'layer.globalavgpool2d': 'Global avg pool',
  'layer.adaptiveavgpool2d': 'AdaptiveAvgPool2d',
  'layer.batchnorm2d': 'BatchNorm2d',
  'layer.relu': 'ReLU',
  'layer.leakyrelu': 'LeakyReLU',
  'layer.sigmoid': 'Sigmoid',
  'layer.tanh': 'Tanh',
  'layer.gelu': 'GELU',
  'layer.softmax': 'Softmax',
  'layer.dropout': 'Dropout',
  'layer.dropout2d': 'Dropout2d',
  'layer.flatten': 'Flatten',
  'layer.linear': 'Linear',

  'args.kernel': '{value}',
  'args.stride': 's{value}',
  'args.padding': 'p{value}',
  'args.paddingSame': 'same',
  'args.paddingValid': 'valid',
  'args.dilation': 'd{value}',
  'args.groups': 'g{value}',
  'args.noBias': 'no bias',
  'args.ceil': 'ceil',
  'args.outChannels': '{value} filters',
  'args.outFeatures': '→ {value}',
  'args.linear': '{in} → {out}',
  'args.p': 'p={value}',
  'args.outputSize': '→ {value}',

  'units.bytes': '{value} B',
  'units.kib': '{value} KiB',
  'units.mib': '{value} MiB',
  'units.gib': '{value} GiB',
  ...enNetworkBuilder,
  ...enReceptiveField,
  ...enBackprop,
  ...enOptimizer,
  ...enOverfitting,
  ...enShell,
  ...enGradientFlow,
  ...enDepth,
  ...enStart,
  ...enBiasVariance,
  ...enDoubleDescent,
} as const;

export type MessageKey = keyof typeof en;
