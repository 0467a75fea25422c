// Whatever the bytes, a reader answers with articles, skips and notes: it never throws, and it
// never takes longer than a pass or two over its input.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, unmarkedUtf16 } from './decode.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { MAX_HTML_DEPTH } from './html-scan.js';
import { readInputFile, streamInputs } from './index.js';
import { boundedLines, streamJsonlLines } from './jsonl.js';
import { MAX_ARTICLE_CHARS } from './limits.js';
import { collectItems } from './reader.js';
import { readPlainText } from './seed.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronicle-robust-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Bytes that look a little like each format, so the properties reach past the first check. */
const prefixes = [
  '',
  ' date 2025-04-01\n',
  '<html><head><meta name="date" content="2025-04-01"></head><body>',
  '<?xml version="1.0"?><rss><channel><item><pubDate>2025-04-01</pubDate><description>',
  '{"time":"2025-04-01","text":"',
];
const hostileBytes = fc
  .tuple(
    fc.constantFrom(...prefixes),
    fc.uint8Array({ maxLength: 400 }),
    fc.constantFrom('', '"}\n', '</description></item></channel></rss>', '</body></html>'),
  )
  .map(([head, body, tail]) => Buffer.concat([Buffer.from(head), Buffer.from(body), Buffer.from(tail)]));

describe('arbitrary bytes into every reader (properties)', () => {
  let runs = 0;
  it.each(['a.txt', 'a.html', 'a.xml', 'a.jsonl', 'a.md', 'a.rss', 'a.unknown', 'a.jsonl.gz'])(
    '%s: always articles, skips or notes, never a throw',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(hostileBytes, async (bytes) => {
          const file = join(root, `${runs++}-${name}`);
          await writeFile(file, name.endsWith('.gz') && bytes.length % 2 === 0 ? gzipSync(bytes) : bytes);
          const report = await readInputFile(file);
          expect(report.articles.length + report.skipped.length + report.notes.length).toBeGreaterThan(0);
          for (const article of report.articles) {
            expect(article.text.trim()).not.toBe('');
            expect(article.text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/);
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  it('the text readers never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.string({ maxLength: 300 }), (head, text) => {
        for (const reader of [readHtml, readFeed, readPlainText]) {
          const result = reader(head + text, 'in/x', {});
          expect(result.articles.length + result.skipped.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('string lines into the JSONL reader: one item per line at most (one for an empty input), never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.json()), { maxLength: 20 }), async (lines) => {
        const read = await collectItems(streamJsonlLines(lines, 'in/x.jsonl', { defaultDate: '2025-04-01' }));
        expect(read.articles.length + read.skipped.length).toBeLessThanOrEqual(Math.max(1, lines.length));
      }),
      { numRuns: 200 },
    );
  });
});

describe('boundedLines', () => {
  async function* chunked(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
    let at = 0;
    for (const size of sizes) {
      if (at >= bytes.length) return;
      yield bytes.subarray(at, (at += size));
    }
    if (at < bytes.length) yield bytes.subarray(at);
  }

  it('gives the lines readline would, however the bytes are chunked (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r\n', '\r'), maxLength: 80 })),
        fc.array(fc.integer({ min: 1, max: 7 })),
        async (pieces, sizes) => {
          const text = pieces.join('');
          const got: string[] = [];
          for await (const line of boundedLines(chunked(Buffer.from(text), sizes), 1000))
            got.push('text' in line ? line.text : '<too long>');
          const expected = text.split(/\r\n|\n|\r/);
          if (expected.at(-1) === '') expected.pop();
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes a line over the bound by without holding it, and reads on', async () => {
    const lines: unknown[] = [];
    for await (const line of boundedLines(
      chunked(Buffer.from(`short\n${'x'.repeat(5000)}\nafter`), [100, 100, 4000, 2000]),
      1000,
    ))
      lines.push(line);
    expect(lines).toEqual([{ text: 'short' }, { tooLong: 5000 }, { text: 'after' }]);
  });

  it('marks a line with invalid UTF-8 and keeps the rest of it', async () => {
    const lines: unknown[] = [];
    for await (const line of boundedLines(chunked(Buffer.from([0x61, 0xff, 0x62, 0x0a, 0x63]), [2, 3]), 1000))
      lines.push(line);
    expect(lines).toEqual([{ text: 'a\ufffdb', invalidUtf8: true }, { text: 'c' }]);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  it('is recognised by its NULs at alternating positions, in either byte order', () => {
    const le = Buffer.from(' date 2025-04-01\nThe harbour strike began.', 'utf16le');
    expect(unmarkedUtf16(le)).toBe('utf-16le');
    expect(unmarkedUtf16(Buffer.from(le).swap16())).toBe('utf-16be');
    expect(decodeText(le)).toEqual({
      ok: true,
      text: ' date 2025-04-01\nThe harbour strike began.',
      note: 'no byte-order mark; read as UTF-16LE (NUL bytes at alternating positions)',
    });
  });

  it('is not claimed for binary data with NULs', () => {
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 2 === 1 ? 0 : (i * 7) % 32)));
    expect(decodeText(binary)).toEqual({ ok: false, reason: 'binary file (NUL bytes)' });
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]))).toEqual({
      ok: false,
      reason: 'binary file (NUL bytes)',
    });
  });
});

