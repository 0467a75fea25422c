// Several writers and readers on one SQLite store (issue 14): newsrooms run several feeds at once,
// and read timelines while they come in. Two and four `chronicle ingest` processes write one store
// at the same time, in small batches so that their transactions interleave, from inputs that
// overlap (the same article arrives through two feeds); timelines and the web server read it
// meanwhile. Every process must succeed, and the store must end exactly as one clean ingest of the
// same inputs leaves it: nothing lost, nothing stored twice.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import type { StoreCounts } from '../src/store/store.js';
import { chronicleRun, expectNoStackTrace, type Run } from './support/cli-run.js';

const work = mkdtempSync(join(tmpdir(), 'chronicle-concurrency-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FEEDS = 4;
const ARTICLES_PER_FEED = 40;
/** Each feed repeats this many articles of the feed before it: the same report through two wires. */
const SHARED_WITH_PREVIOUS = 10;

const PLACES = ['Lunholm', 'Osterby', 'Wrenmouth', 'Caldervale'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'];

/** Article `n` of the fictional harbour strike, always the same words for the same n. */
function article(n: number): Record<string, string> {
  const place = PLACES[n % PLACES.length]!;
  const day = 1 + (n % 20);
  return {
    id: `strike-${n}`,
    time: `2025-04-${String(day).padStart(2, '0')}`,
    source: 'Coast Wire',
    title: `Harbour strike, report ${n}`,
    text: `Dockers in ${place} stopped work on ${WEEKDAYS[n % WEEKDAYS.length]} in the harbour strike, report ${n} says. About ${100 + n} workers joined the picket at the north quay. The union said talks with the port authority would resume within a week.`,
  };
}

/** Feed f: its own articles and a few of the feed before it. */
function feedArticles(f: number): number[] {
  const own = Array.from({ length: ARTICLES_PER_FEED - SHARED_WITH_PREVIOUS }, (_, i) => f * 100 + i);
  const shared = f === 0 ? [] : Array.from({ length: SHARED_WITH_PREVIOUS }, (_, i) => (f - 1) * 100 + i);
  return [...own, ...shared];
}

const feeds: string[] = [];
beforeAll(() => {
  mkdirSync(join(work, 'feeds'));
  for (let f = 0; f < FEEDS; f++) {
    const file = join(work, 'feeds', `feed-${f}.jsonl`);
    writeFileSync(
      file,
      feedArticles(f)
        .map((n) => `${JSON.stringify(article(n))}\n`)
        .join(''),
    );
    feeds.push(file);
  }
});

const chronicle = (...args: string[]): Promise<Run> =>
  chronicleRun(args, { CHRONICLE_STORE: join(work, 'default.sqlite') });

/** Small batches, so concurrent writers take turns many times within one run. */
const ingest = (store: string, feed: string) => chronicle('ingest', feed, '--store', store, '--batch', '4');

async function countsOf(store: string): Promise<StoreCounts> {
  const opened = await openStore(store, { readonly: true });
  try {
    return await opened.counts();
  } finally {
    await opened.close();
  }
}

async function cleanCounts(inputs: readonly string[], name: string): Promise<StoreCounts> {
  const store = join(work, `${name}.sqlite`);
  const run = await chronicle('ingest', ...inputs, '--store', store);
  expect(run.code, run.stderr).toBe(0);
  return countsOf(store);
}

function expectAllSucceeded(runs: readonly Run[]): void {
  for (const run of runs) {
    expect(run.code, run.stderr).toBe(0);
    expectNoStackTrace(run.stderr);
  }
}

// Each case starts several CLI processes from source on two cores: minutes, not the default minute.
describe('concurrent writers to one SQLite store', { timeout: 240_000 }, () => {
  it.each([2, 4])(
    '%i ingests at once, from overlapping feeds, end as one clean ingest of the same feeds',
    async (writers) => {
      const inputs = feeds.slice(0, writers);
      const expected = await cleanCounts(inputs, `clean-${writers}`);
      const store = join(work, `together-${writers}.sqlite`);
      expectAllSucceeded(await Promise.all(inputs.map((feed) => ingest(store, feed))));
      expect(await countsOf(store)).toEqual(expected);
      // The shared articles arrived twice but are stored once.
      expect(expected.articles).toBe(writers * (ARTICLES_PER_FEED - SHARED_WITH_PREVIOUS));
    },
  );

  it('ingests while timelines and the web server read the same store', async () => {
    const store = join(work, 'read-while-writing.sqlite');
    // A first feed, so that the readers have something to read from the start.
    expectAllSucceeded([await ingest(store, feeds[0]!)]);
    const app = await buildServer({ storeLocation: store });
    try {
      const writing = Promise.all(feeds.slice(1).map((feed) => ingest(store, feed)));
      let done = false;
      void writing.finally(() => (done = true));
      // One reader after another, for as long as the writers write (and at least once).
      const timelines: Run[] = [];
      const answers: number[] = [];
      do {
        const [timeline] = await Promise.all([
          chronicle('timeline', '--store', store, '--query', 'harbour strike', '--dates', '3', '--format', 'json'),
          ...['/api/timeline?query=harbour&dates=3', '/api/articles?pageSize=5'].map(async (url) =>
            answers.push((await app.inject({ method: 'GET', url })).statusCode),
          ),
        ]);
        timelines.push(timeline);
      } while (!done);
      expectAllSucceeded(await writing);
      expectAllSucceeded(timelines);
      for (const run of timelines)
        expect((JSON.parse(run.stdout) as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
      expect(answers.every((status) => status === 200)).toBe(true);
    } finally {
      await app.close();
    }
    expect(await countsOf(store)).toEqual(await cleanCounts(feeds, 'clean-all'));
  });
});
