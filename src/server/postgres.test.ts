// The web API on a PostgreSQL store answers as it does on SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, openStore } from '../pipeline.js';
import { SKIP_REASON, TEST_POSTGRES_URL, testSchemas } from '../../test/support/store/postgres.js';
import { buildServer } from './app.js';
import { EXAMPLE_CORPUS, exampleStores } from '../../test/support/server.js';

describe.skipIf(TEST_POSTGRES_URL === undefined)(
  TEST_POSTGRES_URL ? 'the API on PostgreSQL' : `the API on PostgreSQL: skipped, ${SKIP_REASON}`,
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    afterAll(() => schemas.dropAll());

    it('serves the same timeline, article list and article as on SQLite', async () => {
      const postgresUrl = await schemas.create();
      const store = await openStore(postgresUrl);
      try {
        await ingest([EXAMPLE_CORPUS], store);
      } finally {
        await store.close();
      }
      const sqlite = await exampleStores();
      const onPostgres = await buildServer({ storeLocation: postgresUrl });
      const onSqlite = await buildServer({ storeLocation: sqlite.copy() });
      try {
        for (const url of [
          '/api/timeline?dates=6&sentences=2',
          '/api/articles?page=2&pageSize=5',
          '/api/signal',
          '/api/stats',
        ]) {
          const [fromPostgres, fromSqlite] = await Promise.all([onPostgres.inject(url), onSqlite.inject(url)]);
          expect(fromPostgres.statusCode, url).toBe(200);
          expect(fromPostgres.json(), url).toEqual(fromSqlite.json());
        }
        const first = (await onSqlite.inject('/api/articles?page=1&pageSize=1')).json<{
          articles: Array<{ id: string }>;
        }>().articles[0]!.id;
        const [article, expected] = await Promise.all([
          onPostgres.inject(`/api/articles/${first}`),
          onSqlite.inject(`/api/articles/${first}`),
        ]);
        expect(article.json()).toEqual(expected.json());
      } finally {
        await Promise.all([onPostgres.close(), onSqlite.close()]);
        sqlite.remove();
      }
    });
  },
);
