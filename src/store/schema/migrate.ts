import type Sqlite from 'better-sqlite3';
import type { Migration } from './migrations.js';

const VERSION_TABLE = 'schema_migrations';

/** The schema version a store file is at: 0 for a fresh file. */
export function schemaVersion(db: Sqlite.Database): number {
  const hasTable = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(VERSION_TABLE);
  if (!hasTable) return 0;
  return db.prepare(`SELECT coalesce(max(version), 0) FROM ${VERSION_TABLE}`).pluck().get() as number;
}

/**
 * Brings the file up to `migrations.length`, applying the missing migrations in one immediate
 * transaction: a failure (or a second process migrating at the same moment) leaves the file at
 * its old version, never half-way. Returns the version the file is now at.
 */
export function migrate(db: Sqlite.Database, list: readonly Migration[]): number {
  const applyPending = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (
      version INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const current = schemaVersion(db);
    assertKnownVersion(current, list.length);
    const record = db.prepare(`INSERT INTO ${VERSION_TABLE} (version, description, applied_at) VALUES (?, ?, ?)`);
    for (let version = current + 1; version <= list.length; version++) {
      const migration = list[version - 1]!;
      db.exec(migration.sql);
      record.run(version, migration.description, new Date().toISOString());
    }
  });
  applyPending.immediate();
  return list.length;
}

/** Refuses files written by a newer program: its schema may hold data this one would mangle. */
export function assertKnownVersion(fileVersion: number, knownVersion: number): void {
  if (fileVersion > knownVersion) {
    throw new Error(
      `store schema version ${fileVersion} is newer than this program understands (${knownVersion}); upgrade chronicle`,
    );
  }
}
