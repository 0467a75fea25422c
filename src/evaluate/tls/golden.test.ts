// Every golden vector computed with tilse + Perl ROUGE-1.5.5 + scipy (shared/data/rouge/golden).
// The vectors are read from the shared folder at test time and never copied into the project.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../shared-data.js';
import {
  alignmentCosts,
  evaluateTimeline,
  evaluateTimelines,
  linearSumAssignment,
  loadRougeResources,
  preparePair,
  readNewsTlsTimelines,
  readTilseTimeline,
  rougeApproximation,
  rougeCounts,
  rougeRawTokens,
  rougeTokens,
  rougeWord,
  toTlsTimeline,
  type AlignMetric,
  type Outcome,
  type Prf,
  type TimelineInput,
  type TlsMetric,
} from './index.js';

const rougeDir = sharedPath('data', 'rouge');
const goldenDir = sharedPath('data', 'rouge', 'golden');
const absent = !existsSync(goldenDir);
const skipReason = `golden vectors not found at ${goldenDir} (set CHRONICLE_SHARED to the shared data folder)`;

function golden<T>(name: string): T {
  return JSON.parse(readFileSync(`${goldenDir}/${name}`, 'utf8')) as T;
}

const TOLERANCE = 1e-6;

interface GoldenPrf {
  precision: number;
  recall: number;
  f_score: number;
}

function expectPrf(actual: Prf, expected: GoldenPrf, label: string): void {
  expect(Math.abs(actual.precision - expected.precision), `${label} precision`).toBeLessThanOrEqual(TOLERANCE);
  expect(Math.abs(actual.recall - expected.recall), `${label} recall`).toBeLessThanOrEqual(TOLERANCE);
  expect(Math.abs(actual.fScore - expected.f_score), `${label} f`).toBeLessThanOrEqual(TOLERANCE);
}

function scoreOf<T>(outcome: Outcome<T> | undefined, label: string): T {
  if (!outcome) throw new Error(`${label}: not computed`);
  if (!outcome.ok) throw new Error(`${label}: ${outcome.error}`);
  return outcome.score;
}

type GoldenTimeline = [string, string[]][];
const asInput = (timeline: GoldenTimeline): TimelineInput => timeline.map(([date, sentences]) => ({ date, sentences }));

