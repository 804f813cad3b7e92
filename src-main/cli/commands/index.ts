import { summaryCommand } from './summary';
import { checkAnswersCommand } from './check-answers';
import { backpropCommand } from './backprop';
import { optimizeCommand } from './optimize';
import { receptiveFieldCommand } from './receptive-field';
import { biasVarianceCommand } from './bias-variance';
import { doubleDescentCommand } from './double-descent';
import { gradientFlowCommand } from './gradient-flow';
import { regionsCommand } from './regions';
import { trainCommand } from './train';
import type { CliCommand } from './types';

/** Every CLI command, in usage order. A new command adds its entry here. */
export const COMMANDS: readonly CliCommand[] = [summaryCommand, optimizeCommand, backpropCommand, receptiveFieldCommand, checkAnswersCommand, biasVarianceCommand, doubleDescentCommand, gradientFlowCommand, regionsCommand, trainCommand];

export type { CliCommand, CommandOutcome } from './types';
