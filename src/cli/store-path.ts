/** Where `ingest` and `serve` keep articles when no --store is given (override with CHRONICLE_STORE). */
export const DEFAULT_STORE = process.env.CHRONICLE_STORE || 'chronicle.sqlite';

/** The --store help shared by the commands: both kinds of location. */
export const STORE_LOCATION_HELP =
  'SQLite store file, or a PostgreSQL URL (postgres://user:password@host:port/database)';
