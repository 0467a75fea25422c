// Hostile input, end to end through the real command line (issue 14): every input below is
// generated here, into a temporary folder. One bad file, line or option must end in a reported
// reason and a meaningful exit code, never a stack trace, and every other input of the same run
// must still be read and stored. The cases that need one run each (options, destinations) run the
// CLI themselves; the hostile files share one run of each command, as a user's folder would.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../src/model.js';
import { openStore } from '../src/store/index.js';
import { chronicleRun, expectNoStackTrace, type Run } from './support/cli-run.js';

const work = mkdtempSync(join(tmpdir(), 'chronicle-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real CLI, with a default store of this run's own. */
const chronicle = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  chronicleRun(args, { CHRONICLE_STORE: join(work, 'default.sqlite'), ...env });

const dated = (text: string) => ` date 2025-04-01\n${text}\n`;
const page = (body: string, day = '2025-04-02') =>
  `<!doctype html><html><head><meta property="article:published_time" content="${day}"><title>Page</title></head><body>${body}</body></html>`;
const feed = (items: string, doctype = '') =>
  `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>Coast Feed</title>${items}</channel></rss>`;
const item = (description: string, day = 'Thu, 03 Apr 2025 10:00:00 GMT') =>
  `<item><pubDate>${day}</pubDate><description>${description}</description></item>`;
const line = (fields: Record<string, unknown>) => `${JSON.stringify({ time: '2025-04-04', ...fields })}\n`;
const sentence = (what: string) => `The harbour strike ${what} on Monday, union officials said.`;

/** gzip members concatenated: a gunzip reads them as one stream, so a few KB unpack to `megabytes` MB of one line. */
function gzipBomb(megabytes: number, after: string): Buffer {
  const member = gzipSync(Buffer.alloc(16 * 2 ** 20, 'a'), { level: 9 });
  return Buffer.concat([...Array.from({ length: Math.ceil(megabytes / 16) }, () => member), gzipSync(`\n${after}`)]);
}

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

const mixed = join(work, 'mixed');
/** A line of the report that a file name with a newline in it would fake if printed raw. */
const FAKE_LINE = '  skipped passwd: forged';
const EVIL_NAME = `evil\n${FAKE_LINE}.txt`;

/** file name → what the run must say about it (a skip or a warning), and how many articles it gives. */
const HOSTILE: Record<string, { skipped?: RegExp; warning?: RegExp; articles: number; line?: number }> = {
  'xxe.xml': { skipped: /the XML parser refused it: External entities are not supported/, articles: 0 },
  'big-entity.xml': {
    skipped: /the XML parser refused it: Entity "big" size \(20000\) exceeds maximum allowed size/,
    articles: 0,
  },
  'deep.xml': { skipped: /the XML parser refused it: Maximum nested tags exceeded/, articles: 0 },
  'laughs.xml': { articles: 1 }, // nested entities are not expanded: the text stays "&e;&e;...", short
  'deep-body.xml': { articles: 1 }, // 10,000 nested <div>s in an item body: read in one pass
  'nested-10000.html': { warning: /nested more than 128 deep .*kept the page's whole text/, articles: 1 },
  'unclosed-b-i.html': { warning: /nested more than 128 deep/, articles: 1 },
  'self-closing-div.html': { warning: /nested more than 128 deep/, articles: 1 },
  'many-elements.html': { warning: /more than 50,000 elements/, articles: 1 },
  'nav-only.html': {
    skipped: /no article body: the page's main content is only navigation or links \("Home"\)/,
    articles: 0,
  },
  'bomb.jsonl.gz': {
    skipped: /line of 640 MB is over the 8\.0 MB limit for one line: skipped without reading it/,
    line: 1,
    articles: 1,
  },
  'long-line.jsonl': { skipped: /line of 9\.0 MB is over the 8\.0 MB limit/, line: 1, articles: 1 },
  'invalid-utf8.jsonl': { warning: /not valid UTF-8: the bad bytes were read as U\+FFFD/, line: 2, articles: 2 },
  'deep-json.jsonl': { skipped: /expected a JSON object, got an array/, line: 1, articles: 0 },
  'utf16.jsonl': { skipped: /NUL bytes on the first line \(UTF-16 or binary\)/, articles: 0 },
  'crlf-and-cr.jsonl': { articles: 3 },
  'cp1252.txt': { warning: /not valid UTF-8; read as Windows-1252/, articles: 1 },
  'utf16le-no-bom.txt': { warning: /no byte-order mark; read as UTF-16LE/, articles: 1 },
  'utf16be-no-bom.txt': { warning: /no byte-order mark; read as UTF-16BE/, articles: 1 },
  'binary.txt': { skipped: /binary file \(NUL bytes\)/, articles: 0 },
  'escape.txt': { warning: /removed 3 control character/, articles: 1 },
  'collide-b.jsonl': { warning: /id 42 is already used by a different article .*kept as 42@/, line: 1, articles: 1 },
  'collide-a.jsonl': { articles: 1 },
  [EVIL_NAME]: { skipped: /no publication date/, articles: 0 },
};
const GOOD: Record<string, number> = { 'good.txt': 1, 'good-feed.xml': 2, 'good-page.html': 1, 'good.jsonl': 2 };
const expectedArticles =
  Object.values(GOOD).reduce((a, b) => a + b, 0) + Object.values(HOSTILE).reduce((a, b) => a + b.articles, 0);

function writeMixedFolder(): void {
  mkdirSync(mixed, { recursive: true });
  const put = (name: string, content: string | Buffer) => writeFileSync(join(mixed, name), content);
  // The inputs that must survive whatever sits beside them.
  put('good.txt', dated(sentence('began')));
  put('good-feed.xml', feed(item(sentence('spread to the ferries')) + item(sentence('closed the fish market'))));
  put(
    'good-page.html',
    page(
      `<article><h1>Talks</h1><p>${sentence('talks resumed')} ${'More detail about the talks. '.repeat(20)}</p></article>`,
    ),
  );
  put('good.jsonl', line({ text: sentence('cost the port millions') }) + line({ text: sentence('ended in a vote') }));

  put('xxe.xml', feed(item('&xxe;'), '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
  put('big-entity.xml', feed(item('&big;'), `<!DOCTYPE rss [<!ENTITY big "${'a'.repeat(20_000)}">]>`));
  put('deep.xml', feed(item(`${'<x>'.repeat(10_000)}a${'</x>'.repeat(10_000)}`)));
  const laughs = [
    '<!ENTITY a "aaaaaaaaaa">',
    ...'bcde'.split('').map((name, i) => `<!ENTITY ${name} "${`&${'abcd'[i]};`.repeat(10)}">`),
  ].join('');
  put('laughs.xml', feed(item('&e;'.repeat(10)), `<!DOCTYPE rss [${laughs}]>`));
  put(
    'deep-body.xml',
    feed(item(`<![CDATA[${'<div>'.repeat(10_000)}${sentence('reached the deep feed')}${'</div>'.repeat(10_000)}]]>`)),
  );

  put('nested-10000.html', page(`${'<div>'.repeat(10_000)}${sentence('was nested deep')}${'</div>'.repeat(10_000)}`));
  put('unclosed-b-i.html', page(`${'<b><i>'.repeat(100_000)}${sentence('never closed its tags')}`));
  put('self-closing-div.html', page(`${'<div/>'.repeat(50_000)}${sentence('closed nothing')}`));
  put('many-elements.html', page(`<p>${sentence('had many spans')}</p>${'<span>s</span>'.repeat(60_000)}`));
  put('nav-only.html', page('<nav><ul><li><a href="/">Home</a></li></ul></nav>'));

  put('bomb.jsonl.gz', gzipBomb(640, line({ text: sentence('survived the bomb') })));
  put('long-line.jsonl', line({ text: 'x'.repeat(9 * 2 ** 20) }) + line({ text: sentence('followed a long line') }));
  put(
    'invalid-utf8.jsonl',
    Buffer.concat([
      Buffer.from(line({ text: sentence('came first') })),
      Buffer.from('{"time":"2025-04-04","text":"Bad bytes \xff\xfe here on Monday."}\n', 'latin1'),
    ]),
  );
  put('deep-json.jsonl', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  put('utf16.jsonl', utf16(line({ text: sentence('was UTF-16 JSONL') }), 'le'));
  put(
    'crlf-and-cr.jsonl',
    `${line({ text: sentence('wrote CRLF') }).trim()}\r\n${line({ text: sentence('wrote CR') }).trim()}\r${line({ text: sentence('wrote LF') })}`,
  );

  put('cp1252.txt', Buffer.from(dated(`${sentence('was \x93quoted\x94')}`), 'latin1'));
  put('utf16le-no-bom.txt', utf16(dated(sentence('came as UTF-16LE')), 'le'));
  put('utf16be-no-bom.txt', utf16(dated(sentence('came as UTF-16BE')), 'be'));
  put(
    'binary.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 7, 0]),
  );
  put('escape.txt', dated(`\u001b]0;pwned\u0007${sentence('hid escapes')}\u001b[2J`));
  put('collide-a.jsonl', line({ id: 42, text: sentence('had id 42 first') }));
  put('collide-b.jsonl', line({ id: 42, text: sentence('had id 42 second') }));
  put(EVIL_NAME, 'no date header here\n');
}

function reportLine(
  stderr: string,
  file: string,
  kind: 'skipped' | 'warning',
  lineNumber?: number,
): string | undefined {
  const printed = file.replaceAll('\n', '\\n');
  const prefix = `  ${kind} ${join(mixed, printed)}${lineNumber !== undefined ? `:${lineNumber}` : ''}`;
  return stderr
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${prefix}: `) ||
        (lineNumber === undefined && l.startsWith(`${prefix}:`) && /^:\d+: /.test(l.slice(prefix.length))),
    );
}

describe('one run over a folder of hostile files beside good ones', () => {
  let ingest: Run;
  let annotate: Run;
  let timeline: Run;
  let stored: number;
  let annotatedFiles: string[];
  const store = join(work, 'mixed.sqlite');

  beforeAll(async () => {
    writeMixedFolder();
    [ingest, annotate, timeline] = await Promise.all([
      chronicle(['ingest', mixed, '--store', store]),
      chronicle(['annotate', mixed, '--format', 'json']),
      chronicle(['timeline', mixed, '--format', 'json', '--dates', '3']),
    ]);
    const opened = await openStore(store, { readonly: true });
    try {
      stored = (await opened.counts()).articles;
    } finally {
      await opened.close();
    }
    annotatedFiles =
      annotate.code === 0 ? (JSON.parse(annotate.stdout) as AnnotatedArticle[]).map((a) => a.article.origin.file) : [];
  }, 120_000);

  it('ends well: exit code 0, no stack trace, for ingest, annotate and timeline', () => {
    for (const run of [ingest, annotate, timeline]) {
      expect(run.code, run.stderr).toBe(0);
      expectNoStackTrace(run.stderr);
    }
  });

  it('stores every article of the good files and of the hostile files that hold one', () => {
    expect(stored).toBe(expectedArticles);
    expect(ingest.stderr).toContain(`read ${expectedArticles} article(s): ${expectedArticles} added`);
  });

  it.each(Object.entries(GOOD))(
    'reads the good file %s in full (%i article(s)) despite its neighbours',
    (file, count) => {
      expect(annotatedFiles.filter((origin) => origin === join(mixed, file))).toHaveLength(count);
    },
  );

  it.each(Object.entries(HOSTILE))('%s: reports it with its reason and keeps what it holds', (file, expected) => {
    for (const run of [ingest, annotate, timeline]) {
      if (expected.skipped)
        expect(reportLine(run.stderr, file, 'skipped', expected.line), run.stderr).toMatch(expected.skipped);
      if (expected.warning)
        expect(reportLine(run.stderr, file, 'warning', expected.line), run.stderr).toMatch(expected.warning);
      if (!expected.skipped && !expected.warning) {
        expect(reportLine(run.stderr, file, 'skipped')).toBeUndefined();
        expect(reportLine(run.stderr, file, 'warning')).toBeUndefined();
      }
    }
    expect(annotatedFiles.filter((origin) => origin === join(mixed, file))).toHaveLength(expected.articles);
  });

  it('escapes control characters in report lines: a newline in a file name fakes no line', () => {
    for (const run of [ingest, annotate, timeline]) {
      expect(run.stderr.split('\n')).not.toContain(
        `${FAKE_LINE}.txt: no publication date: expected a ' date YYYY-MM-DD' first line or a YYYY-MM-DD parent folder`,
      );
      expect(run.stderr).toContain(`evil\\n${FAKE_LINE}.txt`);
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });

  it('prints no control character of an article to the terminal', () => {
    expect(annotate.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const escaped = (JSON.parse(annotate.stdout) as AnnotatedArticle[]).find((a) =>
      a.article.origin.file.endsWith('escape.txt'),
    )!;
    expect(escaped.article.text).toBe(`]0;pwned${sentence('hid escapes')}[2J`);
  });

  it('reads a UTF-16 file without a byte-order mark as the text it is', () => {
    const texts = (JSON.parse(annotate.stdout) as AnnotatedArticle[]).map((a) => a.article.text);
    expect(texts).toContain(sentence('came as UTF-16LE'));
    expect(texts).toContain(sentence('came as UTF-16BE'));
    expect(texts).toContain(sentence('was \u201cquoted\u201d'));
  });
});

describe('--out: the destination is checked before the timeline is computed, and written atomically', () => {
  const corpus = join(work, 'small');
  beforeAll(() => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'a.txt'), dated(sentence('began')));
    writeFileSync(join(corpus, 'b.txt'), ` date 2025-04-03\n${sentence('went on')}\n`);
  });

  const temporaryFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

  it('a missing folder is a usage error (exit 2) that names it, with nothing left behind', async () => {
    const run = await chronicle(['timeline', corpus, '--out', join(work, 'no-such-folder', 'timeline.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .*timeline\.md: the folder .*no-such-folder does not exist; create it first/);
    expect(run.stderr).not.toContain('read 2 article(s)'); // refused before reading anything
    expectNoStackTrace(run.stderr);
  });

  it('a folder is a usage error (exit 2)', async () => {
    const run = await chronicle(['timeline', corpus, '--out', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is a folder: give a file name/);
    expectNoStackTrace(run.stderr);
  });

  it('a place that cannot be written is a usage error (exit 2)', async () => {
    // Root may write anywhere on a normal file system: sysfs refuses new files even to root.
    let place = '/sys/chronicle-timeline.md';
    if (process.getuid?.() !== 0) {
      const locked = join(work, 'locked');
      mkdirSync(locked, { recursive: true });
      chmodSync(locked, 0o555);
      place = join(locked, 'timeline.md');
    }
    const run = await chronicle(['timeline', corpus, '--out', place]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write in .*\((permission denied|read-only file system)\)/);
    expectNoStackTrace(run.stderr);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk is said plainly, exit 4, not a bug', async () => {
    const run = await chronicle(['timeline', corpus, '--out', '/dev/full']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/could not write --out \/dev\/full: the disk is full/);
    expectNoStackTrace(run.stderr);
  });

  it('replaces an existing file whole and leaves no temporary file', async () => {
    const out = join(work, 'timeline.json');
    writeFileSync(out, 'old content');
    const run = await chronicle(['timeline', corpus, '--format', 'json', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('entries');
    expect(temporaryFiles(work)).toEqual([]);
  });

  it('keeps the old file and removes its temporary file when the timeline fails', async () => {
    const out = join(work, 'kept.md');
    writeFileSync(out, 'old content');
    const run = await chronicle(['timeline', join(work, 'no-such-input'), '--out', out]);
    expect(run.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('old content');
    expect(temporaryFiles(work)).toEqual([]);
  });
});

describe('options that are not what they look like', () => {
  const corpus = join(work, 'small');

  it.each([['ingest', corpus], ['timeline'], ['serve']])(
    '--store "" is refused by %s (exit 2), not a temporary database',
    async (command, ...rest) => {
      const run = await chronicle([command, ...rest.filter((x): x is string => x !== undefined), '--store', '']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the store location is empty/);
      expectNoStackTrace(run.stderr);
    },
  );

  it.each(['"', '*', '-', '🙂', '...', ''])(
    '--query %j asks for no word: refused (exit 2), not the whole store',
    async (query) => {
      const run = await chronicle(['timeline', '--store', join(work, 'mixed.sqlite'), '--query', query]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(query === '' ? /the query is empty/ : /the query has no word in it/);
      expectNoStackTrace(run.stderr);
    },
  );

  it('a query with one word among symbols is still a query', async () => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'a.txt'), dated(sentence('began')));
    const run = await chronicle(['timeline', corpus, '--query', '*strike*, 🙂', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('the server refuses a query with no word in it', () => {
  it.each([
    ['/api/timeline?query=*', 400],
    ['/api/timeline?query=%F0%9F%99%82', 400],
    ['/api/articles?query=-', 400],
    ['/api/signal?query=%22', 400],
    ['/api/articles?query=', 200],
    ['/api/articles?query=strike', 200],
  ])('%s → %i', async (url, status) => {
    const { buildServer } = await import('../src/server/app.js');
    const app = await buildServer({ storeLocation: join(work, 'server.sqlite') });
    try {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(status);
      if (status === 400)
        expect(response.json<{ error: string }>().error).toMatch(/query: the query has no word in it/);
    } finally {
      await app.close();
    }
  });
});

describe('a full disk is not a bug', () => {
  async function failureOf(error: unknown): Promise<{ code: number; stderr: string }> {
    const { reportFailure } = await import('../src/cli/errors.js');
    let stderr = '';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => ((stderr += chunk), true);
    try {
      return { code: reportFailure(error), stderr };
    } finally {
      process.stderr.write = write;
    }
  }

  it.each([
    ['SQLITE_FULL', 'database or disk is full'],
    ['ENOSPC', 'ENOSPC: no space left on device, write'],
    ['53100', 'could not extend file: No space left on device'],
  ])('%s: exit 4, says the store is intact and how to go on, no stack', async (code, message) => {
    const failure = await failureOf(Object.assign(new Error(message), { code }));
    expect(failure.code).toBe(4);
    expect(failure.stderr).toMatch(
      /the disk is full .*The store is intact: the batch being written was rolled back .*Free some space/,
    );
    expect(failure.stderr).toContain(message);
    expectNoStackTrace(failure.stderr);
  });

  it('an error that is none of these is still reported as a bug (exit 1, with its stack)', async () => {
    const failure = await failureOf(new TypeError('x is undefined'));
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('internal error');
  });

  it('a user error naming a file with control characters prints them escaped', async () => {
    const { UserError } = await import('../src/cli/errors.js');
    const failure = await failureOf(new UserError("no store at 'a\nchronicle: fake\u001b[2J'"));
    expect(failure.stderr).toBe("chronicle: no store at 'a\\nchronicle: fake\\x1b[2J'\n");
  });
});

// The reader splits a long text into parts (src/read/limits.ts); every stage after it must then be
// linear, or one long file still stalls a run. Varied sentences, so the tagger and the mention
// finder have real work: dates, names, figures.
describe('a 16 MB article is ingested whole, in bounded time', () => {
  it('reads, annotates and stores every part', async () => {
    const { ingest } = await import('../src/pipeline.js');
    const places = ['Velmora', 'Lunholm', 'Osterby', 'Caldervale'];
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
    const paragraph = (n: number) =>
      `Dockers in ${places[n % 4]} stopped work on ${days[n % 5]}, the union said, and about ${200 + (n % 300)} workers joined Ines Marr at the north quay. Talks with the port authority resume on April ${1 + (n % 28)}.\n\n`;
    const parts: string[] = [];
    let length = 0;
    for (let n = 0; length < 16 * 2 ** 20; n++) {
      parts.push(paragraph(n));
      length += parts.at(-1)!.length;
    }
    const file = join(work, 'long-feature.txt');
    writeFileSync(file, ` date 2025-04-01\n${parts.join('')}`);
    const store = await openStore(join(work, 'long-feature.sqlite'));
    try {
      const started = performance.now();
      const report = await ingest([file], store);
      // About 20 s on the 2-core development machine; 300 s is fifteen times that, shared cores
      // included, where a quadratic step (the tagger's overlaps, the mention combiner) took tens
      // of minutes at this size.
      expect(performance.now() - started).toBeLessThan(300_000);
      expect(report.read).toBe(17);
      expect(report.added).toBe(17);
      expect((await store.counts()).timexes).toBeGreaterThan(100_000);
    } finally {
      await store.close();
    }
  }, 600_000);
});
