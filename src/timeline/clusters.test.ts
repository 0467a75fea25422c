import { describe, expect, it } from 'vitest';
import { annotated, day } from '../../test/support/builders.js';
import type { TimelineOptions } from '../model.js';
import { clusterArticles, clusters, dateEvent } from './clusters.js';
import { indexCorpus, type TimelineCorpus } from './corpus.js';
import { typicalityOf } from './evidence.js';

// A fictional avalanche season in the valley of Brenna: a slide buries the pass road on Monday
// 3 February (three reports over two days), the road reopens on Saturday 8 February (one report),
// and a ski lift fails on the same Monday (one unrelated report).
const slide1 = annotated({
  id: 'slide-1',
  source: 'Valley Post',
  publishedOn: '2031-02-03',
  sentences: [
    {
      text: 'An avalanche buried the Brenna pass road under snow on Monday, cutting off the upper villages.',
      refersTo: day('2031-02-03', 'on Monday'),
    },
    { text: 'Rescue teams searched the avalanche debris on the pass road for trapped drivers.' },
  ],
});
const slide2 = annotated({
  id: 'slide-2',
  source: 'Alpine Wire',
  publishedOn: '2031-02-04',
  sentences: [
    {
      text: 'The avalanche that buried the Brenna pass road on Monday trapped four cars under snow.',
      refersTo: day('2031-02-03', 'on Monday'),
    },
    { text: 'Rescue teams freed the drivers from the avalanche debris on the pass road overnight.' },
  ],
});
const slide3 = annotated({
  id: 'slide-3',
  source: 'Brenna Radio',
  publishedOn: '2031-02-04',
  sentences: [
    {
      text: 'Villagers above the Brenna pass road remain cut off since the avalanche on Monday.',
      refersTo: day('2031-02-03', 'on Monday'),
    },
    { text: 'Snow ploughs cannot reach the avalanche debris until the slope is declared safe.' },
  ],
});
const lift = annotated({
  id: 'lift-1',
  source: 'Valley Post',
  publishedOn: '2031-02-03',
  sentences: [
    {
      text: 'A chair lift at the Kestel ski resort stopped on Monday, leaving sixty skiers dangling for hours.',
      refersTo: day('2031-02-03', 'on Monday'),
    },
    { text: 'Resort engineers blamed a frozen cable drive for the chair lift failure.' },
  ],
});
const reopening = annotated({
  id: 'road-1',
  source: 'Alpine Wire',
  publishedOn: '2031-02-09',
  sentences: [
    {
      text: 'Engineers reopened the Brenna pass road on Saturday after clearing the avalanche debris.',
      refersTo: day('2031-02-08', 'on Saturday'),
    },
    { text: 'Buses returned to the upper villages of the pass road in the afternoon.' },
  ],
});
// Three weeks later, a look back at the season: its own event (the thaw it reports on), and one line
// that recalls the reopening better than the report of the day did.
const lookBack = annotated({
  id: 'review-1',
  source: 'Valley Post',
  publishedOn: '2031-03-01',
  sentences: [
    {
      text: 'The Brenna pass road reopened on 8 February at a ceremony led by the mayor of the upper villages.',
      refersTo: day('2031-02-08', 'on 8 February'),
    },
    {
      text: 'The thaw began in the valley of Brenna on Saturday, a week earlier than usual.',
      refersTo: day('2031-03-01', 'on Saturday'),
    },
    {
      text: 'Meltwater flooded the lower fields of the Brenna valley on Saturday afternoon.',
      refersTo: day('2031-03-01', 'on Saturday'),
    },
  ],
});

const corpus: TimelineCorpus = { articles: [reopening, lift, slide3, slide1, slide2], duplicateGroups: [] };
const options = (overrides: Partial<TimelineOptions> = {}): TimelineOptions => ({
  dates: 5,
  sentencesPerDate: 1,
  ...overrides,
});
const ids = (group: { article: { id: string } }[]) => group.map((a) => a.article.id);

