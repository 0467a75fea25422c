import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './schema/migrations.js';
import { migrate, schemaVersion } from './schema/migrate.js';
import { openSqliteStore, StoreFileError } from './sqlite.js';
import { plainArticle } from '../../test/support/store/contract.js';
import type { OpenOptions, Store } from './store.js';
import { syntheticArticles, ready } from '../../test/support/store/synthetic.js';
import { duplicateDetector } from '../select/index.js';

let folder: string;
let file: string;
const opened: Store[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'chronicle-store-'));
  file = join(folder, 'store.sqlite');
});

afterEach(async () => {
  await closeAll();
  rmSync(folder, { recursive: true, force: true });
});

/** Opening a SQLite store is synchronous: a bad file throws at once, which these tests rely on. */
function open(options?: OpenOptions): Store {
  const store = openSqliteStore(file, options);
  opened.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of opened.splice(0)) await store.close();
}

describe('read-only', () => {
  it('refuses a missing file without creating it', () => {
    expect(() => open({ readonly: true })).toThrow(StoreFileError);
    expect(() => open({ readonly: true })).toThrow(`cannot use store '${file}': the file cannot be opened`);
  });

  it('refuses an empty file: it is not a store yet', () => {
    writeFileSync(file, '');
    expect(() => open({ readonly: true })).toThrow(`cannot use store '${file}': it is not a chronicle store`);
  });

  it('refuses a store at an older schema version instead of reading it half-migrated', () => {
    const db = new Database(file);
    migrate(db, migrations.slice(0, 1));
    db.close();
    expect(() => open({ readonly: true })).toThrow(
      `written by an older chronicle (schema version 1, current ${migrations.length})`,
    );
  });
});

describe('unusable files', () => {
  it('names the file and says it is not a database', () => {
    writeFileSync(file, 'harbour notes, definitely not SQLite\n'.repeat(200));
    for (const readonly of [false, true]) {
      expect(() => open({ readonly })).toThrow(`cannot use store '${file}': it is not a SQLite database`);
    }
    expect(readFileSync(file, 'utf8')).toBe('harbour notes, definitely not SQLite\n'.repeat(200));
  });

  it('names the file and says it is corrupt when the schema pages are damaged', async () => {
    await open().add(ready(syntheticArticles(0, 50)), duplicateDetector);
    await closeAll();
    const bytes = readFileSync(file);
    // Page 1 holds the schema; scribble over it after the 100-byte file header.
    bytes.fill(0xa5, 100, 4096);
    writeFileSync(file, bytes);
    for (const readonly of [false, true]) {
      expect(() => open({ readonly })).toThrow(`cannot use store '${file}': the database file is corrupt`);
    }
  });

  it('will not add its tables to another program’s database', () => {
    const db = new Database(file);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    expect(() => open()).toThrow(`cannot use store '${file}': it is a SQLite database of some other program`);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['recipes']);
    after.close();
  });

  it('refuses a store written by a newer program', async () => {
    await open().close();
    const db = new Database(file);
    db.prepare(`INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')`).run(migrations.length + 1);
    db.close();
    expect(() => open()).toThrow(
      `cannot use store '${file}': store schema version ${migrations.length + 1} is newer than this program understands`,
    );
  });
});

describe('migrations', () => {
  it('bring a fresh file to the current version, and reopening changes nothing', async () => {
    open();
    await closeAll();
    const readVersions = () => {
      const db = new Database(file, { readonly: true });
      const versions = db.prepare('SELECT version, description FROM schema_migrations ORDER BY version').all();
      const version = schemaVersion(db);
      db.close();
      return { version, versions };
    };
    const first = readVersions();
    expect(first.version).toBe(migrations.length);
    expect(first.versions).toEqual(migrations.map((m, i) => ({ version: i + 1, description: m.description })));
    open();
    await closeAll();
    expect(readVersions()).toEqual(first);
  });

  it('upgrade an old file, indexing the articles it already holds', async () => {
    const db = new Database(file);
    migrate(db, migrations.slice(0, 1));
    const old = plainArticle('from-v1', '2031-04-01', ['The old ferry log mentions a storm.', 'Nobody sailed.']);
    const seq = db
      .prepare(
        `INSERT INTO articles (id, content_hash, source, published_on, text, origin_file) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        old.article.id,
        old.contentHash,
        old.article.source,
        old.article.publishedOn,
        old.article.text,
        old.article.origin.file,
      ).lastInsertRowid;
    const insertSentence = db.prepare(
      `INSERT INTO sentences (article_seq, idx, span_start, span_end, text, annotations, timex_count) VALUES (?, ?, ?, ?, ?, ?, 0)`,
    );
    for (const s of old.sentences) {
      insertSentence.run(
        seq,
        s.index,
        s.span.start,
        s.span.end,
        s.text,
        JSON.stringify({ tokens: s.tokens, timexes: [], mentions: [], quantities: [] }),
      );
    }
    db.close();

    const store = open();
    expect(await store.articles()).toStrictEqual([old]);
    expect((await store.articles({ query: 'storm' })).map((a) => a.article.id)).toEqual(['from-v1']);
    expect((await store.articles({ query: 'nobody sail' })).map((a) => a.article.id)).toEqual(['from-v1']);
    // Keyed for duplicate grouping by the first write: a copy of it is grouped with it.
    const copy = plainArticle('copy', '2031-04-02', [
      'The old ferry log mentions a storm.',
      'Nobody sailed.',
      'Reprinted.',
    ]);
    await store.add(ready([copy]), duplicateDetector);
    expect(await store.duplicateGroups()).toEqual([
      { representativeId: 'from-v1', memberIds: ['from-v1', 'copy'], kind: 'near' },
    ]);
    // Known by the identity the migration worked out: the same article read again is not added.
    expect(await store.add(ready([old]), duplicateDetector)).toEqual({
      added: [],
      alreadyStored: ['from-v1'],
      renamed: [],
    });
  });
});

describe('concurrent writers', () => {
  it('waits out a writer that holds the file past the busy timeout, then lands the batch', async () => {
    const store = open();
    await store.add(ready(syntheticArticles(0, 1)), duplicateDetector);
    // Another process takes the write lock and keeps it longer than one attempt waits (5 s).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        "const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => db.exec('COMMIT'), 6500);",
        file,
      ],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((locked) => holder.stdout.once('data', locked));
    const result = await store.add(ready(syntheticArticles(1, 2)), duplicateDetector);
    expect(result.added).toEqual(['synthetic-1', 'synthetic-2']);
    expect((await store.counts()).articles).toBe(3);
  }, 30_000);
});
