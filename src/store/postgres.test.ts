// What only the PostgreSQL store does: reach a server, share a database, migrate under a lock.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from './postgres.js';
import { redactedUrl } from './store.js';
import { postgresMigrations } from './schema/postgres-migrations.js';
import { StoreError } from './store.js';
import { SKIP_REASON, TEST_POSTGRES_URL, testSchemas } from '../../test/support/store/postgres.js';
import { plainArticle } from '../../test/support/store/contract.js';
import { inStoreOrder, syntheticArticles, ready } from '../../test/support/store/synthetic.js';
import { duplicateDetector } from '../select/index.js';

describe('connection failures', () => {
  it('names the server without its password and says it cannot be reached', async () => {
    const attempt = openPostgresStore('postgres://reporter:hunter2@127.0.0.1:1/news');
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(attempt).rejects.toThrow(
      "cannot use store 'postgres://reporter:***@127.0.0.1:1/news': cannot reach the PostgreSQL server",
    );
  });

  it('masks only the password', () => {
    expect(redactedUrl('postgresql://ed:s%40cret@db.example:5433/news?sslmode=require')).toBe(
      'postgresql://ed:***@db.example:5433/news?sslmode=require',
    );
    expect(redactedUrl('postgres://db.example/news')).toBe('postgres://db.example/news');
  });
});

describe.skipIf(TEST_POSTGRES_URL === undefined)(
  TEST_POSTGRES_URL === undefined ? `with a server: skipped, ${SKIP_REASON}` : 'with a server',
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    afterAll(() => schemas.dropAll());

    async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    }

    it('migrates once when several processes open a new store at the same moment', async () => {
      const url = await schemas.create();
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url)));
      await Promise.all(stores.map((store) => store.close()));
      const versions = await query<{ version: number; description: string }>(
        url,
        'SELECT version, description FROM schema_migrations ORDER BY version',
      );
      expect(versions).toEqual(postgresMigrations.map((m, i) => ({ version: i + 1, description: m.description })));
    });

    it('upgrades a store written before the archive layout, keeping its articles and grouping new copies with them', async () => {
      const url = await schemas.create();
      const old = plainArticle('from-v2', '2031-04-01', ['The old ferry log mentions a storm.', 'Nobody sailed.']);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(
          'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
        );
        for (const [i, migration] of postgresMigrations.slice(0, 2).entries()) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
            i + 1,
            migration.description,
          ]);
        }
        const { rows } = await client.query<{ seq: string }>(
          `INSERT INTO articles (id, content_hash, source, published_on, text, origin_file) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
          [
            old.article.id,
            old.contentHash,
            old.article.source,
            old.article.publishedOn,
            old.article.text,
            old.article.origin.file,
          ],
        );
        for (const sentence of old.sentences) {
          await client.query(
            `INSERT INTO sentences (article_seq, idx, span_start, span_end, text, annotations, timex_count) VALUES ($1, $2, $3, $4, $5, $6, 0)`,
            [
              rows[0]!.seq,
              sentence.index,
              sentence.span.start,
              sentence.span.end,
              sentence.text,
              JSON.stringify({ tokens: sentence.tokens, timexes: [], mentions: [], quantities: [] }),
            ],
          );
        }
      } finally {
        await client.end();
      }
      const store = await openPostgresStore(url);
      try {
        expect(await store.articles()).toStrictEqual([old]);
        expect(await store.counts()).toEqual({
          articles: 1,
          sentences: 2,
          timexes: 0,
          duplicateGroups: 0,
          duplicates: 0,
        });
        expect((await store.articles({ query: 'nobody sail' })).map((a) => a.article.id)).toEqual(['from-v2']);
        const copy = plainArticle('copy', '2031-04-02', [
          'The old ferry log mentions a storm.',
          'Nobody sailed.',
          'Reprinted.',
        ]);
        await store.add(ready([copy]), duplicateDetector);
        expect(await store.duplicateGroups()).toEqual([
          { representativeId: 'from-v2', memberIds: ['from-v2', 'copy'], kind: 'near' },
        ]);
        // Known by the identity the migration worked out: the same article read again is not added.
        expect(await store.add(ready([old]), duplicateDetector)).toEqual({
          added: [],
          alreadyStored: ['from-v2'],
          renamed: [],
        });
      } finally {
        await store.close();
      }
    });

    it('stores a batch once when two writers add it at the same moment', async () => {
      const url = await schemas.create();
      const [first, second] = [await openPostgresStore(url), await openPostgresStore(url)];
      try {
        const batch = syntheticArticles(0, 40, { sentences: 3 });
        const results = await Promise.all([
          first.add(ready(batch), duplicateDetector),
          second.add(ready(batch), duplicateDetector),
        ]);
        expect(results.map((r) => r.added.length + r.alreadyStored.length)).toEqual([40, 40]);
        expect(results[0].added.length + results[1].added.length).toBe(40);
        expect(results.flatMap((r) => r.renamed)).toEqual([]);
        expect(await first.articles()).toStrictEqual(inStoreOrder(batch));
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('refuses to read a schema that holds no store, and to write into one of another program', async () => {
      const url = await schemas.create();
      await expect(openPostgresStore(url, { readonly: true })).rejects.toThrow(/: it is not a chronicle store/);
      await query(url, 'CREATE TABLE recipes (name TEXT)');
      await expect(openPostgresStore(url)).rejects.toThrow(/holds tables of some other program/);
      expect(await query(url, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`)).toEqual([
        { tablename: 'recipes' },
      ]);
    });

    it('refuses a store written by a newer program', async () => {
      const url = await schemas.create();
      await (await openPostgresStore(url)).close();
      await query(
        url,
        `INSERT INTO schema_migrations (version, description) VALUES (${postgresMigrations.length + 1}, 'from the future')`,
      );
      await expect(openPostgresStore(url)).rejects.toThrow(
        `store schema version ${postgresMigrations.length + 1} is newer than this program understands`,
      );
      await expect(openPostgresStore(url, { readonly: true })).rejects.toThrow(
        `its schema version ${postgresMigrations.length + 1} is newer`,
      );
    });
  },
);
