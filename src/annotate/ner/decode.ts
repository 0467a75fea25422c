// Viterbi decoding of a first-order linear chain: the best tag sequence given per-token tag scores
// (emissions) and tag-to-tag scores (transitions), with ill-formed BIO transitions ruled out.
import { TAG_COUNT, mayFollow } from './tags.js';

/** A module-local copy: an imported binding can cost a property lookup in hot loops under some loaders. */
const TAGS_PER_ROW = TAG_COUNT;

/**
 * Row `previous` (0…TAGS_PER_ROW-1, or TAGS_PER_ROW for the sentence start) holds the scores of each next
 * tag: `transitions[previous * TAGS_PER_ROW + tag]`.
 */
export const TRANSITION_ROWS = TAGS_PER_ROW + 1;
export const START_ROW = TAGS_PER_ROW;

/** For each (previous row, tag): may the tag follow? Computed once. */
const ALLOWED: readonly boolean[] = Array.from({ length: TRANSITION_ROWS * TAGS_PER_ROW }, (_, i) => {
  const row = Math.floor(i / TAGS_PER_ROW);
  return mayFollow(row === START_ROW ? undefined : row, i % TAGS_PER_ROW);
});

/**
 * The highest-scoring allowed tag sequence. `emissions[i * TAGS_PER_ROW + tag]` is the score of `tag`
 * at token i; `length` tokens.
 */
export function viterbi(emissions: ArrayLike<number>, transitions: ArrayLike<number>, length: number): Int32Array {
  const tags = new Int32Array(length);
  if (length === 0) return tags;
  const best = new Float64Array(length * TAGS_PER_ROW);
  const back = new Int32Array(length * TAGS_PER_ROW);
  for (let tag = 0; tag < TAGS_PER_ROW; tag++) {
    const row = START_ROW * TAGS_PER_ROW + tag;
    best[tag] = ALLOWED[row] ? (emissions[tag] as number) + (transitions[row] as number) : -Infinity;
  }
  for (let i = 1; i < length; i++) {
    for (let tag = 0; tag < TAGS_PER_ROW; tag++) {
      let bestScore = -Infinity;
      let bestPrevious = 0;
      for (let previous = 0; previous < TAGS_PER_ROW; previous++) {
        const row = previous * TAGS_PER_ROW + tag;
        if (!ALLOWED[row]) continue;
        const score = (best[(i - 1) * TAGS_PER_ROW + previous] as number) + (transitions[row] as number);
        if (score > bestScore) {
          bestScore = score;
          bestPrevious = previous;
        }
      }
      best[i * TAGS_PER_ROW + tag] = bestScore + (emissions[i * TAGS_PER_ROW + tag] as number);
      back[i * TAGS_PER_ROW + tag] = bestPrevious;
    }
  }
  let last = 0;
  for (let tag = 1; tag < TAGS_PER_ROW; tag++) {
    if ((best[(length - 1) * TAGS_PER_ROW + tag] as number) > (best[(length - 1) * TAGS_PER_ROW + last] as number)) last = tag;
  }
  tags[length - 1] = last;
  for (let i = length - 1; i > 0; i--) tags[i - 1] = back[i * TAGS_PER_ROW + (tags[i] as number)] as number;
  return tags;
}
