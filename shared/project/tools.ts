import { z } from 'zod';

/**
 * State of each tool besides the network, saved in the project file. Each tool adds one
 * optional member (its schema here, its type inferred), so a file written before a tool
 * existed still opens. Keep every member optional and validated strictly.
 */
export const toolStatesSchema = z.strictObject({});

export type ToolStates = z.infer<typeof toolStatesSchema>;
