import { afterAll, describe } from 'vitest';
import { storeContract } from '../../test/support/store/contract.js';
import { storyContract } from '../../test/support/store/story-contract.js';
import { SKIP_REASON, TEST_POSTGRES_URL, testSchemas } from '../../test/support/store/postgres.js';

describe.skipIf(TEST_POSTGRES_URL === undefined)(
  TEST_POSTGRES_URL === undefined ? `PostgreSQL: skipped, ${SKIP_REASON}` : 'PostgreSQL',
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    afterAll(() => schemas.dropAll());
    storeContract('PostgreSQL', () => schemas.create());
    storyContract('PostgreSQL', () => schemas.create());
  },
);
