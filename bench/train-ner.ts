// `npm run train:ner`: trains the named-entity tagger on CoNLL-2003 and writes the shipped model,
// models/ner-conll.json.gz. Reproducible: the data, the options and the seed fix the model.
//
//   npm run train:ner                         # train.txt from the shared folder, fixed epochs
//   npm run train:ner -- --dev                # also score the tagger alone on valid.txt after each epoch
//   npm run train:ner -- --epochs 8 --out /tmp/model.json.gz
//
// valid.txt is only ever used to watch the epochs (--dev); the training never sees it.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sentenceTokens } from '../src/annotate/sentences.js';
import { tokenSpans } from '../src/annotate/tokens.js';
import { defaultModelPath, deserialiseModel, serialiseModel } from '../src/annotate/ner/model-file.js';
import type { TaggerModel } from '../src/annotate/ner/model.js';
import { trainPerceptron, type TrainingSentence } from '../src/annotate/ner/perceptron.js';
import { tagEntities } from '../src/annotate/ner/tagger.js';
import { trainingSentencesOf } from '../src/annotate/ner/training.js';
import { conllArticles, formatNerScore, scoreArticles, type ConllArticle } from '../src/evaluate/ner/index.js';
import { findShared } from '../src/shared-data.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string' },
    valid: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '2003' },
    'min-count': { type: 'string', default: '3' },
    'min-weight': { type: 'string', default: '0.05' },
    dev: { type: 'boolean', default: false },
  },
});

function dataFile(flag: string | undefined, name: string): string {
  if (flag !== undefined) return flag;
  const found = findShared('data', 'conll2003', name);
  if (!found.ok) {
    console.error(found.message);
    process.exit(3);
  }
  return found.path;
}

/** The tagger alone on whole articles, scored by the judges' convention (no rules, no pipeline). */
function scoreTagger(model: TaggerModel, articles: readonly ConllArticle[]) {
  return scoreArticles(
    articles.map((article) => {
      const groups = sentenceTokens(article.text, tokenSpans(article.text));
      const predicted = tagEntities(groups, model).map((entity) => ({
        start: entity.tokens[0]!.start,
        end: entity.tokens[entity.tokens.length - 1]!.end,
        type: entity.entityClass,
      }));
      return { gold: article.entities, predicted };
    }),
  );
}

const options = {
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  minCount: Number(values['min-count']),
};
const minWeight = Number(values['min-weight']);
const started = performance.now();
const trainPath = dataFile(values.train, 'train.txt');
const train = conllArticles(readFileSync(trainPath, 'utf8'));
const sentences: TrainingSentence[] = train.articles.flatMap(trainingSentencesOf);
console.error(
  `${train.articles.length} documents, ${sentences.length} sentences read and featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const dev = values.dev ? conllArticles(readFileSync(dataFile(values.valid, 'valid.txt'), 'utf8')).articles : undefined;

const model = trainPerceptron(sentences, {
  ...options,
  afterEpoch: (epoch, snapshot, mistakes) => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    const devF1 = dev === undefined ? '' : `, dev micro F1 ${(100 * scoreTagger(snapshot, dev).micro.f1).toFixed(2)}`;
    console.error(`epoch ${epoch}: ${mistakes} token mistakes${devF1} (${elapsed} s)`);
  },
});
const out = values.out ?? defaultModelPath();
const bytes = serialiseModel(model, { trainedOn: 'CoNLL-2003 eng.train', ...options, minWeight }, minWeight);
writeFileSync(out, bytes);
console.error(
  `${out}: ${(bytes.length / 1e6).toFixed(2)} MB, trained in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const shipped = deserialiseModel(bytes);
console.error(`${shipped.featureIds.size} of ${model.featureIds.size} features kept (|weight| ≥ ${minWeight})`);
// The figures of the model as saved (pruned and quantised), which is what Chronicle will run.
if (dev !== undefined)
  console.error(`the tagger alone on ${values.valid ?? 'valid.txt'}:\n${formatNerScore(scoreTagger(shipped, dev))}`);
