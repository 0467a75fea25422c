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

/** For each tag, whether it may open a sentence. */
const MAY_START: readonly boolean[] = Array.from({ length: TAGS_PER_ROW }, (_, tag) => mayFollow(undefined, tag));

/**
 * For each tag, the tags that may precede it, in increasing order: an I- tag only its own class's
 * B- and I-, so decoding looks at 53 of the 81 pairs, and ties still go to the lowest tag.
 */
const PREVIOUS_TAGS: readonly Int32Array[] = Array.from({ length: TAGS_PER_ROW }, (_, tag) =>
  Int32Array.from({ length: TAGS_PER_ROW }, (_, previous) => previous).filter((previous) => mayFollow(previous, tag)),
);

/** Scratch: rows of best scores (two alternate as the previous token's and this one's) and back pointers, grown as sentences need. */
const bestRows = [new Float64Array(TAGS_PER_ROW), new Float64Array(TAGS_PER_ROW)] as const;
let backPointers = new Int32Array(64 * TAGS_PER_ROW);

/**
 * The highest-scoring allowed tag sequence. `emissions[i * TAGS_PER_ROW + tag]` is the score of `tag`
 * at token i; `length` tokens.
 */
export function viterbi(emissions: ArrayLike<number>, transitions: ArrayLike<number>, length: number): Int32Array {
  const tags = new Int32Array(length);
  if (length === 0) return tags;
  if (backPointers.length < length * TAGS_PER_ROW) backPointers = new Int32Array(2 * length * TAGS_PER_ROW);
  const back = backPointers;
  let [bestBefore, bestHere] = bestRows;
  for (let tag = 0; tag < TAGS_PER_ROW; tag++) {
    const row = START_ROW * TAGS_PER_ROW + tag;
    bestHere[tag] = MAY_START[tag] ? (emissions[tag] as number) + (transitions[row] as number) : -Infinity;
  }
  for (let i = 1; i < length; i++) {
    const swapped = bestBefore;
    bestBefore = bestHere;
    bestHere = swapped;
    for (let tag = 0; tag < TAGS_PER_ROW; tag++) {
      const previousTags = PREVIOUS_TAGS[tag] as Int32Array;
      let bestScore = -Infinity;
      let bestPrevious = 0;
      for (let k = 0; k < previousTags.length; k++) {
        const previous = previousTags[k] as number;
        const score = (bestBefore[previous] as number) + (transitions[previous * TAGS_PER_ROW + tag] as number);
        if (score > bestScore) {
          bestScore = score;
          bestPrevious = previous;
        }
      }
      bestHere[tag] = bestScore + (emissions[i * TAGS_PER_ROW + tag] as number);
      back[i * TAGS_PER_ROW + tag] = bestPrevious;
    }
  }
  let last = 0;
  for (let tag = 1; tag < TAGS_PER_ROW; tag++) {
    if ((bestHere[tag] as number) > (bestHere[last] as number)) last = tag;
  }
  tags[length - 1] = last;
  for (let i = length - 1; i > 0; i--) tags[i - 1] = back[i * TAGS_PER_ROW + (tags[i] as number)] as number;
  return tags;
}
