/** Where `ingest` and `timeline --store` look when no --store is given (override with CHRONICLE_STORE). */
export const DEFAULT_STORE = process.env.CHRONICLE_STORE ?? 'chronicle.sqlite';
