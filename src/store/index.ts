// Opening a store by where it lives: a PostgreSQL URL means the server database, anything else
// is the path of a SQLite file.
// Each backend's module (and its driver) loads when a store of its kind is opened: a SQLite
// timeline need not load the PostgreSQL client, nor a server-backed one the SQLite addon.
import { redactedUrl, type OpenOptions, type Store } from './store.js';

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
  if (isServerLocation(location)) return (await import('./postgres.js')).openPostgresStore(location, options);
  return (await import('./sqlite.js')).openSqliteStore(location, options);
}
