// Training of the tagger: a structured averaged perceptron (Collins 2002). Each epoch visits the
// training sentences in a seeded shuffled order, decodes each with the current weights and, where
// the decoded tags differ from the gold ones, moves weight from the wrong features to the right
// ones. The weights returned are averaged over every step, which generalises far better than the
// last weights. Same data, same options: the same model.
import { seededUint32 } from '../../seeded-random.js';
import { START_ROW, TRANSITION_ROWS, viterbi } from './decode.js';
import type { TaggerModel } from './model.js';
import { TAG_COUNT } from './tags.js';

export interface TrainingSentence {
  /** Per token, its feature strings. */
  features: readonly (readonly string[])[];
  /** Per token, its gold tag (see tags.ts). */
  tags: readonly number[];
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in the training data are dropped: they are noise and bulk. */
  minCount: number;
  /** Called after each epoch with the averaged model so far (e.g. to score a development set). */
  afterEpoch?: (epoch: number, model: TaggerModel, mistakes: number) => void;
}

/** Feature strings kept (seen at least minCount times), numbered in order of first appearance. */
function featureDictionary(sentences: readonly TrainingSentence[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const token of sentence.features)
      for (const feature of token) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const ids = new Map<string, number>();
  for (const [feature, count] of counts) if (count >= minCount) ids.set(feature, ids.size);
  return ids;
}

interface EncodedSentence {
  /** Per token, its known feature ids. */
  ids: Int32Array[];
  tags: Int32Array;
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Averaged weights by the usual trick: alongside the weights w, keep u = Σ step × update; after c
 * steps the average of w over the steps is w − u / c. Updates stay O(features touched).
 */
class AveragedWeights {
  readonly current: Float64Array;
  private readonly stepWeighted: Float64Array;
  constructor(size: number) {
    this.current = new Float64Array(size);
    this.stepWeighted = new Float64Array(size);
  }
  add(index: number, amount: number, step: number): void {
    this.current[index]! += amount;
    this.stepWeighted[index]! += step * amount;
  }
  averaged(step: number): Float32Array {
    const result = new Float32Array(this.current.length);
    for (let i = 0; i < result.length; i++)
      result[i] = (this.current[i] as number) - (this.stepWeighted[i] as number) / step;
    return result;
  }
}

export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainingOptions): TaggerModel {
  const featureIds = featureDictionary(sentences, options.minCount);
  const encoded: EncodedSentence[] = sentences.map((sentence) => ({
    ids: sentence.features.map((token) => Int32Array.from(token.flatMap((f) => featureIds.get(f) ?? []))),
    tags: Int32Array.from(sentence.tags),
  }));
  const emission = new AveragedWeights(featureIds.size * TAG_COUNT);
  const transitions = new AveragedWeights(TRANSITION_ROWS * TAG_COUNT);
  const random = seededUint32(options.seed);
  let step = 1;
  const snapshot = (): TaggerModel => ({
    featureIds,
    emission: emission.averaged(step),
    transitions: transitions.averaged(step),
  });

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let mistakes = 0;
    for (const sentence of shuffled(encoded, random)) {
      const predicted = decode(sentence, emission.current, transitions.current);
      for (let i = 0; i < predicted.length; i++) {
        const gold = sentence.tags[i] as number;
        const guess = predicted[i] as number;
        if (gold !== guess) {
          mistakes++;
          for (const id of sentence.ids[i] as Int32Array) {
            emission.add(id * TAG_COUNT + gold, 1, step);
            emission.add(id * TAG_COUNT + guess, -1, step);
          }
        }
        const goldRow = i === 0 ? START_ROW : (sentence.tags[i - 1] as number);
        const guessRow = i === 0 ? START_ROW : (predicted[i - 1] as number);
        if (goldRow !== guessRow || gold !== guess) {
          transitions.add(goldRow * TAG_COUNT + gold, 1, step);
          transitions.add(guessRow * TAG_COUNT + guess, -1, step);
        }
      }
      step++;
    }
    options.afterEpoch?.(epoch, snapshot(), mistakes);
  }
  return snapshot();
}

function decode(sentence: EncodedSentence, emission: Float64Array, transitions: Float64Array): Int32Array {
  const scores = new Float64Array(sentence.ids.length * TAG_COUNT);
  sentence.ids.forEach((ids, i) => {
    for (const id of ids)
      for (let tag = 0; tag < TAG_COUNT; tag++)
        scores[i * TAG_COUNT + tag]! += emission[id * TAG_COUNT + tag] as number;
  });
  return viterbi(scores, transitions, sentence.ids.length);
}
