import { summaryCommand } from './summary';
import { optimizeCommand } from './optimize';
import type { CliCommand } from './types';

/** Every CLI command, in usage order. A new command adds its entry here. */
export const COMMANDS: readonly CliCommand[] = [summaryCommand, optimizeCommand];

export type { CliCommand, CommandOutcome } from './types';
