// Opening a store by where it lives: a PostgreSQL URL means the server database, anything else
// is the path of a SQLite file.
import { openPostgresStore, redactedUrl } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { OpenOptions, Store } from './store.js';

export { StoreError } from './store.js';
export type { OpenOptions, Store } from './store.js';

const SERVER_URL = /^postgres(?:ql)?:\/\//i;

/** True for a `postgres://` or `postgresql://` URL, false for a file path. */
export function isServerLocation(location: string): boolean {
  return SERVER_URL.test(location);
}

/** The location as it may be printed: a URL's password masked. */
export function storeName(location: string): string {
  return isServerLocation(location) ? redactedUrl(location) : location;
}

export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  return isServerLocation(location) ? openPostgresStore(location, options) : openSqliteStore(location, options);
}
