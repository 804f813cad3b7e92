import { z } from 'zod';
import type { NetworkSpec } from '../core/network/spec';
import { SEED_NETWORK } from '../core/network/presets';
import { networkSpecSchema } from '../protocol/network-schema';
import { applyMigrations, type Migration } from './migrate';
import { toolStatesSchema, type ToolStates } from './tools';
import { coded, schemaIssuesOf, type SchemaIssue } from '../protocol/schema-issues';

/**
 * Project files (`*.layerwise`, formerly `*.layerwise.json`): a versioned envelope holding
 * the network now and the other tools' state later. Reading is strict about the envelope
 * (so a foreign or newer file is named as such) and migrates older versions forward before
 * validating.
 */

export const PROJECT_FORMAT = 'layerwise-project';
export const CURRENT_PROJECT_VERSION = 1;
/**
 * What projects are saved as, and the extension the installers associate with the app: a
 * single extension, because Windows and macOS can only associate the last one (a double
 * `.layerwise.json` would claim every `.json`).
 */
export const PROJECT_FILE_EXTENSION = '.layerwise';
/** Names a project file may have when opened: `.layerwise`, older `.layerwise.json` saves, any `.json`. */
const PROJECT_FILE_NAME = /.\.(?:layerwise|json)$/i;

/** Whether a file name is one a project may be opened from (by a double-click, a command line or a dialog). */
export function isProjectFileName(name: string): boolean {
  return PROJECT_FILE_NAME.test(name);
}
/** Larger files are refused before parsing. */
export const MAX_PROJECT_BYTES = 20 * 1024 * 1024;

export interface Project {
  name: string;
  network: NetworkSpec;
  /** The other tools' saved state (answers, backprop case, optimizer problem, ...). */
  tools: ToolStates;
}

/** Every code a `ProjectError` can have (shared/messages phrases each; its test enumerates this list). */
export const PROJECT_ERROR_CODES = ['not_json', 'not_a_project', 'newer_version', 'invalid', 'too_large'] as const;
export type ProjectErrorCode = (typeof PROJECT_ERROR_CODES)[number];

/** Why a file is `invalid` (values.reason): its version field, a failed upgrade, or its content (values.detail names the fields). */
export type ProjectInvalidReason = 'version' | 'migration' | 'schema';

/** A file that cannot be opened, as data (shared/messages phrases it in each language); `message` is the English text. */
export interface ProjectError {
  code: ProjectErrorCode;
  values: Record<string, string | number>;
  message: string;
  /**
   * A file refused for its content (`reason: 'schema'`): each refused value, whose English parts
   * `values.detail` joins with "; " (a field's path before zod's words, a check's own message
   * as it is), with what it says as data, so the detail is phrased in each language too.
   */
  issues?: SchemaIssue[];
}

export type ProjectParseResult =
  | { ok: true; project: Project; migratedFrom?: number }
  | { ok: false; error: ProjectError };

/** Version n -> n+1 steps; index 0 upgrades version 1 to 2. Empty while version 1 is current. */
export const PROJECT_MIGRATIONS: readonly Migration[] = [];

const projectV1Schema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(CURRENT_PROJECT_VERSION),
  name: z.string().trim().min(1, coded('must_not_be_empty', { what: 'name' }, 'name must not be empty')).max(200, coded('text_must_be_at_most', { what: 'name', maximum: 200 }, 'name must be at most 200 characters')),
  network: networkSpecSchema,
  tools: toolStatesSchema.optional(),
});

export function createDefaultProject(): Project {
  return { name: 'Assignment 1', network: structuredClone(SEED_NETWORK) as NetworkSpec, tools: {} };
}

export function createEmptyProject(name = 'Untitled'): Project {
  return { name, network: { input: [3, 32, 32], layers: [] }, tools: {} };
}

export function serializeProject(project: Project): string {
  const file = { format: PROJECT_FORMAT, version: CURRENT_PROJECT_VERSION, name: project.name, network: project.network, tools: project.tools };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses a project file's text; never throws. */
export function parseProjectText(text: string): ProjectParseResult {
  if (text.length > MAX_PROJECT_BYTES) {
    return { ok: false, error: { code: 'too_large', values: { limitMb: MAX_PROJECT_BYTES / 1024 / 1024 }, message: `the file is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB` } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'not_json', values: { detail }, message: `the file is not valid JSON (${detail})` } };
  }
  return parseProjectData(data);
}

/** Validates (and migrates) an already-parsed project value; never throws. */
export function parseProjectData(data: unknown): ProjectParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== PROJECT_FORMAT) {
    return {
      ok: false,
      error: { code: 'not_a_project', values: { format: PROJECT_FORMAT }, message: `the file is not a Layerwise project (it has no "format": "${PROJECT_FORMAT}")` },
    };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { code: 'invalid', values: { reason: 'version' }, message: '"version" must be a whole number from 1 up' } };
  }
  if (version > CURRENT_PROJECT_VERSION) {
    return {
      ok: false,
      error: {
        code: 'newer_version',
        values: { version, supported: CURRENT_PROJECT_VERSION },
        message: `the file was written by a newer Layerwise (project version ${version}; this version reads up to ${CURRENT_PROJECT_VERSION}); update Layerwise to open it`,
      },
    };
  }
  const migrated = applyMigrations(data as Record<string, unknown>, version, CURRENT_PROJECT_VERSION, PROJECT_MIGRATIONS);
  if (!migrated.ok) return { ok: false, error: { code: 'invalid', values: { reason: 'migration', detail: migrated.message }, message: migrated.message } };
  const parsed = projectV1Schema.safeParse(migrated.data);
  if (!parsed.success) {
    const issues = schemaIssuesOf(parsed.error);
    const message = issues.map(projectDetailPart).join('; ');
    return { ok: false, error: { code: 'invalid', values: { reason: 'schema', detail: message }, message, issues } };
  }
  const project: Project = { name: parsed.data.name, network: parsed.data.network, tools: parsed.data.tools ?? {} };
  return version < CURRENT_PROJECT_VERSION ? { ok: true, project, migratedFrom: version } : { ok: true, project };
}

/** One refused value in a project error's detail: its path before zod's own words; a check's own message (which names its field) as it is. */
export function projectDetailPart(issue: Pick<SchemaIssue, 'path' | 'zodCode' | 'message'>): string {
  return issue.path.length > 0 && issue.zodCode !== 'custom' ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * What the CLI and importers accept: a project file (its network is taken) or a bare
 * network spec.
 */
export function networkFromDocument(
  data: unknown,
):
  | { ok: true; spec: NetworkSpec }
  | {
      ok: false;
      errors: string[];
      /** When a project file did not read: its error as data, to phrase in another language. */
      projectError?: ProjectError;
      /** When a bare spec was refused: its errors as data (each `message` is the entry of `errors`). */
      issues?: SchemaIssue[];
    } {
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === PROJECT_FORMAT) {
    const result = parseProjectData(data);
    return result.ok ? { ok: true, spec: result.project.network } : { ok: false, errors: [result.error.message], projectError: result.error };
  }
  const parsed = networkSpecSchema.safeParse(data);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const issues = schemaIssuesOf(parsed.error);
  return { ok: false, errors: issues.map((issue) => issue.message), issues };
}
