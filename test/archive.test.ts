// The archive promise: a timeline asked of a store reads only the articles its selection names,
// and is the same timeline, to the last field, as one built from the same files in memory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Selection } from '../src/model.js';
import {
  buildTimeline,
  corpusFromStore,
  ingest,
  loadCorpus,
  openStore,
  timelineOptions,
  timelineSelection,
} from '../src/pipeline.js';
import type { Store } from '../src/store/store.js';
import { ARTICLES_PER_DATE, broadDates } from '../src/timeline/contention.js';

const EXAMPLE = 'examples/harbour-strike';
/** Articles of other stories sharing the archive: none mentions the strike's words. */
const DISTRACTORS = 160;

let dir: string;
let paths: string[];
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronicle-archive-'));
  const lines = Array.from({ length: DISTRACTORS }, (_, i) =>
    JSON.stringify({
      id: `lantern-${i}`,
      // A day every other day over most of a year: a broad timeline has many days to choose from.
      time: new Date(Date.UTC(2024, 4, 1 + 2 * i)).toISOString().slice(0, 10),
      source: 'lantern-post',
      title: `Lantern fair, night ${i}`,
      text: `On Monday ${i + 3} lantern makers from Orrick opened stall number ${i} at the autumn fair. Visitors counted ${i * 7} lanterns by Tuesday, organiser Helga Norrby said.`,
    }),
  );
  const distractors = join(dir, 'lanterns.jsonl');
  await writeFile(distractors, `${lines.join('\n')}\n`);
  paths = [EXAMPLE, distractors];
  store = await openStore(join(dir, 'archive.sqlite'));
  await ingest(paths, store, { threads: 1 });
}, 120_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The store, counting the annotated articles it hands out. */
function counting(inner: Store): { store: Store; loaded: () => number } {
  let loaded = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'articles') return Reflect.get(target, property, receiver) as unknown;
      return async (selection?: Selection) => {
        const articles = await target.articles(selection);
        loaded += articles.length;
        return articles;
      };
    },
  });
  return { store, loaded: () => loaded };
}

describe('a timeline from an archive', () => {
  const requests = [
    { query: 'strike', dates: 6, sentencesPerDate: 2 },
    { query: 'dock, harbour blockade', from: '2025-04-05', to: '2025-04-20', dates: 5, sentencesPerDate: 1 },
    { entity: 'Velmora', dates: 4, sentencesPerDate: 2 },
  ];

  it.each(requests)('reads only the articles the selection names: %o', async (request) => {
    const selection = timelineSelection(request);
    const total = (await store.counts()).articles;
    const { store: watched, loaded } = counting(store);
    const corpus = await corpusFromStore(watched, selection);
    expect(corpus.articles.length).toBeGreaterThan(0);
    expect(corpus.articles.every((a) => a.article.source !== 'lantern-post')).toBe(true);
    // The entity's words narrow the read; the annotations then confirm the name.
    expect(loaded()).toBeLessThanOrEqual(corpus.articles.length + (request.entity ? 19 : 0));
    expect(loaded()).toBeLessThan(total / 5);
  });

  it.each(requests)('is the timeline built from the same files in memory: %o', async (request) => {
    const selection = timelineSelection(request);
    const options = timelineOptions(request);
    const fromFiles = buildTimeline((await loadCorpus(paths, selection)).corpus, options);
    const fromStore = buildTimeline(await corpusFromStore(store, selection), options);
    expect(fromStore.entries.length).toBeGreaterThan(0);
    expect(fromStore).toStrictEqual(fromFiles);
  });

  it("reads a broad timeline through the store's date signal: a bounded sample about each date it shows", async () => {
    const options = timelineOptions({ dates: 5, sentencesPerDate: 1 });
    const whole = await corpusFromStore(store, {}, options);
    const { store: watched, loaded } = counting(store);
    // Every selection of more than 10 articles is broad here.
    const broad = await corpusFromStore(watched, {}, options, 10);
    expect(loaded()).toBe(0);
    expect(broad.articles.length).toBeLessThanOrEqual(5 * 2 * ARTICLES_PER_DATE);
    expect(broad.articles.length).toBeLessThan(whole.articles.length / 2);
    // The dates are the signal's best; the method summarises each of them and no other.
    const shown = broadDates(await store.dateSignal({}), options);
    expect(broad.readFor).toEqual(shown);
    const entries = buildTimeline(broad, options).entries;
    expect(entries.map((e) => e.date).sort((a, b) => a.value.localeCompare(b.value))).toEqual(
      [...shown].sort((a, b) => a.value.localeCompare(b.value)),
    );
    // The harbour strike is the story most written about: its days lead the signal.
    expect(entries.filter((e) => e.date.value.startsWith('2025-04')).length).toBeGreaterThanOrEqual(3);
  });

  it('bounds the articles read by the date window, not only the entries', async () => {
    const corpus = await corpusFromStore(
      store,
      timelineSelection({ query: 'strike', from: '2025-04-05', to: '2025-04-10' }),
    );
    expect(corpus.articles.length).toBeGreaterThan(0);
    expect(
      corpus.articles.every((a) => a.article.publishedOn >= '2025-04-05' && a.article.publishedOn <= '2025-04-10'),
    ).toBe(true);
  });
});
