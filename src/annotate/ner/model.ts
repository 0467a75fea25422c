// The linear model behind the tagger: one weight per (feature, tag) and one per tag transition.
// A token's tag scores are the sums of its known features' weights; Viterbi picks the sequence.
import { TRANSITION_ROWS, viterbi } from './decode.js';
import { TAG_COUNT } from './tags.js';

/** A module-local copy: an imported binding can cost a property lookup in hot loops under some loaders. */
const TAGS_PER_ROW = TAG_COUNT;

export interface TaggerModel {
  /** Feature string → row of `emission`. Features not listed carry no weight. */
  featureIds: ReadonlyMap<string, number>;
  /** `emission[id * TAGS_PER_ROW + tag]`. */
  emission: Float32Array;
  /** `transitions[previousRow * TAGS_PER_ROW + tag]`, see decode.ts. */
  transitions: Float32Array;
}

export function emptyTransitions(): Float32Array {
  return new Float32Array(TRANSITION_ROWS * TAGS_PER_ROW);
}

/** Per-token tag scores of a sentence, from its tokens' features. */
export function emissionsOf(model: TaggerModel, features: readonly (readonly string[])[]): Float32Array {
  const scores = new Float32Array(features.length * TAGS_PER_ROW);
  features.forEach((tokenFeatures, i) => {
    const base = i * TAGS_PER_ROW;
    for (const feature of tokenFeatures) {
      const id = model.featureIds.get(feature);
      if (id === undefined) continue;
      const row = id * TAGS_PER_ROW;
      for (let tag = 0; tag < TAGS_PER_ROW; tag++) scores[base + tag]! += model.emission[row + tag] as number;
    }
  });
  return scores;
}

/** The best tags of a sentence, given its tokens' features. */
export function tagSequence(model: TaggerModel, features: readonly (readonly string[])[]): Int32Array {
  return viterbi(emissionsOf(model, features), model.transitions, features.length);
}
