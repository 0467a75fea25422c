// A folder tree with one subfolder the reader may not open: the rest is still read. Root can open
// any folder, so the refusal is simulated at readdir.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const refused = new Set<string>();
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = (async (path: Parameters<typeof original.readdir>[0], options?: unknown) => {
    if (refused.has(String(path)))
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (original.readdir as (p: unknown, o?: unknown) => Promise<unknown>)(path, options);
  }) as typeof original.readdir;
  return { ...original, readdir, default: { ...original, readdir } };
});

const { readInputs } = await import('./index.js');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronicle-walk-'));
  for (const folder of ['a', 'b-locked', 'c']) {
    await mkdir(join(root, folder), { recursive: true });
    await writeFile(join(root, folder, 'x.txt'), ` date 2025-04-01\nArticle in ${folder}.\n`);
  }
  refused.add(join(root, 'b-locked'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('an unreadable subfolder', () => {
  it('is reported, and the readable files of the same folder are still read', async () => {
    const read = await readInputs([root]);
    expect(read.articles.map((a) => a.text).sort()).toEqual(['Article in a.', 'Article in c.']);
    expect(read.skipped).toEqual([{ file: join(root, 'b-locked'), reason: 'folder not read: permission denied' }]);
  });

  it('is reported under a glob too', async () => {
    const read = await readInputs([join(root, '*', '*.txt')]);
    expect(read.articles).toHaveLength(2);
    expect(read.skipped.map((s) => s.reason)).toEqual(['folder not read: permission denied']);
  });
});
