import { describe, expect, it } from 'vitest';
import { annotated, day, type SentenceSpec } from '../../test/support/builders.js';
import type { AnnotatedArticle, Sentence, TimelineOptions } from '../model.js';
import { indexCorpus, type TimelineCorpus } from './corpus.js';
import { datewise } from './datewise.js';
import { PUBLICATION_WEIGHT, reportsByDay, typicalityOf } from './evidence.js';

// A fictional flood: the river bursts on Monday 6 May, a convoy arrives on Tuesday, a bridge reopens
// on Friday 10 May (reported by a wire story that a second site reprints word for word).
const gazette = annotated({
  id: 'gazette-1',
  source: 'Gazette',
  publishedOn: '2024-05-08',
  sentences: [
    {
      text: 'The river burst its banks on Monday, flooding the lower town of Marlow.',
      refersTo: day('2024-05-06', 'on Monday'),
      mentions: [{ text: 'Marlow', kind: 'place' }],
    },
    {
      text: 'Mayor Ana Ruiz ordered 300 families to leave their homes on Monday night.',
      refersTo: day('2024-05-06', 'on Monday'),
      mentions: [{ text: 'Ana Ruiz', kind: 'person' }],
      quantities: [{ text: '300 families', value: 300, unit: 'families' }],
    },
    { text: 'Volunteers filled sandbags outside the town hall through the afternoon.' },
  ],
});
const courier = annotated({
  id: 'courier-1',
  source: 'Courier',
  publishedOn: '2024-05-09',
  sentences: [
    {
      text: 'The flood that began on Monday destroyed two bridges across the valley.',
      refersTo: day('2024-05-06', 'on Monday'),
    },
    {
      text: 'Ana Ruiz said 450 families had fled their homes since Monday in the valley.',
      refersTo: day('2024-05-06', 'since Monday'),
      mentions: [{ text: 'Ana Ruiz', kind: 'person' }],
      quantities: [{ text: '450 families', value: 450, unit: 'families' }],
    },
    {
      text: 'A relief convoy of 15 trucks reached the stranded villages on Tuesday.',
      refersTo: day('2024-05-07', 'on Tuesday'),
    },
  ],
});
const wire = annotated({
  id: 'wire-1',
  source: 'Wire',
  publishedOn: '2024-05-10',
  sentences: [
    {
      text: 'Engineers reopened the main bridge into Marlow on Friday after repairs.',
      refersTo: day('2024-05-10', 'on Friday'),
    },
    { text: 'Traffic moved slowly across the repaired span during the morning.' },
  ],
});
const reprint = annotated({
  id: 'site-copy',
  source: 'Site',
  publishedOn: '2024-05-10',
  sentences: wire.sentences.map(copyOf),
});
function copyOf(sentence: Sentence): SentenceSpec {
  const timex = sentence.timexes[0];
  return timex?.refersTo
    ? { text: sentence.text, refersTo: day(timex.refersTo.value, timex.text) }
    : { text: sentence.text };
}
const background = annotated({
  id: 'gazette-0',
  source: 'Gazette',
  publishedOn: '2024-04-20',
  sentences: [{ text: 'Forecasters warned of heavy spring rain across the whole river valley.' }],
});

const corpus: TimelineCorpus = {
  articles: [background, gazette, courier, wire, reprint],
  duplicateGroups: [{ representativeId: 'wire-1', memberIds: ['wire-1', 'site-copy'], kind: 'exact' }],
};

const options = (overrides: Partial<TimelineOptions> = {}): TimelineOptions => ({
  dates: 3,
  sentencesPerDate: 2,
  ...overrides,
});