// Budgets. Each bound is generous, 10× or more what the development machine takes, because the
// test shares two cores with others; it is there to catch a return to superlinear time (2,000
// nested <div>s took 54 s before, 10,000 more than 300 s), not to measure: `npm run bench` does that.
describe('budgets', () => {
  it('a page of 10,000 nested elements is read in seconds, its text kept, with a note', () => {
    const html = `<html><head><meta name="date" content="2025-04-01"></head><body>${'<div>'.repeat(10_000)}The strike began on Monday.${'</div>'.repeat(10_000)}</body></html>`;
    const started = performance.now();
    const result = readHtml(html, 'in/deep.html', {});
    // ~30 ms here; 5 s is a hundred times that, and far below the minutes it took before.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.articles.map((a) => a.text)).toEqual(['The strike began on Monday.']);
    expect(result.notes?.[0]?.reason).toMatch(new RegExp(`nested more than ${MAX_HTML_DEPTH} deep`));
  });

  it('a 16 MB article is read and split into bounded parts in seconds, with the reason', async () => {
    const paragraph =
      'The harbour strike entered its third day on Wednesday, union officials said, and talks were set for Friday.\n\n';
    const file = join(root, 'sixteen.txt');
    await writeFile(file, ` date 2025-04-01\n${paragraph.repeat(Math.ceil((16 * 2 ** 20) / paragraph.length))}`);
    const started = performance.now();
    const read = await collectItems(streamInputs([file]));
    // Reading, decoding and splitting are a few passes over 16 MB (~0.3 s here); 15 s is generous.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(read.articles).toHaveLength(17);
    expect(read.articles.every((a) => a.text.length <= MAX_ARTICLE_CHARS)).toBe(true);
    expect(read.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(
        /^text of 16,777,\d{3} characters is over the 1,000,000-character limit for one article: split into 17 parts/,
      ),
    ]);
  });

  it('a 49 MB text file (just under the whole-file limit) is read and split in seconds', async () => {
    const file = join(root, 'forty-nine.txt');
    const line = 'Talks resumed on Thursday. '.repeat(40) + '\n';
    await writeFile(file, ` date 2025-04-01\n${line.repeat(Math.floor((49 * 2 ** 20) / line.length))}`);
    const started = performance.now();
    let articles = 0;
    for await (const item of streamInputs([file])) if (item.kind === 'article') articles += 1;
    // ~1 s here: 30 s only catches a stall.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(articles).toBe(52);
  });
});
