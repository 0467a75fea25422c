import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline, TimelineOptions } from '../../model.js';
import type { TimelineCorpus, TimelineMethod } from '../../timeline/index.js';
import { formatTlsReport } from './report.js';
import { runTlsBenchmark, summaryRecord, type TlsBenchmarkResult } from './tls.js';

// A fictional two-topic dataset in the news-tls layout. "ferry" has two reference timelines with
// different windows; "orchard" has one. Every article sentence is invented.
interface FictionalArticle {
  id: string;
  time: string;
  text: string;
}

const ferryArticles: FictionalArticle[] = [
  {
    id: 'f0',
    time: '2031-02-20',
    text: 'Ferry crews in Portwick voted to strike over new rosters on 20 February 2031 . \n',
  },
  {
    id: 'f1',
    time: '2031-03-01',
    text: 'The ferry strike began on 1 March 2031 and stranded islanders at Portwick . \n',
  },
  { id: 'f2', time: '2031-03-03', text: 'Talks to end the ferry strike opened in Portwick on 3 March 2031 . \n' },
  { id: 'f3', time: '2031-03-05', text: 'Orchard growers met in Lindale about the frost on 5 March 2031 . \n' },
  {
    id: 'f4',
    time: '2031-03-09',
    text: 'Ferry services resumed at Portwick on 9 March 2031 after the strike ended . \n',
  },
];
const orchardArticles: FictionalArticle[] = [
  { id: 'o1', time: '2032-04-10', text: 'A late frost hit the orchards of Lindale on 10 April 2032 . \n' },
  { id: 'o2', time: '2032-04-12', text: 'Lindale orchard growers counted the frost damage on 12 April 2032 . \n' },
];

// ferry/1: 3 dates, 7 sentences → mean 2.33 → k 2; window 1–9 March.
// ferry/2: 2 dates, 5 sentences → mean 2.5 → k 2 (ties go to the even number, as Python's round).
// orchard/1: 1 date, 1 sentence → k 1; window 10–10 April.
const ferryTimelines = [
  [
    ['2031-03-01T00:00:00', ['The ferry strike begins .', 'Islanders are stranded .', 'Portwick port closes .']],
    ['2031-03-03T00:00:00', ['Talks open .', 'Unions attend .']],
    ['2031-03-09T00:00:00', ['Ferry services resume .', 'The strike ends .']],
  ],
  [
    ['2031-02-20T00:00:00', ['Crews vote to strike .', 'Rosters are disputed .', 'A date is set .']],
    ['2031-03-01T00:00:00', ['The ferry strike begins .', 'Islanders are stranded .']],
  ],
];
const orchardTimelines = [[['2032-04-10T00:00:00', ['A late frost hits the Lindale orchards .']]]];

function writeTopic(
  dataset: string,
  name: string,
  articles: FictionalArticle[],
  timelines: unknown[],
  keywords: string[],
): void {
  const folder = join(dataset, name);
  mkdirSync(folder, { recursive: true });
  const lines = articles.map((a) => JSON.stringify({ ...a, source: `${name}_gazette` })).join('\n');
  writeFileSync(join(folder, 'articles.jsonl.gz'), gzipSync(`${lines}\n`));
  writeFileSync(join(folder, 'timelines.jsonl'), `${timelines.map((t) => JSON.stringify(t)).join('\n')}\n`);
  writeFileSync(join(folder, 'keywords.json'), JSON.stringify(keywords));
}

interface Call {
  corpus: TimelineCorpus;
  options: TimelineOptions;
}

/** A method that records what it was given and answers with each article's first line on its publication day. */
function recordingMethod(calls: Call[]): TimelineMethod {
  return {
    name: 'recording',
    build(corpus, options): Timeline {
      calls.push({ corpus, options });
      const entries = corpus.articles.slice(0, options.dates).map((a) => ({
        date: { value: a.article.publishedOn, granularity: 'day' as const },
        score: 1,
        sentences: [
          {
            text: a.sentences[0]!.text,
            articleId: a.article.id,
            source: a.article.source,
            publishedOn: a.article.publishedOn,
            sentenceIndex: 0,
            span: a.sentences[0]!.span,
            dating: { how: 'publication' as const, evidence: 'test' },
            alsoIn: [],
          },
        ],
        entities: [],
        quantities: [],
      }));
      return {
        method: 'recording',
        options,
        stats: { articles: corpus.articles.length, sentences: 0, duplicates: 0 },
        entries,
      };
    },
  };
}

// Tiny ROUGE resources keep the test independent of the shared data folder.
const resources = {
  stopwords: new Set(['the', 'on', 'of', 'to', 'and', 'at', 'in', 'a']),
  exceptions: new Map<string, string>(),
};

