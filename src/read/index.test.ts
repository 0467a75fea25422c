import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { globToRegExp, readInputFile, readInputs, streamInputs, type InputProgress, type ReadItem } from './index.js';
import { readJsonlFile } from './jsonl.js';
import { NO_PLAIN_TEXT_DATE } from './seed.js';

// readFile as it is, but counted, so a test can say a file was never read (not how fast it went).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronicle-read-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes a fixture under a fresh folder for the test and returns its path. */
async function put(path: string, content: string | Uint8Array): Promise<string> {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

const jsonLine = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('readInputs over a folder of mixed formats', () => {
  let dir: string;
  let files: Record<'seed' | 'jsonl' | 'html' | 'rss' | 'dayFolder' | 'undated', string>;

  beforeAll(async () => {
    dir = join(root, 'mixed');
    files = {
      seed: await put('mixed/quay-post/ferry.txt', ' date 2019-03-05 The ferry ran aground off Corran Isle.'),
      jsonl: await put(
        'mixed/wire/feed.jsonl',
        [
          jsonLine({ id: 'w1', time: '2019-03-06T00:00:00', text: 'Tugs freed the ferry.', source: 'Isle Wire' }),
          'oops',
        ].join('\n'),
      ),
      html: await put(
        'mixed/pages/dues.html',
        `<html><head><meta name="date" content="2019-03-07"><title>Dues</title></head><body><article><p>Harbour dues will rise by a tenth in April, the council decided at a long meeting on Thursday evening.</p></article></body></html>`,
      ),
      rss: await put(
        'mixed/feeds/radio.xml',
        `<rss><channel><title>Isle Radio</title><item><guid>r9</guid><pubDate>Fri, 08 Mar 2019 10:00:00 GMT</pubDate><description>Crossings resumed.</description></item></channel></rss>`,
      ),
      dayFolder: await put('mixed/gull_times/InputDocs/2019-03-09/4.htm.txt', 'Gulls returned to the quay . \n'),
      undated: await put('mixed/notes.md', 'Notes about this folder.'),
    };
    await put('mixed/README.md', 'What this folder holds: documentation, not an article.');
    await put('mixed/.cache/old.txt', ' date 2019-01-01 Should never be read.');
    await put('mixed/quay-post/.draft.txt', ' date 2019-01-02 Should never be read either.');
  });

  it('reads every format, in path order, leaves out hidden files and the README, and reports what it skipped', async () => {
    const progress: Array<[number, number]> = [];
    const report = await readInputs([dir], { onProgress: (done, total) => progress.push([done, total]) });
    expect(report.articles.map((a) => [a.source, a.publishedOn, a.text])).toEqual([
      ['Isle Radio', '2019-03-08', 'Crossings resumed.'],
      ['gull_times', '2019-03-09', 'Gulls returned to the quay .'],
      [
        'pages',
        '2019-03-07',
        'Harbour dues will rise by a tenth in April, the council decided at a long meeting on Thursday evening.',
      ],
      ['quay-post', '2019-03-05', 'The ferry ran aground off Corran Isle.'],
      ['Isle Wire', '2019-03-06', 'Tugs freed the ferry.'],
    ]);
    expect(report.skipped).toEqual([
      { file: files.undated, reason: NO_PLAIN_TEXT_DATE },
      { file: files.jsonl, line: 2, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(report.notes).toEqual([]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => [done, 6]));
  });

  it('streams the same articles, skips and notes, in the same order, as readInputs gathers', async () => {
    const items: ReadItem[] = [];
    for await (const item of streamInputs([dir, join(dir, 'nowhere')])) items.push(item);
    const report = await readInputs([dir, join(dir, 'nowhere')]);
    expect(items.filter((item) => item.kind === 'article').map((item) => item.article)).toEqual(report.articles);
    expect(items.filter((item) => item.kind === 'skipped').map((item) => item.issue)).toEqual(report.skipped);
    expect(report.skipped[0]).toEqual({ file: join(dir, 'nowhere'), reason: 'no such file or directory' });
    expect(items.filter((item) => item.kind === 'note').map((item) => item.issue)).toEqual(report.notes);
  });

  it('expands glob patterns: *, ** and {a,b}', async () => {
    const all = await readInputs([join(dir, '**/*.{txt,html}')]);
    expect(all.articles.map((a) => a.origin.file)).toEqual([files.dayFolder, files.html, files.seed]);
    const top = await readInputs([join(dir, '*.md')]);
    expect(top.skipped).toEqual([{ file: files.undated, reason: NO_PLAIN_TEXT_DATE }]);
  });

  it('reads a file named twice only once', async () => {
    const report = await readInputs([files.seed, join(dir, 'quay-post', '..', 'quay-post', 'ferry.txt')]);
    expect(report.articles).toHaveLength(1);
    expect(report.skipped).toEqual([]);
  });
});

describe('streamInputs: progress', () => {
  const lines = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      jsonLine({ id: `s${i}`, time: '2019-03-05', text: `Bulletin ${i}: the ferry sailed on time.` }),
    );

  it('yields the first article of a large JSONL file long before the file is read', async () => {
    const file = await put('stream/wire/large.jsonl', `${lines(20_000).join('\n')}\n`);
    const seen: InputProgress[] = [];
    let atFirstArticle: InputProgress | undefined;
    let articles = 0;
    for await (const item of streamInputs([file], { onProgress: (progress) => seen.push({ ...progress }) })) {
      if (item.kind !== 'article') continue;
      atFirstArticle ??= { ...seen.at(-1)! };
      articles += 1;
    }
    expect(articles).toBe(20_000);
    expect(atFirstArticle!.bytesRead).toBeGreaterThan(0);
    expect(atFirstArticle!.bytesRead).toBeLessThan(atFirstArticle!.totalBytes / 10);
    const bytes = seen.map((progress) => progress.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({
      bytesRead: atFirstArticle!.totalBytes,
      totalBytes: atFirstArticle!.totalBytes,
      filesDone: 1,
      files: 1,
      articles: 20_000,
    });
  });

  it('counts compressed bytes for .jsonl.gz and whole files for other formats, across files', async () => {
    const gzipped = gzipSync(`${lines(3000).join('\n')}\n`);
    const gz = await put('stream/mixed/wire.jsonl.gz', gzipped);
    const seed = await put('stream/mixed/zz-post.txt', ' date 2019-03-05 The ferry ran aground.');
    const seen: InputProgress[] = [];
    const report = await readInputs([gz, seed]);
    for await (const item of streamInputs([gz, seed], { onProgress: (progress) => seen.push({ ...progress }) }))
      expect(item.kind).toBe('article');
    const total = gzipped.length + ' date 2019-03-05 The ferry ran aground.'.length;
    expect(seen[0]).toEqual({ bytesRead: 0, totalBytes: total, filesDone: 0, files: 2, articles: 0 });
    expect(seen.find((progress) => progress.filesDone === 1)).toMatchObject({
      bytesRead: gzipped.length,
      articles: 3000,
    });
    expect(seen.at(-1)).toEqual({
      bytesRead: total,
      totalBytes: total,
      filesDone: 2,
      files: 2,
      articles: report.articles.length,
    });
  });
});

describe('readInputs: inputs that cannot be read', () => {
  it('reports a path that does not exist and a pattern that matches nothing, and goes on', async () => {
    const good = await put('missing/gazette/a.txt', ' date 2019-03-05 A quiet day at the quay.');
    const absent = join(root, 'missing', 'nowhere.jsonl');
    const pattern = join(root, 'missing', '*.rss');
    const report = await readInputs([absent, pattern, good]);
    expect(report.articles.map((a) => a.text)).toEqual(['A quiet day at the quay.']);
    expect(report.skipped).toEqual([
      { file: absent, reason: 'no such file or directory' },
      { file: pattern, reason: 'no files match this pattern' },
    ]);
  });

  it('refuses binary files, whatever their extension', async () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const asPng = await put('binary/gazette/photo.png', bytes);
    const asText = await put('binary/gazette/photo.txt', bytes);
    const report = await readInputs([asPng, asText]);
    expect(report.articles).toEqual([]);
    expect(report.skipped).toEqual([
      { file: asPng, reason: 'binary file (NUL bytes)' },
      { file: asText, reason: 'binary file (NUL bytes)' },
    ]);
  });

  it('refuses a text file of an unknown type', async () => {
    const csv = await put('unknown/gazette/table.csv', 'day,event\n2019-03-05,ferry\n');
    expect((await readInputs([csv])).skipped).toEqual([
      { file: csv, reason: expect.stringMatching(/^unsupported file type '\.csv'/) },
    ]);
  });

  it('skips a whole-file input over 50 MB without reading it', async () => {
    const file = await put('large/gazette/huge.txt', '');
    await truncate(file, 51 * 1024 * 1024);
    const small = await put('large/gazette/small.txt', ' date 2019-03-05 The quay was quiet.');
    vi.mocked(readFile).mockClear();
    const report = await readInputs([file, small]);
    const read = vi.mocked(readFile).mock.calls.map(([path]) => path);
    // The small file's read shows the count sees reads; the large file is only stat'ed.
    expect(read).toEqual([small]);
    expect(report.skipped).toEqual([{ file, reason: expect.stringMatching(/^too large \(51 MB\)/) }]);
  });
});

describe('readInputs: encodings', () => {
  it('reads Windows-1252 text and says so in a note', async () => {
    // "The harbour master’s “all clear” came at 6 o’clock." with 1252 curly quotes.
    const text = ' date 2019-03-05 The harbour master\x92s \x93all clear\x94 came at 6 o\x92clock.';
    const file = await put(
      'cp1252/gazette/a.txt',
      Uint8Array.from(text, (c) => c.charCodeAt(0)),
    );
    const report = await readInputs([file]);
    expect(report.articles.map((a) => a.text)).toEqual([
      'The harbour master\u2019s \u201call clear\u201d came at 6 o\u2019clock.',
    ]);
    expect(report.notes).toEqual([{ file, reason: 'not valid UTF-8; read as Windows-1252' }]);
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const text = ' date 2019-03-05 Snow fell on Corran Isle — the first in years.';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const file = await put('utf16/gazette/a.txt', bytes);
    const report = await readInputs([file]);
    expect(report.skipped).toEqual([]);
    expect(report.articles.map((a) => [a.publishedOn, a.text])).toEqual([
      ['2019-03-05', 'Snow fell on Corran Isle — the first in years.'],
    ]);
  });

  it('reads UTF-8 with a byte-order mark', async () => {
    const file = await put('bom/gazette/a.txt', `\uFEFF date 2019-03-05 Fog kept the boats in.`);
    const report = await readInputs([file]);
    expect(report.articles.map((a) => [a.publishedOn, a.text])).toEqual([['2019-03-05', 'Fog kept the boats in.']]);
  });
});

describe('readInputs: ids', () => {
  it('keeps the first of the same article under the same id and points the later ones at it', async () => {
    const first = jsonLine({ id: 'x1', time: '2019-03-05', text: 'The ferry ran aground.' });
    const a = await put('dupes/wire/a.jsonl', `${first}\n${first}\n`);
    const b = await put(
      'dupes/wire/b.jsonl.gz',
      gzipSync(`${jsonLine({ id: 'x2', time: '2019-03-05', text: 'Other.' })}\n${first}\n`),
    );
    const report = await readInputs([a, b]);
    expect(report.articles.map((article) => article.id)).toEqual(['x1', 'x2']);
    expect(report.skipped).toEqual([
      { file: a, line: 2, reason: `duplicate id x1 (first at ${a}:1)` },
      { file: b, line: 2, reason: `duplicate id x1 (first at ${a}:1)` },
    ]);
  });

  it('keeps both articles when one id names two different texts, and says which id the second got', async () => {
    const a = await put(
      'collide/topic-a/articles.jsonl',
      jsonLine({ id: '1208', time: '2019-03-05', text: 'Ferry story.' }),
    );
    const b = await put(
      'collide/topic-b/articles.jsonl',
      jsonLine({ id: '1208', time: '2019-03-05', text: 'Flu story.' }),
    );
    const report = await readInputs([a, b]);
    const [, second] = report.articles;
    expect(report.articles.map((article) => article.text)).toEqual(['Ferry story.', 'Flu story.']);
    expect(second!.id).toMatch(/^1208@[0-9a-f]{16}$/);
    expect(report.skipped).toEqual([]);
    expect(report.notes).toEqual([
      {
        file: b,
        line: 1,
        reason: `id 1208 is already used by a different article (first at ${a}:1); kept as ${second!.id}`,
      },
    ]);
  });
});

describe('readInputFile', () => {
  it('sniffs a feed in a file without a telling extension', async () => {
    const file = await put(
      'sniff/radio/latest',
      '<?xml version="1.0"?>\n<rss><channel><title>R</title><item><pubDate>2019-03-05</pubDate><description>Calm seas.</description></item></channel></rss>',
    );
    const report = await readInputFile(file);
    expect(report.articles.map((a) => [a.source, a.text])).toEqual([['R', 'Calm seas.']]);
  });
});

describe('globToRegExp', () => {
  it('matches one folder level with *, any number with **, one character with ? and sets', () => {
    expect(globToRegExp('in/*.txt').test('in/a.txt')).toBe(true);
    expect(globToRegExp('in/*.txt').test('in/sub/a.txt')).toBe(false);
    expect(globToRegExp('in/**/*.txt').test('in/a.txt')).toBe(true);
    expect(globToRegExp('in/**/*.txt').test('in/x/y/a.txt')).toBe(true);
    expect(globToRegExp('in/day-?.txt').test('in/day-7.txt')).toBe(true);
    expect(globToRegExp('in/[!a]*.txt').test('in/a1.txt')).toBe(false);
    expect(globToRegExp('in/[!a]*.txt').test('in/b1.txt')).toBe(true);
    expect(globToRegExp('in/*.{jsonl,rss}').test('in/x.rss')).toBe(true);
    expect(globToRegExp('in/a,b.txt').test('in/a,b.txt')).toBe(true);
    expect(globToRegExp('in/a.txt').test('in/aXtxt')).toBe(false);
  });
});

// Timeline17 ships as JSONL; its original L3S layout is <source>/InputDocs/<day>/<id>.htm.txt. Laying
// some of its articles out that way (at test time, in a temp folder) checks that the folder reader
// gives back what the JSONL says.
const T17_HAITI = '/work/shared/data/t17/haiti/articles.jsonl.gz';

describe.skipIf(!existsSync(T17_HAITI))('the day-folder layout on Timeline17 articles', () => {
  it('recovers day, outlet and text from the folders', async () => {
    const expected = (await readJsonlFile(T17_HAITI, {})).articles.slice(0, 40);
    for (const article of expected) {
      await put(`t17/${article.source}/InputDocs/${article.publishedOn}/${article.id}.htm.txt`, article.text);
    }
    const report = await readInputs([join(root, 't17')]);
    expect(report.skipped).toEqual([]);
    const key = (a: { source: string; publishedOn: string; text: string }) =>
      `${a.source} ${a.publishedOn} ${a.text.trim()}`;
    expect(report.articles.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
