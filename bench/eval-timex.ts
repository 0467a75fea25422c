// `npm run eval:timex`: TempEval-3 Task A on its training data (TimeBank and AQUAINT, scored
// separately): tag each TE3input file with the temporal tagger against its DCT, render TimeML,
// score against gold. `--json` adds a final line with the figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagTemporal } from '../src/annotate/time/index.js';
import {
  formatTimexScore,
  scoreTimex,
  type NamedTimeml,
  type PrecisionRecall,
  type TimexScore,
} from '../src/evaluate/timex/index.js';
import type { Timex } from '../src/model.js';
import { parseTimeml, type TimemlDocument } from '../src/read/timeml.js';
import { renderTimeml } from '../src/render/timeml.js';
import { findShared } from '../src/shared-data.js';

const CORPORA = ['TimeBank', 'AQUAINT'] as const;
/** Timing passes per corpus; the fastest is reported, so JIT warm-up does not count. */
const PASSES = 3;

interface Input {
  name: string;
  document: TimemlDocument;
}

/** Rough sentence count: runs of terminal punctuation followed by a space, a quote or the end. */
function countSentences(text: string): number {
  return text.match(/[.!?]+(?=["'`)\s]|$)/g)?.length ?? 0;
}

function readInputs(root: string, corpus: string): { inputs: Input[]; gold: NamedTimeml[] } {
  const names = readdirSync(join(root, corpus))
    .filter((name) => name.endsWith('.tml'))
    .sort();
  const read = (path: string) => parseTimeml(readFileSync(path, 'utf8'));
  return {
    inputs: names.map((name) => ({ name, document: read(join(root, 'input', corpus, `${name}.TE3input`)) })),
    gold: names.map((name) => ({ name, document: read(join(root, corpus, name)) })),
  };
}

function tagAll(inputs: readonly Input[]): Timex[][] {
  return inputs.map(({ name, document }) => {
    const day = document.dct?.day;
    if (day === undefined) throw new Error(`${name}: no DCT day`);
    return tagTemporal(document.text, day);
  });
}

function fastestMs(inputs: readonly Input[]): number {
  let best = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const started = process.hrtime.bigint();
    tagAll(inputs).forEach((timexes, index) => renderTimeml(inputs[index]!.document, timexes));
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

const rounded = (scores: PrecisionRecall) => ({
  precision: +(100 * scores.precision).toFixed(2),
  recall: +(100 * scores.recall).toFixed(2),
  f1: +(100 * scores.f1).toFixed(2),
});

function summary(score: TimexScore, sentences: number, ms: number) {
  return {
    documents: score.documents,
    ...score.counts,
    strict: rounded(score.strict),
    relaxed: rounded(score.relaxed),
    type: rounded(score.type),
    value: rounded(score.value),
    byType: Object.fromEntries(
      Object.entries(score.byType).map(([type, b]) => [
        type,
        {
          gold: b.gold,
          predicted: b.predicted,
          relaxed: rounded(b.relaxed),
          valueAccuracy: +(100 * b.valueAccuracy).toFixed(2),
        },
      ]),
    ),
    sentences,
    msPer1000Sentences: +((1000 * ms) / sentences).toFixed(1),
  };
}

const data = findShared('data', 'timeml-dev');
if (!data.ok) {
  console.error(data.message);
  process.exit(1);
}
const results: Record<string, ReturnType<typeof summary>> = {};
for (const corpus of CORPORA) {
  const { inputs, gold } = readInputs(data.path, corpus);
  const predicted = tagAll(inputs).map((timexes, index) => {
    const { name, document } = inputs[index]!;
    return { name, document: parseTimeml(renderTimeml(document, timexes)) };
  });
  const score = scoreTimex(gold, predicted);
  const sentences = inputs.reduce((sum, { document }) => sum + countSentences(document.text), 0);
  const ms = fastestMs(inputs);
  results[corpus] = summary(score, sentences, ms);
  console.log(formatTimexScore(score, { title: corpus, worst: 15 }));
  const speed = `${results[corpus].msPer1000Sentences} ms per 1,000 sentences`;
  console.log(
    `  speed: ${speed} (${sentences} sentences in ${ms.toFixed(0)} ms, tag + render, fastest of ${PASSES})\n`,
  );
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