describe('event clusters', () => {
  it('puts reports of one event together and keeps unrelated stories apart', () => {
    const groups = clusterArticles(corpus.articles).map(ids);
    expect(groups).toContainEqual(['slide-1', 'slide-2', 'slide-3']);
    expect(groups).toContainEqual(['lift-1']);
    // The reopening is about the same road, but five days after the last report of the slide.
    expect(groups).toContainEqual(['road-1']);
    expect(groups).toHaveLength(3);
  });

  it('dates an event by the day its sentences refer to most, not by when it was reported', () => {
    const event = dateEvent([slide1, slide2, slide3], options())!;
    expect(event.date).toEqual({ value: '2031-02-03', granularity: 'day' });
    // Three references, plus half a point for the one report published that day.
    expect(event.score).toBe(3.5);
    expect(event.pool.map((ref) => ref.article.article.id)).toEqual(['slide-1', 'slide-2', 'slide-3']);
  });

  it('gives a day to its biggest event only, and lists the entries in date order', () => {
    const timeline = clusters.build(corpus, options());
    expect(timeline.method).toBe('clusters');
    expect(timeline.entries.map((e) => e.date.value)).toEqual(['2031-02-03', '2031-02-08']);
    const monday = timeline.entries[0]!;
    // The slide's, not the lift's: from a report of the slide or a reference to its day.
    expect(monday.sentences[0]!.articleId).toMatch(/^slide-/);
    expect(monday.sentences[0]!.text).toContain('avalanche');
  });

  it('keeps to the number of dates, the sentences per date and the date range', () => {
    expect(clusters.build(corpus, options({ dates: 1 })).entries.map((e) => e.date.value)).toEqual(['2031-02-03']);
    const twoSentences = clusters.build(corpus, options({ sentencesPerDate: 2 })).entries[0]!;
    expect(twoSentences.sentences).toHaveLength(2);
    expect(clusters.build(corpus, options({ from: '2031-02-05' })).entries.map((e) => e.date.value)).toEqual([
      '2031-02-08',
    ]);
  });

  it('summarises a day from every article that refers to it, not only from its event', () => {
    const withLookBack: TimelineCorpus = { articles: [...corpus.articles, lookBack], duplicateGroups: [] };
    expect(clusterArticles(withLookBack.articles).map(ids)).toContainEqual(['review-1']);
    const timeline = clusters.build(withLookBack, options({ query: 'ceremony' }));
    const saturday = timeline.entries.find((e) => e.date.value === '2031-02-08')!;
    expect(saturday.sentences.map((c) => c.articleId)).toEqual(['review-1']);
    // The look-back's own event is the thaw, dated by its two references to that Saturday.
    expect(timeline.entries.map((e) => e.date.value)).toContain('2031-03-01');
  });

  it('ranks events by how much the whole collection refers to their day', () => {
    // Inside its event the thaw has more references than the reopening, but the reopening is
    // recalled by a later article as well: two articles refer to 8 February, one to the thaw.
    const withLookBack: TimelineCorpus = { articles: [...corpus.articles, lookBack], duplicateGroups: [] };
    const timeline = clusters.build(withLookBack, options({ dates: 1, from: '2031-02-05' }));
    expect(timeline.entries.map((e) => e.date.value)).toEqual(['2031-02-08']);
    // Each reference counts as much as its sentence is typical of the collection.
    const typicality = typicalityOf(indexCorpus(withLookBack));
    const references = [reopening.sentences[0]!, lookBack.sentences[0]!].map((s) => typicality.get(s)!);
    expect(timeline.entries[0]!.score).toBeCloseTo(references[0]! + references[1]!, 12);
  });

  it('prefers sentences about the query', () => {
    const monday = clusters.build(corpus, options({ query: 'villagers' })).entries[0]!;
    expect(monday.sentences[0]!.text).toContain('Villagers');
  });
});
