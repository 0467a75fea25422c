import { afterAll, describe } from 'vitest';
import { storeContract } from './contract.js';
import { SKIP_REASON, TEST_POSTGRES_URL, testSchemas } from './testing/postgres.js';

describe.skipIf(TEST_POSTGRES_URL === undefined)(
  TEST_POSTGRES_URL === undefined ? `PostgreSQL: skipped, ${SKIP_REASON}` : 'PostgreSQL',
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    afterAll(() => schemas.dropAll());
    storeContract('PostgreSQL', () => schemas.create());
  },
);