describe.skipIf(absent)(`golden vectors (${absent ? skipReason : goldenDir})`, () => {
  const resources = absent ? undefined! : loadRougeResources(rougeDir);

  describe('tokenizer.json', () => {
    interface TraceEntry {
      token: string;
      stopword: boolean;
      kept: boolean;
      exception_db: boolean;
      output: string | null;
    }
    interface Case {
      input: string;
      rouge_text: string | null;
      tokens: string[];
      trace: TraceEntry[];
    }
    const data = absent
      ? undefined!
      : golden<{
          cases: Case[];
          multi_sentence: { input: string[]; rouge_text: string | null; tokens: string[] }[];
          words: { word: string; stopword: boolean; exception_db: boolean; output: string | null }[];
        }>('tokenizer.json');
    const countedTokensOf = (rougeText: string | null): string[] =>
      (rougeText ?? '').split(' ').filter((token) => /^[a-z0-9]/.test(token));

    it.each(absent ? [] : data.cases.map((c) => [c.input, c] as const))('sentence %j', (_, c) => {
      expect(rougeRawTokens([c.input])).toEqual(countedTokensOf(c.rouge_text));
      expect(rougeTokens([c.input], resources)).toEqual(c.tokens);
      for (const entry of c.trace.filter((e) => /^[a-z0-9]/.test(e.token))) {
        expect(rougeWord(entry.token, resources) ?? null, entry.token).toBe(entry.output);
        expect(resources.stopwords.has(entry.token), entry.token).toBe(entry.stopword);
        const fromTable = entry.kept && entry.token.length > 3 && resources.exceptions.has(entry.token);
        expect(fromTable, entry.token).toBe(entry.exception_db);
      }
    });

    it('multi-sentence summaries', () => {
      for (const c of data.multi_sentence) {
        expect(rougeRawTokens(c.input)).toEqual(countedTokensOf(c.rouge_text));
        expect(rougeTokens(c.input, resources)).toEqual(c.tokens);
      }
    });

    it('words: stopword flag, exception lookup and stem', () => {
      for (const w of data.words) {
        expect(rougeWord(w.word, resources) ?? null, w.word).toBe(w.output);
        expect(resources.stopwords.has(w.word), w.word).toBe(w.stopword);
        const fromTable = !w.stopword && w.word.length > 3 && resources.exceptions.has(w.word);
        expect(fromTable, w.word).toBe(w.exception_db);
      }
    });
  });

  it('stemmer_vocab.json: every T17 word', () => {
    const { pairs } = golden<{ pairs: [string, string | null][] }>('stemmer_vocab.json');
    const wrong = pairs.filter(([word, output]) => (rougeWord(word, resources) ?? null) !== output);
    expect(wrong).toEqual([]);
    expect(pairs.length).toBe(5548);
  });

  describe('rouge_pairs.json', () => {
    interface Counts {
      hit: number;
      peer_count: number;
      model_count: number;
      precision: number | null;
      recall: number | null;
      f_score: number | null;
    }
    interface Case {
      id: string;
      peer: string[];
      models: string[][];
      rouge_1: Counts;
      rouge_2: Counts;
    }
    const cases = absent ? [] : golden<{ cases: Case[] }>('rouge_pairs.json').cases;
    it.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
      const counts = rougeCounts(c.peer, c.models, resources);
      for (const [actual, expected] of [
        [counts.rouge1, c.rouge_1],
        [counts.rouge2, c.rouge_2],
      ] as const) {
        expect({ hit: actual.hit, peer: actual.peerCount, model: actual.modelCount }).toEqual({
          hit: expected.hit,
          peer: expected.peer_count,
          model: expected.model_count,
        });
        if (expected.precision !== null) expect(actual.hit / actual.peerCount).toBeCloseTo(expected.precision, 12);
        if (expected.recall !== null) expect(actual.hit / actual.modelCount).toBeCloseTo(expected.recall, 12);
      }
    });
  });

  it('content_cost_approx.json: bit-identical', () => {
    const { cases } = golden<{ cases: { id: string; pred: string[]; refs: (string[] | '')[]; value: number }[] }>(
      'content_cost_approx.json',
    );
    for (const c of cases) {
      expect(
        rougeApproximation(
          c.pred,
          c.refs.map((ref) => (ref === '' ? [] : ref)),
        ),
        c.id,
      ).toBe(c.value);
    }
    expect(cases.length).toBe(15);
  });

  it('lsap.json: scipy choices under ties', () => {
    const { cases } = golden<{
      cases: { id: string; cost: number[][]; row_ind: number[]; col_ind: number[]; total_cost: number }[];
    }>('lsap.json');
    for (const c of cases) {
      const { rows, cols } = linearSumAssignment(c.cost);
      expect({ rows, cols }, c.id).toEqual({ rows: c.row_ind, cols: c.col_ind });
      const total = rows.reduce((sum, row, k) => sum + c.cost[row]![cols[k]!]!, 0);
      expect(Math.abs(total - c.total_cost), c.id).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(cases.length).toBe(51);
  });

  describe('timeline_parsing.json: tilse .txt through render/tilse.ts parseTilse', () => {
    interface Case {
      id: string;
      file_text: string;
      parsed: [string | null, string[]][];
    }
    const cases = absent ? [] : golden<{ txt: Case[] }>('timeline_parsing.json').txt;
    const undated = (c: Case) => c.parsed.some(([date]) => date === null);

    it.each(cases.filter((c) => !undated(c)).map((c) => [c.id, c] as const))('%s', (_, c) => {
      expect([...readTilseTimeline(c.file_text)]).toEqual(c.parsed);
    });
    it.each(cases.filter(undated).map((c) => [c.id, c] as const))('%s: a block without a date is rejected', (_, c) => {
      expect(() => readTilseTimeline(c.file_text)).toThrow();
    });
  });

  it('timeline_parsing.json: news-tls jsonl reading', () => {
    const { jsonl } = golden<{ jsonl: { id: string; file_text: string; timelines: GoldenTimeline[] }[] }>(
      'timeline_parsing.json',
    );
    for (const c of jsonl) {
      const read = readNewsTlsTimelines(c.file_text).map((timeline) => [...timeline]);
      expect(read, c.id).toEqual(c.timelines);
    }
  });

  describe('timelines.json', () => {
    type MetricGolden = { rouge_1: GoldenPrf; rouge_2: GoldenPrf } | { error: string };
    interface Case {
      id: string;
      pred: GoldenTimeline;
      refs: GoldenTimeline[];
      scores: Record<TlsMetric, MetricGolden>;
      dates: GoldenPrf;
      alignments: Record<AlignMetric, { precision: [string, string][]; recall: [string, string][] }>;
      cost_matrices?: Record<AlignMetric, { precision: number[][]; recall: number[][] }>;
    }
    const cases = absent ? [] : golden<{ cases: Case[] }>('timelines.json').cases;

    it('has the 57 documented cases', () => {
      expect(cases.length).toBe(57);
    });

    it.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
      const result = evaluateTimeline(asInput(c.pred), c.refs.map(asInput), { resources });
      for (const [metric, expected] of Object.entries(c.scores) as [TlsMetric, MetricGolden][]) {
        const outcome = result.metrics[metric];
        if ('error' in expected) {
          expect(outcome?.ok, `${metric} should fail like tilse`).toBe(false);
          continue;
        }
        const score = scoreOf(outcome, metric);
        expectPrf(score.rouge1, expected.rouge_1, `${metric} rouge_1`);
        expectPrf(score.rouge2, expected.rouge_2, `${metric} rouge_2`);
        const alignment = c.alignments[metric as AlignMetric];
        if (alignment) expect(score.alignment, `${metric} alignment`).toEqual(alignment);
      }
      expectPrf(scoreOf(result.dates, 'dates'), c.dates, 'dates');
      const pair = preparePair(
        toTlsTimeline(asInput(c.pred)),
        c.refs.map((ref) => toTlsTimeline(asInput(ref))),
        resources,
      );
      for (const [metric, matrices] of Object.entries(c.cost_matrices ?? {}) as [
        AlignMetric,
        { precision: number[][] },
      ][]) {
        expect(alignmentCosts(pair, metric), `${metric} costs`).toEqual(matrices.precision);
      }
    });
  });

  it('dataset_average.json: the 19 T17 references and the news-tls average', () => {
    interface Item {
      id: string;
      pred: GoldenTimeline;
      ref: GoldenTimeline;
      align_date_content_costs_many_to_one: { rouge_1: GoldenPrf; rouge_2: GoldenPrf };
      dates: GoldenPrf;
    }
    const { items, average } = golden<{
      items: Item[];
      average: { rouge_1: GoldenPrf; rouge_2: GoldenPrf; dates: GoldenPrf };
    }>('dataset_average.json');
    const metric = 'align_date_content_costs_many_to_one';
    const result = evaluateTimelines(
      items.map((item) => ({ pred: asInput(item.pred), refs: [asInput(item.ref)] })),
      { resources, metrics: [metric] },
    );
    items.forEach((item, index) => {
      const evaluation = result.items[index]!;
      const score = scoreOf(evaluation.metrics[metric], item.id);
      expectPrf(score.rouge1, item[metric].rouge_1, `${item.id} AR-1`);
      expectPrf(score.rouge2, item[metric].rouge_2, `${item.id} AR-2`);
      expectPrf(scoreOf(evaluation.dates, item.id), item.dates, `${item.id} dates`);
    });
    const averaged = scoreOf(result.average.metrics[metric], 'average');
    expectPrf(averaged.rouge1, average.rouge_1, 'average AR-1');
    expectPrf(averaged.rouge2, average.rouge_2, 'average AR-2');
    expectPrf(scoreOf(result.average.dates, 'average dates'), average.dates, 'average dates');
    expect(items.length).toBe(19);
  });
});
