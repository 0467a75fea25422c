// Throwaway PostgreSQL stores for tests: each is a schema of its own in the database named by
// CHRONICLE_TEST_POSTGRES, reached through a URL that puts the schema first on the search_path.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server's URL, or undefined when the PostgreSQL tests should be skipped. */
export const TEST_POSTGRES_URL = process.env.CHRONICLE_TEST_POSTGRES || undefined;

export const SKIP_REASON =
  'CHRONICLE_TEST_POSTGRES is not set (a postgres:// URL; .ci/run starts a server and sets it)';

export interface TestSchemas {
  /** Creates an empty schema and returns the store URL that uses it. */
  create(): Promise<string>;
  /** Drops every schema made by create. */
  dropAll(): Promise<void>;
}

/** The URL of `base` with `schema` as the schema where tables are made and looked up. */
export function urlWithSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export function testSchemas(base: string): TestSchemas {
  const created: string[] = [];
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    async create() {
      const schema = `chronicle_test_${randomBytes(6).toString('hex')}`;
      await run(`CREATE SCHEMA ${schema}`);
      created.push(schema);
      return urlWithSchema(base, schema);
    },
    async dropAll() {
      for (const schema of created.splice(0)) await run(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
