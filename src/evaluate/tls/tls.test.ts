// Hand-made cases with fictional sentences and a tiny inline word list, so they run without the
// shared data folder. The golden vectors (golden.test.ts) cover the real resources.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  averagePrf,
  dateScore,
  evaluateTimeline,
  evaluateTimelines,
  linearSumAssignment,
  loadRougeResources,
  newsTlsTask,
  readNewsTlsTimelines,
  rougeApproximation,
  rougeCounts,
  rougePorterStem,
  rougeRawTokens,
  rougeTokens,
  roundHalfEven,
  toTlsTimeline,
  type MetricScore,
  type Outcome,
  type RougeResources,
} from './index.js';

const resources: RougeResources = {
  stopwords: new Set(['the', 'to', 'of', 'a', 'in', 'new']),
  exceptions: new Map([['geese', 'goose']]),
};

function scoreOf<T>(outcome: Outcome<T> | undefined): T {
  if (!outcome?.ok) throw new Error(outcome ? outcome.error : 'not computed');
  return outcome.score;
}

describe('ROUGE-1.5.5 tokenisation', () => {
  it('keeps only ASCII letter and digit runs, lower-cased', () => {
    expect(rougeRawTokens(["Harbour's café re-opened: 1,200 U.S. crates"])).toEqual([
      'harbour',
      's',
      'caf',
      're',
      'opened',
      '1',
      '200',
      'u',
      's',
      'crates',
    ]);
  });

  it('loses a sentence from its first "<" and counts "^" as "circ"', () => {
    expect(rougeRawTokens(['Tide rose <b>fast</b>', '<i>gone', 'up ^ down'])).toEqual([
      'tide',
      'rose',
      'up',
      'circ',
      'down',
    ]);
  });

  it('drops stopwords before stemming and bridges bigrams across them', () => {
    expect(rougeTokens(['The geese flew to the harbour'], resources)).toEqual(['goose', 'flew', 'harbour']);
    const counts = rougeCounts(['Geese flew over the harbour'], [['geese flew over harbour']], resources);
    expect(counts.rouge2).toEqual({ hit: 3, peerCount: 3, modelCount: 3 });
  });

  it('leaves tokens of three characters or fewer unstemmed', () => {
    expect(rougeTokens(['ran runs'], resources)).toEqual(['ran', 'run']);
  });
});

describe("ROUGE's Porter variant", () => {
  it.each([
    ['element', 'elem'],
    ['agreement', 'agreem'],
    ['agreed', 'agre'],
    ['boys', 'boi'],
    ['happily', 'happili'],
    ['yyyy', 'yyyi'],
    ['relational', 'relat'],
    ['hopefulness', 'hope'],
    ['caresses', 'caress'],
    ['adoption', 'adopt'],
  ])('%s → %s', (word, stem) => {
    expect(rougePorterStem(word)).toBe(stem);
  });
});

describe('ROUGE counts with several models', () => {
  it('adds the peer size once per model, including an empty model', () => {
    const counts = rougeCounts(['Dockers strike again'], [['Dockers strike'], []], resources);
    expect(counts.rouge1).toEqual({ hit: 2, peerCount: 6, modelCount: 2 });
    expect(counts.rouge2).toEqual({ hit: 1, peerCount: 4, modelCount: 1 });
  });

  it('clips repeated n-grams per model', () => {
    const counts = rougeCounts(['ferry ferry ferry'], [['ferry'], ['ferry ferry']], resources);
    expect(counts.rouge1).toEqual({ hit: 3, peerCount: 6, modelCount: 3 });
  });
});

describe('content-cost approximation', () => {
  it('is case-sensitive and drops only tokens inside the punctuation string', () => {
    expect(rougeApproximation(['Ferry sails , today'], [['ferry sails today']])).toBeCloseTo(2 / 3, 15);
    expect(rougeApproximation(['sails --'], [['sails']])).toBeCloseTo(2 / 3, 15);
  });

  it('is 0 with nothing to compare', () => {
    expect(rougeApproximation([], [[]])).toBe(0);
  });
});

