// The stage boundaries of eslint.config.js (see ARCHITECTURE.md), checked through ESLint's Node API:
// each case lints one import as if it were written in a file of the given folder. The files need not
// exist; what they import does, since the rule resolves the import to a file. The type-aware rules are
// switched off here: they need the file in tsconfig.json's program, and the boundary rule does not.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The boundary messages ESLint gives for `import * as imported from '<specifier>'` in filePath. */
async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from '${specifier}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const other = messages.filter((message) => message.ruleId !== 'import-x/no-restricted-paths');
  expect(other).toEqual([]);
  return messages.map((message) => message.message);
}

describe('stage boundaries', () => {
  it.each([
    ['src/read/x.ts', '../annotate/index.js', 'may import only earlier stages'],
    ['src/annotate/time/x.ts', '../../store/index.js', 'may import only earlier stages'],
    ['src/store/x.ts', '../select/index.js', 'may import only earlier stages'],
    ['src/timeline/x.ts', '../render/index.js', 'may import only earlier stages'],
    ['src/render/x.ts', '../evaluate/tls/index.js', 'may import only earlier stages'],
    ['src/select/x.ts', '../pipeline.js', 'may import only earlier stages'],
    ['src/timeline/x.ts', '../server/app.js', 'may import only earlier stages'],
  ])('%s may not import %s (a later stage, a shell or the pipeline)', async (file, specifier, message) => {
    expect(await boundaryErrors(file, specifier)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['src/render/x.ts', '../annotate/time/index.js', "Import 'annotate' through its public modules"],
    ['src/server/x.ts', '../store/sqlite.js', "Import 'store' through its public modules"],
    ['src/pipeline.ts', './timeline/datewise.js', "Import 'timeline' through its public modules"],
    ['src/cli/x.ts', '../evaluate/tls/rouge.js', 'Import an evaluation through its index.ts'],
  ])('%s may not import %s (a stage internal)', async (file, specifier, message) => {
    expect(await boundaryErrors(file, specifier)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['src/x.ts', './annotate/index.js', 'A shared module imports no stage'],
    ['src/model.ts', './pipeline.js', 'A shared module imports no stage'],
    ['src/query.ts', './store/index.js', 'query.ts may import only the annotator'],
    ['src/evaluate/x/y.ts', '../../cli/main.js', 'evaluate may use every stage'],
    ['src/server/x.ts', '../cli/main.js', 'The cli is the outermost shell'],
    ['src/ingest/x.ts', '../queue/queue.js', 'ingest is the worker pool'],
  ])('%s may not import %s (a shared module or a shell out of place)', async (file, specifier, message) => {
    expect(await boundaryErrors(file, specifier)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['src/read/x.ts', '../model.js'],
    ['src/read/x.ts', './reader.js'],
    ['src/annotate/time/rules/x.ts', '../candidates.js'],
    ['src/select/x.ts', '../annotate/index.js'],
    ['src/timeline/x.ts', '../query.js'],
    ['src/timeline/x.ts', '../figures.js'],
    ['src/render/x.ts', '../read/index.js'],
    ['src/store/x.ts', '../query.js'],
    ['src/query.ts', './annotate/index.js'],
    ['src/ingest/x.ts', '../store/storable.js'],
    ['src/pipeline.ts', './annotate/pool.js'],
    ['src/evaluate/x/y.ts', '../../pipeline.js'],
    ['src/evaluate/x/y.ts', '../../render/index.js'],
    ['src/cli/x.ts', '../evaluate/tls/index.js'],
    ['src/server/x.ts', '../store/store.js'],
    // Tests may check one stage against another.
    ['src/store/x.test.ts', '../select/index.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([]);
  });
});
