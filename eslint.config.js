// Lint: typescript-eslint's type-aware rules over the TypeScript and the page's JavaScript (web/,
// typed with JSDoc), and the stage boundaries the README claims (ARCHITECTURE.md explains them).
// Formatting is Prettier's job (`npm run format`), so no style rules here.
import { join } from 'node:path';
import eslint from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// The stages in the order data flows through them. A stage may import the stages before it, never
// one after it.
const STAGES = ['read', 'annotate', 'store', 'select', 'timeline', 'render'];
// The shells: thin front ends over src/pipeline.ts and the stages. No stage imports them.
const SHELLS = ['cli', 'server', 'queue', 'ingest'];
// Modules of a stage that other folders may import. Everything else in a stage is its own business.
// Besides index.ts, a few light modules are public because index.ts would load more than their
// importers want (the database drivers in an ingest worker thread, say).
const PUBLIC = {
  read: ['index.ts'],
  // pool.ts: the annotator's worker threads, which src/pipeline.ts starts and stops.
  // sentences.ts: the sentence splitter, which query.ts needs without the taggers and their models.
  // terms.ts, name-form.ts, content-hash.ts: what timelines, stories, duplicates and the queue use of
  // stored annotations and texts; through index.ts they would load both taggers.
  annotate: ['index.ts', 'pool.ts', 'sentences.ts', 'terms.ts', 'name-form.ts', 'content-hash.ts'],
  // store.ts: the Store interface and StoreError; storable.ts: what is derived from an article to store
  // it, computed on the ingest threads, which must not load the SQLite and PostgreSQL drivers.
  store: ['index.ts', 'store.ts', 'storable.ts'],
  select: ['index.ts'],
  // names.ts: the methods' names, which the CLI offers before it loads any method.
  timeline: ['index.ts', 'names.ts'],
  render: ['index.ts'],
};
// Every other module at the top of src/ (model.ts, query.ts, figures.ts, porter.ts, threads.ts, ...)
// is a shared module: the data model and small helpers any stage may use. They import no stage, with
// one exception: query.ts cuts a query into sentences as the annotator does. src/pipeline.ts is the
// one module at the top that composes the stages.
const SHARED = './src/!(pipeline|query).ts';

const src = (path) => `./src/${path}`;
const outside = (folder) => [src(`!(${folder})/**`), src('*.ts')];
const LATER = (index) => [...STAGES.slice(index + 1), 'evaluate', ...SHELLS].map(src);

const boundaryZones = [
  ...STAGES.map((stage, index) => ({
    target: src(stage),
    from: [...LATER(index), src('pipeline.ts')],
    message: `'${stage}' may import only earlier stages (${STAGES.slice(0, index).join(', ') || 'none'}) and the shared modules: data flows ${STAGES.join(' → ')}.`,
  })),
  ...STAGES.map((stage) => ({
    target: outside(stage),
    from: src(stage),
    except: PUBLIC[stage].map((file) => `./${file}`),
    message: `Import '${stage}' through its public modules (src/${stage}/${PUBLIC[stage].join(', ')}), not its internals.`,
  })),
  {
    target: outside('evaluate'),
    from: join(root, 'src/evaluate/**'),
    except: [join(root, 'src/evaluate/*/index.ts')],
    message: 'Import an evaluation through its index.ts (src/evaluate/<name>/index.ts), not its internals.',
  },
  {
    target: src('evaluate'),
    from: SHELLS.map(src),
    message: 'evaluate may use every stage and src/pipeline.ts, but no shell.',
  },
  {
    target: SHARED,
    from: [...STAGES, 'evaluate', ...SHELLS, 'pipeline.ts'].map(src),
    message: 'A shared module imports no stage, shell or pipeline: the stages import it.',
  },
  {
    target: src('query.ts'),
    from: [...STAGES.filter((stage) => stage !== 'annotate'), 'evaluate', ...SHELLS, 'pipeline.ts'].map(src),
    message: 'query.ts may import only the annotator (to cut sentences as it does) and the shared modules.',
  },
  {
    target: src('ingest'),
    from: ['cli', 'server', 'queue', 'pipeline.ts'].map(src),
    message: 'ingest is the worker pool src/pipeline.ts and the queue run: it imports neither them nor another shell.',
  },
  {
    target: [src('pipeline.ts'), src('server'), src('queue')],
    from: src('cli'),
    message: 'The cli is the outermost shell: only its own files import it.',
  },
  {
    target: src('pipeline.ts'),
    from: ['server', 'queue'].map(src),
    message: 'src/pipeline.ts is the library the shells are built on: it imports none of them but ingest.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.mjs', 'eslint.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // vitest.config.ts is outside tsconfig.json's include (src, test, bench), so it is typed on its own.
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: root,
      },
    },
    rules: {
      // tsc (noUnusedLocals) already accepts a leading underscore for what is left out on purpose, as in
      // `const { token: _token, ...rest } = query` or `for (const _ of items)`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: every async function without an await here is async on purpose. It implements a
      // Promise-returning interface (the Store methods of the synchronous SQLite driver, a thread pool
      // that runs inline, a Fastify hook or handler, which Fastify treats differently when it is not
      // async), and being async turns what it throws into a rejected promise, as callers of that
      // interface expect. Forgotten awaits are caught by no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // Off: the code matches control characters on purpose, to count, remove or escape them in
      // untrusted text before it reaches a terminal (src/read/reader.ts, src/cli/report.ts), and its
      // tests look for them. They are written as \u escapes, which the rule reports all the same.
      'no-control-regex': 'off',
    },
  },
  {
    // The page: browser JavaScript, served as it is, typed with JSDoc and checked by tsconfig.web.json
    // (which the project service does not find on its own: tsconfig.json leaves web/ out).
    files: ['web/**/*.js'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: false, project: './tsconfig.web.json', tsconfigRootDir: root },
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // vitest types its asymmetric matchers (expect.stringMatching, expect.any) as `any`, so that they
      // stand where a string or a Date goes in an expected value; each use would be reported.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Stage boundaries (ARCHITECTURE.md). Tests are exempt: a test may check one stage against another.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports name the compiled .js file; the resolver finds the .ts beside it.
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaryZones }],
    },
  },
);
