// What `npm run build` compiles is what the package ships (dist/): no test helper, fixture or test
// library may be among it. Helpers and fixtures the tests share live in test/support/, outside src/.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './support/cli-run.js';

function buildFiles(): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.build.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error('tsconfig.build.json could not be read');
  return parsed.fileNames.map((file) => relative(root, file));
}

/** The module names a file imports, statically or dynamically. */
function importsOf(file: string): string[] {
  const source = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return source.importedFiles.map((imported) => imported.fileName);
}

describe('the build', () => {
  const files = buildFiles();

  it('compiles the sources and nothing from test/', () => {
    expect(files).toContain('src/pipeline.ts');
    expect(files.filter((file) => !file.startsWith('src/'))).toEqual([]);
    expect(files.filter((file) => /\.test\.ts$|testing|\.gold\.|fixture/.test(file))).toEqual([]);
  });

  it('imports no test library and no test helper', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((name) => /^(vitest|fast-check)(\/|$)|(^|\/)test\//.test(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(offending).toEqual([]);
  });
});
