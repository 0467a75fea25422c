// The story part of the store contract (Store.updateStories and the story selection), run against
// every backend beside contract.ts. The articles are two invented stories, annotated for real, so
// that the names and words the tracker compares are the annotator's.
import { afterEach, describe, expect, it } from 'vitest';
import { annotateArticle } from '../../../src/annotate/index.js';
import type { StoryNeighbourhood, StoryTracker } from '../../../src/model.js';
import { duplicateDetector, storyTracker } from '../../../src/select/index.js';
import { storyId } from '../../../src/select/stories.js';
import { openStore } from '../../../src/store/index.js';
import type { Store } from '../../../src/store/store.js';
import { ready } from './synthetic.js';

/** Sentences of the dock strike at Velmora: each article takes three of them. */
const STRIKE = [
  'Pickets said # ships waited offshore for the dock strike to end.',
  'Dock workers of the Velmora Dockworkers Union kept the port of Velmora closed on the picket line.',
  'Union leader Tomas Brell said the strike over pay and night shifts would go on at Kessel Quay.',
  'The Velmora Port Authority said cranes at Kessel Quay stood still as the strike went on.',
  'Henrik Aldane of the Velmora Port Authority offered the dockworkers a pay rise of 4 percent.',
  'Labour Minister Ilse Varga urged Tomas Brell and Henrik Aldane to end the dock strike.',
  'Ships queued outside the port of Velmora as pickets blocked the gates of Kessel Quay.',
];

/** Sentences of a hill fire in the Tarnwood hills, the same weeks. */
const FIRE = [
  'Crews reported # hectares of forest burned as the blaze spread.',
  'Firefighters of the Tarnwood Fire Service fought a wildfire in the hills above Brasko.',
  'Fire chief Marta Selin said the blaze had burned forests around the Oskel reservoir.',
  'Residents of Brasko were evacuated as flames crossed the ridge of the Tarnwood hills.',
  'Mayor Jonas Pirk of Brasko opened shelters for families who fled the wildfire.',
  'Water bombers from the Oskel reservoir flew over the burning forest near Brasko.',
  'Marta Selin of the Tarnwood Fire Service said the wildfire was contained at last.',
];

/**
 * `count` articles of one story, two days apart from `firstDay` of April 2025: each tells two of
 * the story's sentences (the next article one of them again) and its first sentence with a figure
 * of its own, so that no two are copies.
 */
function storyArticles(prefix: string, [own, ...sentences]: string[], firstDay: number, count: number, year = 2025) {
  return Array.from({ length: count }, (_, i) => {
    const told = [sentences[i % sentences.length], sentences[(i + 1) % sentences.length]];

    const day = `${year}-04-${String(firstDay + i * 2).padStart(2, '0')}`;
    const source = i % 2 === 0 ? 'coastal-wire' : 'northern-ledger';
    return annotateArticle({
      id: `${prefix}-${i}`,
      source,
      publishedOn: day,
      text: [...told, own!.replace('#', String(3 + i * 7))].join(' '),
      origin: { file: `${prefix}-${i}.txt` },
    });
  });
}

const strike = storyArticles('strike', STRIKE, 1, 6);
const fire = storyArticles('fire', FIRE, 2, 6);
/** The whole archive in publication order, as one ingest of it would store it. */
const archive = [...strike, ...fire].sort((a, b) => a.article.publishedOn.localeCompare(b.article.publishedOn));

/** The story tracker, recording the neighbourhoods the store hands it. */
function watchedTracker(): { tracker: StoryTracker; seen: StoryNeighbourhood[] } {
  const seen: StoryNeighbourhood[] = [];
  return {
    seen,
    tracker: {
      ...storyTracker,
      track: (neighbourhood, arrivals) => {
        seen.push(neighbourhood);
        return storyTracker.track(neighbourhood, arrivals);
      },
    },
  };
}

