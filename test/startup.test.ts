// `chronicle --version`, `--help` and a usage error must not load what the commands need (the
// taggers and their models, the stores' drivers, the queue, the web server): each command loads its
// own when it runs, so start-up stays a tenth of a second.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/cli-run.js';

function modulesLoadedBy(args: string[]): string[] {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      resolve(root, 'test/support/startup/record-imports.mjs'),
      '--import',
      'tsx',
      resolve(root, 'src/cli/main.ts'),
      ...args,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return [...run.stderr.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1]!.replace(`file://${root}/`, ''));
}

const HEAVY = [
  /^src\/pipeline\.ts$/,
  /^src\/annotate\/(?!sentences|tokens|lexicon\/abbreviations)/,
  /^src\/(store\/(?!store\.ts)|select|timeline\/(?!names)|render|evaluate|server\/(?!defaults|forgery|access)|queue\/(?!location))/,
  /node_modules\/(?!commander|tsx|esbuild|get-tsconfig|resolve-pkg-maps)/,
];

describe('start-up', () => {
  it.each([['--version'], ['--help'], ['timeline', '--method', 'nope', 'x']])(
    '`chronicle %s` loads no command’s dependencies',
    (...args) => {
      const loaded = modulesLoadedBy(args);
      expect(loaded).toContain('src/cli/main.ts');
      expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
    },
  );

  it('a timeline from a SQLite store loads no page or feed reader, nor the PostgreSQL client', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-startup-'));
    try {
      const store = join(dir, 'store.sqlite');
      expect(modulesLoadedBy(['ingest', 'examples/harbour-strike', '--store', store])).toContain('src/pipeline.ts');
      const loaded = modulesLoadedBy(['timeline', '--store', store, '--query', 'strike', '--dates', '2']);
      expect(loaded).toContain('src/store/sqlite.ts');
      expect(loaded.filter((url) => /node_modules\/(linkedom|fast-xml-parser|pg)\//.test(url))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees a command’s dependencies when they do load', () => {
    const loaded = modulesLoadedBy(['timeline', 'examples/harbour-strike', '--dates', '1']);
    expect(loaded).toContain('src/pipeline.ts');
    expect(loaded.some((url) => url.startsWith('src/annotate/time/'))).toBe(true);
  });
});
