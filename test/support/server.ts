// A store holding the example corpus, made once per test file and copied for tests that write.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest, openStore } from '../../src/pipeline.js';

export const EXAMPLE_CORPUS = resolve(import.meta.dirname, '..', '..', 'examples', 'harbour-strike');

export interface ExampleStores {
  /** A fresh copy of the example store, for a test that adds articles. */
  copy(): string;
  remove(): void;
}

export async function exampleStores(): Promise<ExampleStores> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-server-'));
  const original = join(dir, 'example.sqlite');
  const store = await openStore(original);
  try {
    await ingest([EXAMPLE_CORPUS], store);
  } finally {
    await store.close();
  }
  let copies = 0;
  return {
    copy() {
      const file = join(dir, `copy-${++copies}.sqlite`);
      copyFileSync(original, file);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
