import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.js';
import { inStoreOrder, syntheticArticles } from '../../test/support/store/synthetic.js';

const CHILD = fileURLToPath(new URL('../../test/support/store/ingest-child.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BATCHES = 12;
const BATCH_SIZE = 100;
const SENTENCES = 12;
/** Batches the parent waits to see committed before pulling the plug. */
const KILL_AFTER = 3;

interface BatchLine {
  batch: number;
  added: number;
  alreadyStored: number;
}

interface ChildRun {
  lines: BatchLine[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'chronicle-crash-'));
  file = join(folder, 'store.sqlite');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the ingest child; with `killAfter`, SIGKILLs it as soon as that many batches have committed. */
function runChild(killAfter?: number): Promise<ChildRun> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, file, String(BATCHES), String(BATCH_SIZE), String(SENTENCES)],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: BatchLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(JSON.parse(line) as BatchLine);
    if (lines.length === killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ lines, code, signal, stderr }));
  });
}

it('survives a SIGKILL mid-ingest with whole batches only, and a re-run completes the set exactly', async () => {
  const crashed = await runChild(KILL_AFTER);
  expect(crashed.stderr).toBe('');
  expect(crashed.signal).toBe('SIGKILL');
  expect(crashed.lines.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(crashed.lines.length).toBeLessThan(BATCHES);

  // Opening for writing first recovers the WAL exactly as the next ingest would.
  await openSqliteStore(file).close();
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    // No half batch; the batch being written when the child died may or may not have committed.
    expect(stored % BATCH_SIZE).toBe(0);
    expect(stored / BATCH_SIZE).toBeGreaterThanOrEqual(crashed.lines.length);
    expect(stored / BATCH_SIZE).toBeLessThanOrEqual(crashed.lines.length + 1);
    const incomplete = db.prepare('SELECT count(*) FROM articles WHERE sentence_count <> ?').pluck().get(SENTENCES);
    expect(incomplete).toBe(0);
    expect(db.prepare('SELECT sum(sentence_count) FROM articles').pluck().get()).toBe(stored * SENTENCES);
    // Every stored article is in the word index (one docsize row each), which checks out, and has its duplicate keys.
    expect(db.prepare('SELECT count(*) FROM article_words_docsize').pluck().get()).toBe(stored);
    expect(() =>
      db.prepare(`INSERT INTO article_words (article_words) VALUES ('integrity-check')`).run(),
    ).not.toThrow();
    expect(db.prepare('SELECT count(DISTINCT article_seq) FROM duplicate_keys').pluck().get()).toBe(stored);
  } finally {
    db.close();
  }

  const resumed = await runChild();
  expect(resumed.stderr).toBe('');
  expect(resumed.code).toBe(0);
  expect(resumed.lines).toHaveLength(BATCHES);
  const total = BATCHES * BATCH_SIZE;
  const addedOnResume = resumed.lines.reduce((sum, line) => sum + line.added, 0);
  const skippedOnResume = resumed.lines.reduce((sum, line) => sum + line.alreadyStored, 0);
  expect(addedOnResume + skippedOnResume).toBe(total);

  const store = openSqliteStore(file, { readonly: true });
  try {
    expect(await store.counts()).toEqual({
      articles: total,
      sentences: total * SENTENCES,
      timexes: total * SENTENCES,
      duplicateGroups: 0,
      duplicates: 0,
    });
    const expected = syntheticArticles(0, total, { sentences: SENTENCES });
    expect(skippedOnResume).toBeGreaterThanOrEqual(KILL_AFTER * BATCH_SIZE);
    expect((await store.articles()).map((a) => a.article.id).sort()).toEqual(expected.map((a) => a.article.id).sort());
    expect(await store.articles()).toStrictEqual(inStoreOrder(expected));
  } finally {
    await store.close();
  }
});