describe('linearSumAssignment', () => {
  it('finds the minimum assignment', () => {
    expect(
      linearSumAssignment([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual({ rows: [0, 1, 2], cols: [1, 0, 2] });
  });

  it('solves tall matrices transposed and returns pairs in row order', () => {
    expect(linearSumAssignment([[5], [1], [3]])).toEqual({ rows: [1], cols: [0] });
  });

  it('breaks a full tie like scipy: row k gets column k', () => {
    expect(
      linearSumAssignment([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ rows: [0, 1], cols: [0, 1] });
  });

  it('returns nothing for an empty matrix', () => {
    expect(linearSumAssignment([])).toEqual({ rows: [], cols: [] });
  });
});

const reference = [
  { date: '2021-03-01', sentences: ['Dock workers walk out over pay'] },
  { date: '2021-03-05', sentences: ['Port authority offers talks'] },
];

describe('timeline metrics', () => {
  it('scores an identical timeline 1 everywhere', () => {
    const result = evaluateTimeline(reference, [reference], { resources });
    for (const outcome of Object.values(result.metrics)) {
      const score = scoreOf(outcome);
      expect([score.rouge1.fScore, score.rouge2.fScore]).toEqual([1, 1]);
    }
    expect(scoreOf(result.dates)).toEqual({ precision: 1, recall: 1, fScore: 1 });
  });

  it('halves the hits, not the denominators, for a summary one day off', () => {
    const shifted = reference.map(({ date, sentences }) => ({
      date: date.replace(/-0(\d)$/, (_, d: string) => `-0${Number(d) + 1}`),
      sentences,
    }));
    const result = evaluateTimeline(shifted, [reference], { resources });
    const align: MetricScore = scoreOf(result.metrics.align_date_costs);
    expect(align.rouge1.precision).toBe(0.5);
    expect(align.rouge1.recall).toBe(0.5);
    expect(align.alignment?.precision).toEqual([
      ['2021-03-02', '2021-03-01'],
      ['2021-03-06', '2021-03-05'],
    ]);
    expect(scoreOf(result.metrics.agreement).rouge1.fScore).toBe(0);
    expect(scoreOf(result.dates).fScore).toBe(0);
  });

  it('m:1 lets two predicted dates share the earliest cheapest reference date', () => {
    const pred = [
      { date: '2021-03-03', sentences: ['Dock workers walk out over pay'] },
      { date: '2021-03-04', sentences: ['Dock workers walk out over pay'] },
    ];
    const result = evaluateTimeline(pred, [reference], { resources });
    const manyToOne = scoreOf(result.metrics.align_date_content_costs_many_to_one);
    // Identical content makes the cost 0 whatever the distance, so both pick 2021-03-01.
    expect(manyToOne.alignment?.precision).toEqual([
      ['2021-03-03', '2021-03-01'],
      ['2021-03-04', '2021-03-01'],
    ]);
    const oneToOne = scoreOf(result.metrics.align_date_content_costs);
    expect(oneToOne.alignment?.precision).toHaveLength(2);
    expect(new Set(oneToOne.alignment?.precision.map(([, ref]) => ref)).size).toBe(2);
  });

  it('counts an unmatched predicted date in the precision denominator only', () => {
    const pred = [...reference, { date: '2021-03-09', sentences: ['Cranes idle all week'] }];
    const score = scoreOf(evaluateTimeline(pred, [reference], { resources }).metrics.align_date_costs);
    expect(score.rouge1.recall).toBe(1);
    // "cranes idle all week": four unigrams, none of them a stopword in the inline list.
    expect(score.rouge1.sums.precisionDenominator).toBe(score.rouge1.sums.recallDenominator + 4);
    expect(score.rouge1.precision).toBe(
      score.rouge1.sums.recallDenominator / (score.rouge1.sums.recallDenominator + 4),
    );
  });

  it('raises where tilse raises, and reports it per metric', () => {
    const stopwordsOnly = [{ date: '2021-03-01', sentences: ['The new'] }];
    const result = evaluateTimeline(stopwordsOnly, [reference], { resources });
    expect(result.metrics.concat).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no unigrams in the prediction/),
    });
    expect(scoreOf(result.metrics.agreement).rouge1.precision).toBe(0);
    const noDates = evaluateTimeline([], [reference], { resources });
    expect(noDates.metrics.align_date_costs?.ok).toBe(false);
    expect(noDates.dates.ok).toBe(false);
  });
});

describe('date scores and averaging', () => {
  it('uses the union of reference dates', () => {
    expect(dateScore(['2021-01-01', '2021-01-02'], ['2021-01-01', '2021-01-03', '2021-01-04'])).toEqual({
      precision: 0.5,
      recall: 1 / 3,
      fScore: 0.4,
    });
  });

  it('takes the F of the mean precision and mean recall', () => {
    const average = averagePrf([
      { precision: 1, recall: 0, fScore: 0 },
      { precision: 0, recall: 1, fScore: 0 },
    ]);
    expect(average).toEqual({ precision: 0.5, recall: 0.5, fScore: 0.5 });
  });

  it('averages a dataset, and reports a metric no item could compute as an error', () => {
    const result = evaluateTimelines(
      [
        { pred: reference, refs: [reference] },
        { pred: [{ date: '2021-03-01', sentences: ['The'] }], refs: [reference] },
      ],
      { resources },
    );
    expect(scoreOf(result.average.metrics.align_date_costs).rouge1.recall).toBe(0.5);
    expect(result.average.metrics.concat).toMatchObject({ ok: false, error: expect.stringMatching(/timeline 1/) });
    expect(scoreOf(result.average.dates).precision).toBe(1);
  });
});

describe('timelines and the news-tls task', () => {
  it('strips sentences like tilse and keeps the last entry of a repeated day', () => {
    const timeline = toTlsTimeline([
      { date: '2021-03-05', sentences: ['first'] },
      { date: '2021-03-01', sentences: ['\u00a0padded\u2009'] },
      { date: '2021-03-05', sentences: ['second'] },
    ]);
    expect([...timeline]).toEqual([
      ['2021-03-01', ['padded']],
      ['2021-03-05', ['second']],
    ]);
  });

  it('rejects a day that is not on the calendar', () => {
    expect(() => toTlsTimeline([{ date: '2021-02-29', sentences: [] }])).toThrow(/not a calendar date/);
  });

  it('skips [] lines in timelines.jsonl', () => {
    const text = '[]\n[["2021-03-01T00:00:00", [" Port shut "]]]\n';
    expect(readNewsTlsTimelines(text).map((t) => [...t])).toEqual([[['2021-03-01', ['Port shut']]]]);
  });

  it('rounds the sentence budget half to even and spans the reference dates', () => {
    const ref = toTlsTimeline([
      { date: '2021-03-01', sentences: ['a', 'b', 'c'] },
      { date: '2021-03-09', sentences: ['d', 'e'] },
    ]);
    expect(newsTlsTask(ref)).toEqual({ dates: 2, sentencesPerDate: 2, from: '2021-03-01', to: '2021-03-09' });
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });
});

describe('loadRougeResources', () => {
  it('names the missing file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tls-'));
    expect(() => loadRougeResources(empty)).toThrow(/smart_common_words\.txt not found/);
  });
});