describe('the news-tls benchmark runner', () => {
  let dataset: string;
  const calls: Call[] = [];
  let result: TlsBenchmarkResult;

  beforeAll(async () => {
    dataset = join(mkdtempSync(join(tmpdir(), 'chronicle-tls-')), 'fictional');
    writeTopic(dataset, 'ferry', ferryArticles, ferryTimelines, ['ferry', 'strike']);
    writeTopic(dataset, 'orchard', orchardArticles, orchardTimelines, ['orchard']);
    mkdirSync(join(dataset, 'notes'));
    result = await runTlsBenchmark({ dataset, methods: [recordingMethod(calls)], resources });
  });
  afterAll(() => rmSync(join(dataset, '..'), { recursive: true, force: true }));

  it('runs one task per reference timeline, topic by topic', () => {
    expect(result.dataset).toBe('fictional');
    expect(result.timelines).toBe(3);
    expect(result.methods[0]!.tasks.map((t) => `${t.topic}/${t.reference}`)).toEqual([
      'ferry/1',
      'ferry/2',
      'orchard/1',
    ]);
  });

  it('asks for as many dates as the reference and its rounded mean of sentences per date', () => {
    expect(calls.map((c) => [c.options.dates, c.options.sentencesPerDate])).toEqual([
      [3, 2],
      [2, 2],
      [1, 1],
    ]);
  });

  it('gives the method only the articles published in the reference window', () => {
    expect(calls.map((c) => [c.options.from, c.options.to])).toEqual([
      ['2031-03-01', '2031-03-09'],
      ['2031-02-20', '2031-03-01'],
      ['2032-04-10', '2032-04-10'],
    ]);
    // f3 is in the first window but matches no ferry keyword.
    expect(calls[0]!.corpus.articles.map((a) => a.article.id)).toEqual(['f1', 'f2', 'f4']);
    expect(calls[1]!.corpus.articles.map((a) => a.article.id)).toEqual(['f0', 'f1']);
    expect(calls[2]!.corpus.articles.map((a) => a.article.id)).toEqual(['o1']);
  });

  it('passes the topic keywords as the query, any one keyword matching', () => {
    expect(calls.map((c) => c.options.query)).toEqual(['ferry, strike', 'ferry, strike', 'orchard']);
  });

  it('scores each prediction against its own reference only', () => {
    const [ferry1, ferry2, orchard1] = result.methods[0]!.tasks;
    // ferry/1 predicted 1, 3 and 9 March: all three reference dates.
    expect(ferry1!.evaluation.dates).toEqual({ ok: true, score: { precision: 1, recall: 1, fScore: 1 } });
    // ferry/2 predicted 20 February and 1 March, both in the reference.
    expect(ferry2!.evaluation.dates).toEqual({ ok: true, score: { precision: 1, recall: 1, fScore: 1 } });
    expect(orchard1!.evaluation.dates).toEqual({ ok: true, score: { precision: 1, recall: 1, fScore: 1 } });
    const align = ferry1!.evaluation.metrics.align_date_content_costs_many_to_one;
    expect(align?.ok && align.score.rouge1.fScore).toBeGreaterThan(0);
  });

  it('reports the averages as one JSON-ready record and a readable table', () => {
    const record = summaryRecord(result, result.methods[0]!);
    expect(Object.keys(record)).toEqual([
      'dataset',
      'timelines',
      'method',
      'protocol',
      'ar1_f',
      'ar2_f',
      'date_f1',
      'concat_r1_f',
      'latency_p50_ms',
      'latency_p99_ms',
      'seconds',
      'peak_rss_mb',
    ]);
    expect(record).toMatchObject({
      dataset: 'fictional',
      timelines: 3,
      method: 'recording',
      protocol: 'topic',
      date_f1: 1,
    });
    expect(record.peak_rss_mb).toBeGreaterThan(0);
    const report = formatTlsReport(result);
    expect(report).toMatch(/ferry\/2\s+2\s+2\s+2\s+2\s/);
    expect(report).toContain('averages over 3 timelines');
  });

  it('asks the same tasks of one store holding every topic, with the archive protocol', async () => {
    const archived: Call[] = [];
    const both = await runTlsBenchmark({ dataset, methods: [recordingMethod(archived)], resources, archive: true });
    expect(both.methods.map((m) => m.protocol)).toEqual(['topic', 'archive']);
    expect(both.archive?.articles).toBeGreaterThan(0);
    const ids = (c: Call) => c.corpus.articles.map((a) => a.article.id);
    // The topics share no keyword, so the store returns each task the same articles.
    expect(archived.slice(3).map(ids)).toEqual(archived.slice(0, 3).map(ids));
    expect(both.methods[1]!.average).toEqual(both.methods[0]!.average);
    expect(formatTlsReport(both)).toContain('recording (archive)');
  });

  it('says which topic is unknown', async () => {
    await expect(
      runTlsBenchmark({ dataset, methods: [recordingMethod([])], resources, topics: ['volcano'] }),
    ).rejects.toThrow(/unknown topic\(s\) volcano \(known: ferry, orchard\)/);
  });
});
