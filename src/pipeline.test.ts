import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineIngest, type IngestPool } from './ingest/pool.js';
import { ingest, openStore, type Phase } from './pipeline.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronicle-ingest-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const COUNT = 450;
const article = (i: number) =>
  JSON.stringify({
    id: `n${i}`,
    time: '2019-03-05',
    text: `On Monday ${i} boats left the quay of Corran Isle, the harbour master said.`,
  });

describe('ingest from a stream', () => {
  it('stores every article in batches, reports bytes and articles as it goes, and skips them all on a re-run', async () => {
    await mkdir(join(dir, 'wire'));
    const file = join(dir, 'wire', 'news.jsonl');
    // A bad line and a repeated id among the articles: both are reported, neither stops the ingest.
    const lines = Array.from({ length: COUNT }, (_, i) => article(i));
    lines.splice(10, 0, 'not json', article(3));
    await writeFile(file, `${lines.join('\n')}\n`);
    const { size } = await stat(file);
    const store = await openStore(join(dir, 'store.sqlite'));
    try {
      const events: Array<[phase: Phase, done: number, total: number, articles?: number]> = [];
      const first = await ingest([file], store, {
        batchSize: 100,
        threads: 2,
        onProgress: (...event) => events.push(event),
      });
      expect(first).toMatchObject({ read: COUNT, added: COUNT, alreadyStored: 0 });
      expect(first.skipped).toEqual([
        { file, line: 11, reason: expect.stringMatching(/^invalid JSON/) },
        { file, line: 12, reason: `duplicate id n3 (first at ${file}:4)` },
      ]);
      expect(events.map(([phase]) => phase)).toEqual(Array(5).fill('ingest'));
      expect(events.map(([, , , articles]) => articles)).toEqual([100, 200, 300, 400, COUNT]);
      expect(events.every(([, , total]) => total === size)).toBe(true);
      const bytes = events.map(([, done]) => done);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
      expect(bytes.at(-1)).toBe(size);
      expect((await store.counts()).articles).toBe(COUNT);

      const stored: Array<number | undefined> = [];
      const again = await ingest([file], store, {
        batchSize: 100,
        onProgress: (_, __, ___, articles) => stored.push(articles),
      });
      expect(again).toMatchObject({ read: COUNT, added: 0, alreadyStored: COUNT });
      expect(stored).toEqual([100, 200, 300, 400, COUNT]);
      expect((await store.counts()).articles).toBe(COUNT);
    } finally {
      await store.close();
    }
  });
});

describe('ingest with batches annotated ahead', () => {
  it("fails with the annotator's error, keeps the batches stored before it, and stores the rest on a re-run", async () => {
    const file = join(dir, 'failing.jsonl');
    await writeFile(file, `${Array.from({ length: 300 }, (_, i) => article(i)).join('\n')}\n`);
    const store = await openStore(join(dir, 'failing.sqlite'));
    // The third batch fails while the first is being stored: its rejection must wait for its turn,
    // not end the process as an unhandled one.
    let calls = 0;
    const failingThird: IngestPool = {
      run: (articles) => (++calls === 3 ? Promise.reject(new Error('a thread died')) : inlineIngest.run(articles)),
      close: () => Promise.resolve(),
    };
    try {
      await expect(ingest([file], store, { batchSize: 100, pool: failingThird })).rejects.toThrow('a thread died');
      expect((await store.counts()).articles).toBe(200);
      const rerun = await ingest([file], store, { batchSize: 100 });
      expect(rerun).toMatchObject({ added: 100, alreadyStored: 200 });
    } finally {
      await store.close();
    }
  });
});
