// The linear model behind the tagger: one weight per (feature, tag) and one per tag transition.
// A token's tag scores are the sums of its known features' weights (found by emissions.ts when
// tagging, by perceptron.ts when training); Viterbi picks the sequence.
import { TRANSITION_ROWS } from './decode.js';
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