export function storyContract(name: string, newLocation: () => Promise<string>): void {
  describe(`store contract, stories: ${name}`, () => {
    const opened: Store[] = [];
    let location: string | undefined;

    async function open(fresh = false): Promise<Store> {
      if (fresh || location === undefined) location = await newLocation();
      const store = await openStore(location);
      opened.push(store);
      return store;
    }

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      location = undefined;
    });

    async function membersByStory(store: Store): Promise<Map<string, string[]>> {
      const { stories } = await store.stories({ order: 'articles', offset: 0, limit: 100 });
      const members = new Map<string, string[]>();
      for (const story of stories)
        members.set(
          story.id,
          (await store.articles({ story: story.id })).map((a) => a.article.id),
        );
      return members;
    }

    it('finds the two stories of an archive, each under the id of its first article', async () => {
      const store = await open();
      await store.add(ready(archive), duplicateDetector);
      expect(await store.updateStories(storyTracker)).toBe(12);
      const members = await membersByStory(store);
      expect([...members.keys()].sort()).toEqual([storyId('fire-0'), storyId('strike-0')].sort());
      expect(members.get(storyId('strike-0'))).toEqual(strike.map((a) => a.article.id));
      expect(members.get(storyId('fire-0'))).toEqual(fire.map((a) => a.article.id));
      const listed = await store.story(storyId('strike-0'));
      expect(listed).toMatchObject({
        firstDay: '2025-04-01',
        lastDay: '2025-04-11',
        articles: 6,
        independent: 6,
        outlets: 2,
      });
      expect(listed!.label).toMatch(/Velmora|Kessel|strike|Brell/);
      expect(listed!.names.map((n) => n.text)).toContain('Tomas Brell');
      expect(listed!.places.map((n) => n.text)).toContain('Velmora');
      // Placed articles are not placed again.
      expect(await store.updateStories(storyTracker)).toBe(0);
    });

    it('gives the same stories, ids and labels when the archive arrives in two ingests as in one', async () => {
      const whole = await open(true);
      await whole.add(ready(archive), duplicateDetector);
      await whole.updateStories(storyTracker);
      const parts = await open(true);
      await parts.add(ready(archive.slice(0, 5)), duplicateDetector);
      await parts.updateStories(storyTracker);
      await parts.add(ready(archive.slice(5)), duplicateDetector);
      await parts.updateStories(storyTracker);
      const list = (store: Store) => store.stories({ order: 'articles', offset: 0, limit: 100 });
      expect(await list(parts)).toEqual(await list(whole));
      expect(await membersByStory(parts)).toEqual(await membersByStory(whole));
      // Rebuilding places the same archive the same way.
      expect(await parts.rebuildStories(storyTracker)).toBe(12);
      expect(await list(parts)).toEqual(await list(whole));
    });

    it('keeps a story id while the story grows, and puts a copy in its original story without weighing on it', async () => {
      const store = await open();
      await store.add(ready(strike.slice(0, 3)), duplicateDetector);
      await store.updateStories(storyTracker);
      const id = storyId('strike-0');
      expect((await store.story(id))?.articles).toBe(3);
      const copy = annotateArticle({
        ...strike[1]!.article,
        id: 'reprint',
        source: 'velmora-herald',
        publishedOn: '2025-04-04',
      });
      await store.add(ready([...strike.slice(3), copy]), duplicateDetector);
      await store.updateStories(storyTracker);
      expect(await store.story(id)).toMatchObject({ articles: 7, independent: 6, outlets: 3 });
      expect((await store.articles({ story: id })).map((a) => a.article.id)).toContain('reprint');
    });

    it('compares new articles only with the stories near them in time and words', async () => {
      const store = await open();
      await store.add(ready(archive), duplicateDetector);
      await store.updateStories(storyTracker);
      // A year later, the strike's union strikes again: no story of last April is near it.
      const later = storyArticles('strike-2026', [STRIKE[0]!, ...STRIKE.slice(1).reverse()], 1, 2, 2026);
      await store.add(ready(later), duplicateDetector);
      const { tracker, seen } = watchedTracker();
      expect(await store.updateStories(tracker)).toBe(2);
      expect(seen.map((n) => n.stories.length)).toEqual([0]);
      // The same story's next day is compared with the strike alone, not the fire.
      const next = storyArticles('strike-next', STRIKE, 12, 1);
      await store.add(ready(next), duplicateDetector);
      const watched = watchedTracker();
      await store.updateStories(watched.tracker);
      expect(watched.seen.flatMap((n) => n.stories.map((s) => s.story.id))).not.toContain(storyId('fire-0'));
      expect((await store.articles({ story: storyId('strike-0') })).map((a) => a.article.id)).toContain(
        'strike-next-0',
      );
    });

    it('never opens one story twice when two writers add its articles at once', async () => {
      const first = await open();
      const second = await openStore(location!);
      opened.push(second);
      await Promise.all([
        (async () => {
          await first.add(ready(strike.slice(0, 3)), duplicateDetector);
          await first.updateStories(storyTracker);
        })(),
        (async () => {
          await second.add(ready(strike.slice(3)), duplicateDetector);
          await second.updateStories(storyTracker);
        })(),
      ]);
      await first.updateStories(storyTracker);
      const { total, stories } = await first.stories({ order: 'articles', offset: 0, limit: 10, minArticles: 1 });
      expect(total).toBe(1);
      // Whichever writer placed first opened it (its id is that writer's first article's); the other joined it.
      expect(stories[0]).toMatchObject({ articles: 6, independent: 6 });
      expect([storyId('strike-0'), storyId('strike-3')]).toContain(stories[0]!.id);
    });

    it('lists stories by size or recency, within a window, a page at a time', async () => {
      const store = await open();
      await store.add(ready([...archive, ...storyArticles('fire-more', FIRE, 14, 3)]), duplicateDetector);
      await store.updateStories(storyTracker);
      const biggest = await store.stories({ order: 'articles', offset: 0, limit: 1 });
      expect(biggest).toMatchObject({ total: 2, stories: [{ id: storyId('fire-0'), articles: 9 }] });
      const recent = await store.stories({ order: 'recent', offset: 1, limit: 1 });
      expect(recent.stories.map((s) => s.id)).toEqual([storyId('strike-0')]);
      expect((await store.stories({ order: 'articles', offset: 0, limit: 10, minArticles: 7 })).total).toBe(1);
      expect((await store.stories({ order: 'articles', offset: 0, limit: 10, from: '2025-04-13' })).total).toBe(1);
      expect((await store.stories({ order: 'articles', offset: 0, limit: 10, to: '2025-03-31' })).total).toBe(0);
    });
  });
}
