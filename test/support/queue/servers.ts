// The servers the queue tests need: Redis, named by CHRONICLE_TEST_REDIS, and the PostgreSQL store of
// test/support/store/postgres.ts (.ci/run starts both and sets the variables).
import { SKIP_REASON as POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from '../store/postgres.js';

/** The test Redis server's URL, or undefined when the tests that need it should be skipped. */
export const TEST_REDIS_URL = process.env.CHRONICLE_TEST_REDIS || undefined;

/** Why the tests that need Redis and PostgreSQL cannot run; empty when both are there. */
export const MISSING_QUEUE_SERVERS: string[] = [
  TEST_REDIS_URL === undefined &&
    'CHRONICLE_TEST_REDIS is not set (a redis:// URL; .ci/run starts a server and sets it)',
  TEST_POSTGRES_URL === undefined && POSTGRES_SKIP_REASON,
].filter((reason): reason is string => typeof reason === 'string');
