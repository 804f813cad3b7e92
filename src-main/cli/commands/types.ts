import type { CoreApi } from '../../../shared/protocol/core-api';
import type { CliLanguage } from '../language';

/** What a command produced: its output (text or JSON form) and, if it failed, why. */
export interface CommandOutcome {
  /** Printed to stdout as is (text mode). */
  text: string;
  /** Printed to stdout as JSON (--json mode). */
  json: unknown;
  /** Non-empty: exit 2 with these on stderr (after printing the output, which may show where). */
  errors: string[];
}

/**
 * One CLI command reading one JSON document (a file or standard input). The runner reads
 * and parses the JSON; the command validates it (zod, at the boundary) and runs the core.
 */
export interface CliCommand {
  name: string;
  /** One line for the usage text, and the same in Persian (`--help --lang fa`). */
  description: string;
  descriptionFa: string;
  /** Boolean options of this command only (`--datasets`, `--polygons`), each with its line for the usage text (in English and Persian). */
  flags?: readonly { name: string; description: string; descriptionFa: string }[];
  /**
   * `flags`: the command's own options that were given; `language`: how to phrase engine
   * messages (`--lang`, English by default). A command that calls a cooperative core method is async.
   */
  run(document: unknown, core: CoreApi, flags: ReadonlySet<string>, language: CliLanguage): CommandOutcome | Promise<CommandOutcome>;
}
