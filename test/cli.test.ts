// End to end through the real command line: what a user types, what they see, the exit code.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../src/model.js';
import { sharedPath } from '../src/shared-data.js';
import { SKIP_REASON, TEST_POSTGRES_URL, testSchemas } from './support/store/postgres.js';
import { chronicleRun, expectNoStackTrace, root, type Run } from './support/cli-run.js';

const seeds = sharedPath('seeds');
const example = join(root, 'examples', 'harbour-strike');
const work = mkdtempSync(join(tmpdir(), 'chronicle-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The real CLI, with a default store of this run's own. Asynchronous: a synchronous spawn blocks the
 * test worker, which on a loaded machine then misses vitest's calls and fails the file.
 */
const chronicle = (...args: string[]): Promise<Run> =>
  chronicleRun(args, { CHRONICLE_STORE: join(work, 'default.sqlite') });

describe.skipIf(!existsSync(seeds))('chronicle timeline on the seed articles', () => {
  // Run in beforeAll, not in the describe body: vitest collects a skipped describe's body too, and
  // without ../shared there is no output to parse.
  let run: Run;
  let timeline: Timeline | undefined;
  beforeAll(async () => {
    run = await chronicle('timeline', seeds, '--format', 'json');
    if (run.code === 0) timeline = JSON.parse(run.stdout) as Timeline;
  });
  const entry = (date: string) => timeline?.entries.find((e) => e.date.value === date);

  it('succeeds', () => {
    expect(run.code, run.stderr).toBe(0);
    expectNoStackTrace(run.stderr);
  });

  it('puts the events on the days they happened, not the days they were reported', () => {
    // "on Monday" / "Later Monday" in the article of Tuesday 2019-03-05.
    expect(entry('2019-03-04')).toBeDefined();
    // "on Wednesday" in the article of Friday 2019-03-01.
    expect(entry('2019-02-27')).toBeDefined();
  });

  it('cites the sentences behind each day with offsets and dating evidence', () => {
    const monday = entry('2019-03-04')!;
    expect(monday.sentences.length).toBeGreaterThan(0);
    for (const citation of monday.sentences) {
      expect(citation.publishedOn).toBe('2019-03-05');
      expect(citation.dating.how).toBe('reference');
      expect(citation.dating.timex?.text).toMatch(/Monday/);
      expect(citation.dating.evidence).toContain('2019-03-04');
      const file = readFileSync(join(seeds, '000_00adbe57efcb47f9.txt'), 'utf8');
      expect(file).toContain(citation.text);
    }
    const wednesday = entry('2019-02-27')!;
    expect(
      wednesday.sentences.some((c) => c.publishedOn === '2019-03-01' && /Wednesday/.test(c.dating.timex?.text ?? '')),
    ).toBe(true);
  });
});

describe('chronicle timeline on the example corpus', () => {
  it('prints a Markdown timeline with citations', async () => {
    const run = await chronicle('timeline', example);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## .*2025/m);
    // Citations give their publication day as people write it (the JSON output keeps 2025-04-0x).
    expect(run.stdout).toMatch(/^- .* — coastal-wire, \d{1,2} April 2025 \(/m);
    expectNoStackTrace(run.stderr);
  });

  it('writes every format to a file', async () => {
    for (const format of ['json', 'md', 'tilse', 'newstls', 'timelinejs']) {
      const out = join(work, `timeline.${format}`);
      const run = await chronicle('timeline', example, '--format', format, '--out', out, '--dates', '4');
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    }
  });
});

describe('bad input is reported and skipped, never a stack trace', () => {
  it('skips a bad line and a bad file, names them, and goes on', async () => {
    const dir = join(work, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'feed.jsonl'),
      [
        JSON.stringify({
          id: 'x1',
          date: '2025-04-02',
          source: 'Test Wire',
          text: 'Dock workers in Velmora walked out on Tuesday over pay.',
        }),
        '{"id": "x2", "date": "2025-04-03", "text": ',
        JSON.stringify({ id: 'x3', date: '2025-02-30', text: 'A day that does not exist.' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'notes.txt'), 'No date header here at all.');
    const run = await chronicle('timeline', dir, '--format', 'tilse');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/feed\.jsonl:2: .*JSON/i);
    expect(run.stderr).toMatch(/feed\.jsonl:3: .*2025-02-30/);
    expect(run.stderr).toMatch(/notes\.txt: .*date/i);
    expect(run.stdout).toContain('2025-04-01');
    expectNoStackTrace(run.stderr);
  });

  it('exits 3 when nothing could be read', async () => {
    const run = await chronicle('timeline', join(work, 'does-not-exist'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('does-not-exist');
    expectNoStackTrace(run.stderr);
  });

  it('exits 2 on a wrong option, with the reason', async () => {
    const run = await chronicle('timeline', example, '--dates', 'zero');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--dates');
    const range = await chronicle('timeline', example, '--from', '2025-04-10', '--to', '2025-04-01');
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('after');
  });
});

describe('chronicle ingest and the store', () => {
  const store = join(work, 'story.sqlite');

  it('stores once, recognises stored articles on re-run, and builds timelines from the store', async () => {
    const first = await chronicle('ingest', example, '--store', store);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/[1-9]\d* added, 0 already stored/);
    const again = await chronicle('ingest', example, '--store', store);
    expect(again.stderr).toMatch(/ 0 added, [1-9]\d* already stored/);
    const fromStore = await chronicle('timeline', '--store', store, '--format', 'json');
    const fromFiles = await chronicle('timeline', example, '--format', 'json');
    expect(fromStore.code).toBe(0);
    expect((JSON.parse(fromStore.stdout) as Timeline).entries).toEqual(
      (JSON.parse(fromFiles.stdout) as Timeline).entries,
    );
  });

  it('explains a file that is not a store', async () => {
    const notAStore = join(work, 'notes.sqlite');
    writeFileSync(notAStore, 'these are my notes, not a database\n'.repeat(200));
    for (const run of [
      await chronicle('timeline', '--store', notAStore),
      await chronicle('ingest', example, '--store', notAStore),
    ]) {
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`cannot use store '${notAStore}'`);
      expectNoStackTrace(run.stderr);
    }
  });

  it('explains a missing store', async () => {
    const run = await chronicle('timeline', '--store', join(work, 'nowhere.sqlite'));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('chronicle ingest');
  });
});

describe('chronicle ingest and timeline on PostgreSQL', () => {
  it('explains an unreachable server without showing the password', async () => {
    const run = await chronicle('timeline', '--store', 'postgres://reporter:hunter2@127.0.0.1:1/news');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "cannot use store 'postgres://reporter:***@127.0.0.1:1/news': cannot reach the PostgreSQL server",
    );
    expect(run.stderr).not.toContain('hunter2');
    expectNoStackTrace(run.stderr);
  });

  describe.skipIf(TEST_POSTGRES_URL === undefined)(
    TEST_POSTGRES_URL === undefined ? `with a server: skipped, ${SKIP_REASON}` : 'with a server',
    () => {
      const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
      afterAll(() => schemas.dropAll());

      it('builds from the server the same timeline as from the files', async () => {
        const url = await schemas.create();
        const ingested = await chronicle('ingest', example, '--store', url);
        expect(ingested.code, ingested.stderr).toBe(0);
        expect(ingested.stderr).toMatch(/[1-9]\d* added, 0 already stored/);
        const again = await chronicle('ingest', example, '--store', url);
        expect(again.stderr).toMatch(/ 0 added, [1-9]\d* already stored/);
        const fromServer = await chronicle('timeline', '--store', url, '--format', 'json');
        const fromFiles = await chronicle('timeline', example, '--format', 'json');
        expect(fromServer.code, fromServer.stderr).toBe(0);
        expect(fromServer.stdout).toBe(fromFiles.stdout);
      });
    },
  );
});

describe('chronicle annotate', () => {
  it.skipIf(!existsSync(seeds))('shows each date with its evidence', async () => {
    const run = await chronicle('annotate', join(seeds, '000_00adbe57efcb47f9.txt'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"Monday" DATE → 2019-03-04 \(day\) — "Monday" in a Tuesday article/);
    expect(run.stdout).toMatch(/counts .*500/);
  });
});

describe('chronicle annotate --format timeml', () => {
  it('tags plain text given its creation date, as TimeML', async () => {
    const note = join(work, 'note.txt');
    writeFileSync(note, 'Pickets left the quay on Monday & the talks resume next week.');
    const run = await chronicle('annotate', '--format', 'timeml', note, '--dct', '2025-04-08');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('<TIMEX3 tid="t1" type="DATE" value="2025-04-07">Monday</TIMEX3>');
    expect(run.stdout).toContain('&amp; the talks');
  });

  it('asks for the date of plain text', async () => {
    const run = await chronicle(
      'annotate',
      '--format',
      'timeml',
      join(example, 'coastal-wire', '001-coastal-wire-strike-begins.txt'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--dct');
  });
});

describe.skipIf(!existsSync(sharedPath('data', 'rouge')))('chronicle eval tls', () => {
  it('scores a timeline against a reference', async () => {
    const ref = join(work, 'ref.txt');
    const pred = join(work, 'pred.txt');
    writeFileSync(
      ref,
      '2025-04-01\nDock workers walk out at the port .\n--------------------------------\n2025-04-03\nThe harbour closes to shipping .\n--------------------------------\n',
    );
    writeFileSync(
      pred,
      '2025-04-01\nDock workers walk out at the port .\n--------------------------------\n2025-04-02\nPickets block the fuel terminal .\n--------------------------------\n',
    );
    const run = await chronicle('eval', 'tls', '--pred', pred, '--ref', ref, '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      dates: { ok: true; score: { precision: number; recall: number; fScore: number } };
    };
    expect(result.dates.score).toEqual({ precision: 0.5, recall: 0.5, fScore: 0.5 });
    const table = await chronicle('eval', 'tls', '--pred', pred, '--ref', ref);
    expect(table.stdout).toMatch(/^align_date_content_costs_many_to_one\s+\d/m);
  });

  it('explains an unreadable timeline', async () => {
    const bad = join(work, 'bad.txt');
    writeFileSync(bad, 'no dates in here\n');
    const run = await chronicle('eval', 'tls', '--pred', bad, '--ref', bad);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot read timeline');
    expectNoStackTrace(run.stderr);
  });
});
