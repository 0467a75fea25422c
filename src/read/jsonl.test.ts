import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LISTED_BAD_LINES, readJsonlFile, readJsonlLines } from './jsonl.js';

const FILE = '/in/isle-radio/news.jsonl';
const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('readJsonlLines', () => {
  it('reads every field of a news-tls style line', async () => {
    const result = await readJsonlLines(
      [
        line({
          id: 'r-1',
          time: '2019-03-05T00:00:00',
          title: ' Ferry aground ',
          text: 'The ferry ran aground.',
          url: 'https://isle.example/r-1',
          source: 'Isle Radio',
        }),
      ],
      FILE,
      {},
    );
    expect(result).toEqual({
      articles: [
        {
          id: 'r-1',
          source: 'Isle Radio',
          publishedOn: '2019-03-05',
          title: 'Ferry aground',
          url: 'https://isle.example/r-1',
          text: 'The ferry ran aground.',
          origin: { file: FILE, line: 1 },
        },
      ],
      skipped: [],
    });
  });

  it('accepts `date` for `time`, numeric ids, and falls back to the folder for a missing or empty source', async () => {
    const { articles } = await readJsonlLines(
      [
        line({ id: 42, date: '2019-03-06', text: 'Second bulletin.' }),
        line({ time: '2019-03-07', text: 'Third.', source: '' }),
      ],
      FILE,
      {},
    );
    expect(articles.map((a) => [a.id, a.publishedOn, a.source])).toEqual([
      ['42', '2019-03-06', 'isle-radio'],
      [articles[1]!.id, '2019-03-07', 'isle-radio'],
    ]);
    expect(articles[1]!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports each bad line with its 1-based number and reads the good ones', async () => {
    const lines = [
      line({ time: '2019-03-05', text: 'Good one.' }),
      '{"time": "2019-03-05", "text": "unterminated',
      line({ time: '2019-03-05' }),
      line({ time: '2019-03-05', text: '  \n ' }),
      '',
      line({ text: 'No date here.' }),
      line({ time: '2019-02-30', text: 'Impossible day.' }),
      line({ time: '2019-03-05', text: 'Wrong title.', title: 7 }),
      line({ time: '2019-03-05', text: ['a', 'list'] }),
      '["an", "array"]',
      line({ id: true, time: '2019-03-05', text: 'Odd id.' }),
      line({ time: '2019-03-09', text: 'Good two.' }),
    ];
    const result = await readJsonlLines(lines, FILE, {});
    expect(result.articles.map((a) => [a.text, a.origin.line])).toEqual([
      ['Good one.', 1],
      ['Good two.', 12],
    ]);
    expect(result.skipped.map((s) => [s.file, s.line])).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11].map((n) => [FILE, n]));
    expect(result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^invalid JSON: /),
      "missing 'text'",
      "empty 'text'",
      "missing date (expected a 'time' or 'date' field)",
      "date '2019-02-30' is not a real day",
      "'title' must be a string, got number 7",
      "'text' must be a string, got an array",
      'expected a JSON object, got an array',
      "'id' must be a string or a number, got boolean true",
    ]);
  });

  it('uses the default day for lines without a date, never for lines with a wrong one', async () => {
    const result = await readJsonlLines([line({ text: 'Undated.' }), line({ date: 'soon', text: 'Bad date.' })], FILE, {
      defaultDate: '2020-01-02',
    });
    expect(result.articles.map((a) => a.publishedOn)).toEqual(['2020-01-02']);
    expect(result.skipped).toEqual([{ file: FILE, line: 2, reason: "'soon' is not a date (expected YYYY-MM-DD)" }]);
  });

  it('ignores a byte-order mark before the first line', async () => {
    const { articles, skipped } = await readJsonlLines(
      [`\uFEFF${line({ time: '2019-03-05', text: 'Marked.' })}`],
      FILE,
      {},
    );
    expect(skipped).toEqual([]);
    expect(articles[0]!.text).toBe('Marked.');
  });

  it('lists the first bad lines only, and counts the rest', async () => {
    const lines = Array.from({ length: MAX_LISTED_BAD_LINES + 25 }, () => 'not json');
    const { skipped } = await readJsonlLines(lines, FILE, {});
    expect(skipped).toHaveLength(MAX_LISTED_BAD_LINES + 1);
    expect(skipped.at(-2)!.line).toBe(MAX_LISTED_BAD_LINES);
    expect(skipped.at(-1)).toEqual({ file: FILE, reason: '25 more bad lines not listed' });
  });
});

