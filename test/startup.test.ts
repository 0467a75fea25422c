// `chronicle --version`, `--help` and a usage error must not load what the commands need (the
// taggers and their models, the stores' drivers, the queue, the web server): each command loads its
// own when it runs, so start-up stays a tenth of a second.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
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

  it('sees a command’s dependencies when they do load', () => {
    const loaded = modulesLoadedBy(['timeline', 'examples/harbour-strike', '--dates', '1']);
    expect(loaded).toContain('src/pipeline.ts');
    expect(loaded.some((url) => url.startsWith('src/annotate/time/'))).toBe(true);
  });
});