describe('datewise timelines', () => {
  it('chooses the days most referred to, not the publication days, and lists them in order', () => {
    const timeline = datewise.build(corpus, options());
    expect(timeline.entries.map((e) => e.date.value)).toEqual(['2024-05-06', '2024-05-07', '2024-05-10']);
    expect(timeline.entries.every((e) => e.date.granularity === 'day')).toBe(true);
    expect(timeline.stats).toEqual({ articles: 5, sentences: 11, duplicates: 1 });
  });

  it('scores the same to the last bit whatever order the articles come in', () => {
    const reversed: TimelineCorpus = { ...corpus, articles: [...corpus.articles].reverse() };
    expect(datewise.build(reversed, options({ dates: 10 })).entries).toEqual(
      datewise.build(corpus, options({ dates: 10 })).entries,
    );
  });

  it('counts a reprinted wire story once', () => {
    const scores = new Map(datewise.build(corpus, options({ dates: 10 })).entries.map((e) => [e.date.value, e.score]));
    const typicality = typicalityOf(indexCorpus(corpus));
    const vote = (article: AnnotatedArticle, sentence: number) => typicality.get(article.sentences[sentence]!)!;
    // One reference from the wire story plus its publication; the reprint adds nothing.
    expect(scores.get('2024-05-10')).toBeCloseTo(vote(wire, 0) + PUBLICATION_WEIGHT, 12);
    // Four sentences refer to Monday, but in two articles: each article votes once, with its most typical one.
    expect(scores.get('2024-05-06')).toBeCloseTo(
      Math.max(vote(gazette, 0), vote(gazette, 1)) + Math.max(vote(courier, 0), vote(courier, 1)),
      12,
    );
  });

  it('weighs a reference by how typical its sentence is of the collection', () => {
    const typicality = typicalityOf(indexCorpus(corpus));
    const dated = [gazette, courier, wire].flatMap((a) => a.sentences.filter((s) => s.timexes.length > 0));
    // An average reference counts 1.
    expect(dated.reduce((total, s) => total + typicality.get(s)!, 0) / dated.length).toBeCloseTo(1, 12);
    // The flood's own words (Monday, families, homes, Ana Ruiz) are the collection's; the bridge reopening is a side story.
    expect(typicality.get(courier.sentences[1]!)!).toBeGreaterThan(1);
    expect(typicality.get(wire.sentences[0]!)!).toBeLessThan(1);
    // The reprint is no evidence of its own, and a sentence naming no date is no reference.
    expect(typicality.has(reprint.sentences[0]!)).toBe(false);
    expect(typicality.has(gazette.sentences[2]!)).toBe(false);
  });

  it('counts references in full when no sentence naming a date has a content word', () => {
    const bare = annotated({
      id: 'bare',
      source: 'Gazette',
      publishedOn: '2024-05-08',
      sentences: [
        { text: 'It was then.', refersTo: day('2024-05-06', 'then') },
        { text: 'Sandbags filled the town hall.' },
      ],
    });
    const typicality = typicalityOf(indexCorpus({ articles: [bare], duplicateGroups: [] }));
    expect([...typicality.values()]).toEqual([1]);
  });

  it('cites each sentence with its article, offsets and how it was dated', () => {
    const monday = datewise.build(corpus, options()).entries[0]!;
    expect(monday.sentences.length).toBe(2);
    for (const citation of monday.sentences) {
      const article = corpus.articles.find((a) => a.article.id === citation.articleId)!.article;
      expect(article.text.slice(citation.span.start, citation.span.end)).toBe(citation.text);
      expect(citation.dating.how).toBe('reference');
      const timex = citation.dating.timex!;
      expect(article.text.slice(timex.span.start, timex.span.end)).toBe(timex.text);
      expect(citation.dating.evidence).toContain(`article of ${article.publishedOn} → 2024-05-06`);
    }
  });

  it('says where else a cited wire story appeared', () => {
    const friday = datewise.build(corpus, options()).entries.find((e) => e.date.value === '2024-05-10')!;
    expect(friday.sentences[0]).toMatchObject({ articleId: 'wire-1', alsoIn: ['site-copy'] });
  });

  it('puts different outlets\u2019 figures for the same thing side by side', () => {
    const monday = datewise.build(corpus, options()).entries[0]!;
    expect(monday.quantities.map((q) => [q.source, q.value, q.unit])).toEqual([
      ['Courier', 450, 'families'],
      ['Gazette', 300, 'families'],
    ]);
    expect(monday.entities).toContainEqual({ text: 'Ana Ruiz', kind: 'person', count: 2 });
  });

  it('falls back to the opening of articles published on a day nothing refers to', () => {
    const april = datewise.build(corpus, options({ dates: 10 })).entries.find((e) => e.date.value === '2024-04-20')!;
    expect(april.sentences).toHaveLength(1);
    expect(april.sentences[0]!.dating).toEqual({
      how: 'publication',
      evidence: 'no date in the sentence; article published 2024-04-20',
    });
  });

  it('keeps to the date range', () => {
    const dates = datewise
      .build(corpus, options({ dates: 10, from: '2024-05-07', to: '2024-05-09' }))
      .entries.map((e) => e.date.value);
    // 9 May is in range but gets no entry: every opening sentence published that day is about another day.
    expect(dates).toEqual(['2024-05-07', '2024-05-08']);
  });

  it('prefers sentences about the query', () => {
    const monday = datewise.build(corpus, options({ sentencesPerDate: 1, query: 'bridge' })).entries[0]!;
    expect(monday.sentences[0]!.text).toContain('bridges');
  });

  it('takes a day\u2019s own reports from the openings published that day and the day after', () => {
    const reports = reportsByDay(indexCorpus(corpus));
    const texts = (day: string) => (reports.get(day) ?? []).map((r) => r.sentence.text);
    // The Gazette's opening sentences name Monday, so only its undated line reports a day (8 May, and 7 May before it).
    expect(texts('2024-05-07')).toEqual(['Volunteers filled sandbags outside the town hall through the afternoon.']);
    expect(texts('2024-05-08')).toEqual(['Volunteers filled sandbags outside the town hall through the afternoon.']);
    // The reprint is not a second report.
    expect(texts('2024-05-10')).toEqual(['Traffic moved slowly across the repaired span during the morning.']);
    expect(texts('2024-05-11')).toEqual([]);
  });
});

describe('one long article', () => {
  it('does not fill the timeline with the days only it mentions', () => {
    // A feature names six past days, one sentence each: six days of one vote, from one article.
    // Two short reports of 10 June announce talks for 15 June: a plan, half a vote from each.
    const feature = annotated({
      id: 'feature',
      source: 'Weekly',
      publishedOn: '2024-06-20',
      sentences: Array.from({ length: 6 }, (_, i) => ({
        text: `On June ${i + 1} the water rose again in the lower town of Marlow.`,
        refersTo: day(`2024-06-0${i + 1}`, `On June ${i + 1}`),
      })),
    });
    const reports = ['Gazette', 'Courier'].map((source) =>
      annotated({
        id: `${source}-report`,
        source,
        publishedOn: '2024-06-10',
        sentences: [
          {
            text: 'The mayor of Marlow and the water board will meet on June 15, officials said.',
            refersTo: day('2024-06-15', 'on June 15'),
          },
          { text: 'Sandbags were handed out at the town hall.' },
        ],
      }),
    );
    const timeline = datewise.build(
      { articles: [feature, ...reports], duplicateGroups: [] },
      options({ dates: 2, sentencesPerDate: 1 }),
    );
    expect(timeline.entries.map((entry) => entry.date.value)).toEqual(['2024-06-10', '2024-06-15']);
  });
});
