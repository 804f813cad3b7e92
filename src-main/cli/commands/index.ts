import { summaryCommand } from './summary';
import { backpropCommand } from './backprop';
import { optimizeCommand } from './optimize';
import { receptiveFieldCommand } from './receptive-field';
import type { CliCommand } from './types';

/** Every CLI command, in usage order. A new command adds its entry here. */
export const COMMANDS: readonly CliCommand[] = [summaryCommand, optimizeCommand, backpropCommand, receptiveFieldCommand];

export type { CliCommand, CommandOutcome } from './types';
