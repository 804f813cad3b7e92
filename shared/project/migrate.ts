/** One step that upgrades a project document from version n to n + 1 (pure: returns a new object). */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export type MigrationResult = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

/**
 * Runs migrations[from - 1] ... migrations[to - 2], so a version-1 file passes every step
 * up to the current version. A step that throws is reported, not propagated.
 */
export function applyMigrations(
  document: Record<string, unknown>,
  from: number,
  to: number,
  migrations: readonly Migration[],
): MigrationResult {
  let current = document;
  for (let version = from; version < to; version++) {
    const step = migrations[version - 1];
    if (!step) return { ok: false, message: `no migration from project version ${version} to ${version + 1}` };
    try {
      current = { ...step(current), version: version + 1 };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `could not upgrade the file from version ${version}: ${detail}` };
    }
  }
  return { ok: true, data: current };
}