describe('readJsonlFile', () => {
  let dir: string;
  const lines = [
    line({ id: 'a', time: '2019-03-05', text: 'Gulls circled the quay.' }),
    line({ id: 'b', time: '2019-03-06', text: 'The tide came in.' }),
  ];
  const body = `${lines.join('\n')}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chronicle-jsonl-'));
    await mkdir(join(dir, 'quay-post'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads plain and gzipped files alike', async () => {
    const plain = join(dir, 'quay-post', 'news.jsonl');
    const gzipped = join(dir, 'quay-post', 'news.jsonl.gz');
    await writeFile(plain, body);
    await writeFile(gzipped, gzipSync(body));
    const fromPlain = await readJsonlFile(plain, {});
    const fromGzip = await readJsonlFile(gzipped, {});
    expect(fromPlain.skipped).toEqual([]);
    expect(fromPlain.articles.map((a) => [a.id, a.source, a.publishedOn, a.origin.line])).toEqual([
      ['a', 'quay-post', '2019-03-05', 1],
      ['b', 'quay-post', '2019-03-06', 2],
    ]);
    expect(fromGzip.articles.map((a) => a.text)).toEqual(fromPlain.articles.map((a) => a.text));
  });

  it('keeps the lines before a truncated gzip stream and reports where reading stopped', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      line({ id: `n${i}`, time: '2019-03-05', text: `Bulletin number ${i} about the quay.` }),
    );
    const compressed = gzipSync(`${many.join('\n')}\n`);
    const file = join(dir, 'truncated.jsonl.gz');
    await writeFile(file, compressed.subarray(0, Math.floor(compressed.length / 2)));
    const result = await readJsonlFile(file, {});
    expect(result.articles.length).toBeGreaterThan(0);
    expect(result.articles.length).toBeLessThan(2000);
    expect(result.skipped).toEqual([
      {
        file,
        reason: expect.stringMatching(
          new RegExp(`^reading stopped after line ${result.articles.length}: corrupt or truncated gzip data`),
        ),
      },
    ]);
  });

  it('reports a .gz file that is not gzip at all', async () => {
    const file = join(dir, 'fake.jsonl.gz');
    await writeFile(file, body);
    const result = await readJsonlFile(file, {});
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      {
        file,
        reason: expect.stringMatching(
          /^reading stopped after line 0: corrupt or truncated gzip data \(incorrect header check\)/,
        ),
      },
    ]);
  });

  it('streams a large gzipped file', async () => {
    const count = 50_000;
    const many = Array.from({ length: count }, (_, i) =>
      line({ id: `q${i}`, time: '2019-03-05', text: `The quay bell rang ${i} times.` }),
    );
    const file = join(dir, 'large.jsonl.gz');
    await writeFile(file, gzipSync(many.join('\n')));
    const result = await readJsonlFile(file, {});
    expect(result.skipped).toEqual([]);
    expect(result.articles).toHaveLength(count);
    expect(result.articles.at(-1)).toMatchObject({ id: `q${count - 1}`, origin: { line: count } });
  });
});

// Timeline17 as distributed in /work/shared (read at test time; its text never enters the repo).
const T17_BPOIL = '/work/shared/data/t17/bpoil/articles.jsonl.gz';

describe.skipIf(!existsSync(T17_BPOIL))('readJsonlFile on Timeline17', () => {
  it('reads all 1460 bpoil articles with their days and outlets', async () => {
    const { articles, skipped } = await readJsonlFile(T17_BPOIL, {});
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(1460);
    const days = articles.map((a) => a.publishedOn).sort();
    expect([days[0], days.at(-1)]).toEqual(['2010-04-01', '2011-01-31']);
    expect(new Set(articles.map((a) => a.source))).toEqual(
      new Set(['bpoil_bbc', 'bpoil_foxnews', 'bpoil_guardian', 'bpoil_reuters', 'bpoil_washingtonpost']),
    );
    expect(new Set(articles.map((a) => a.id)).size).toBe(1460);
  });
});
