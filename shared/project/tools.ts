import { z } from 'zod';
import { MAX_LAYERS } from '../protocol/network-schema';
import { backpropCaseSchema } from '../protocol/backprop-schema';
import { optimizerToolSchema } from '../protocol/optimize-schema';
import { overfittingToolSchema } from '../protocol/overfitting-schema';
import { depthToolSchema, gradientFlowToolSchema } from './dense-labs';
import { biasVarianceToolSchema, doubleDescentToolSchema } from './regression-labs';
import { coded } from '../protocol/schema-issues';

/**
 * State of each tool besides the network, saved in the project file. Each tool adds one
 * optional member (its schema here, its type inferred), so a file written before a tool
 * existed still opens. Keep every member optional and validated strictly.
 */

const answerText = z.string().max(200, coded('text_at_most', { what: 'an answer', maximum: 200 }, 'an answer is at most 200 characters'));

/**
 * A student's own answers for one layer, exactly as typed ("62x62x64", "51,264", "11"):
 * kept as text so nothing typed is lost; the core parses and checks them.
 */
export const layerAnswerSchema = z.strictObject({
  output: answerText.optional(),
  params: answerText.optional(),
  /** receptive field size (one side, or "h x w") */
  rf: answerText.optional(),
});

export type LayerAnswer = z.infer<typeof layerAnswerSchema>;

/** Answer-check mode (network builder): entry i holds the answers for layer i + 1, or null. */
export const answersSchema = z.strictObject({
  layers: z.array(layerAnswerSchema.nullable()).max(MAX_LAYERS),
});

export type Answers = z.infer<typeof answersSchema>;

export const toolStatesSchema = z.strictObject({
  answers: answersSchema.optional(),
  /** Conv + pooling backprop: the case being stepped through (CLI format). */
  backprop: backpropCaseSchema.optional(),
  /** Optimizer stepper: the problem (CLI format), the optimizer compared with it and the contour axes. */
  optimizer: optimizerToolSchema.optional(),
  /** Overfitting lab: the data set, network, run and remedy switches. */
  overfitting: overfittingToolSchema.optional(),
  /** Gradient-flow lab (Q2c): the network, the batch and the training settings. */
  gradientFlow: gradientFlowToolSchema.optional(),
  /** Depth lab (Q2d): the 1-D and 2-D networks and the same-budget comparison. */
  depth: depthToolSchema.optional(),
  /** Bias-variance lab (issue 13, Q2a): its sliders' settings. */
  biasVariance: biasVarianceToolSchema.optional(),
  /** Double-descent lab (issue 13): its settings and the ridge switch. */
  doubleDescent: doubleDescentToolSchema.optional(),
});

export type ToolStates = z.infer<typeof toolStatesSchema>;
