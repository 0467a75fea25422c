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
 * The loops below are written out for this tag set: O and the B- tags may follow any tag; an I- tag
 * only its own class's B- (the tag before it) and itself. Decoding so looks at 53 of the 81 pairs.
 */
if (TAGS_PER_ROW !== 9) throw new Error('viterbi is written out for 9 tags');
for (let tag = 0; tag < TAGS_PER_ROW; tag++) {
  const previousTags = Array.from({ length: TAGS_PER_ROW }, (_, previous) => previous).filter((previous) =>
    mayFollow(previous, tag),
  );
  const expected = tag === 0 || tag % 2 === 1 ? '0,1,2,3,4,5,6,7,8' : `${tag - 1},${tag}`;
  if (previousTags.join() !== expected) throw new Error('viterbi is written for O, then B-, I- pairs');
}

/** Scratch: rows of best scores (two alternate as the previous token's and this one's) and back pointers, grown as sentences need. */
const bestRows = [new Float64Array(TAGS_PER_ROW), new Float64Array(TAGS_PER_ROW)] as const;
let backPointers = new Int32Array(64 * TAGS_PER_ROW);

/**
 * The highest-scoring allowed tag sequence. `emissions[i * TAGS_PER_ROW + tag]` is the score of `tag`
 * at token i; `length` tokens. The tags are written to `tags` (at least `length` long), which is returned.
 *
 * Previous tags are tried in increasing order and only a higher score replaces the best, so ties go
 * to the lowest tag. Transitions given as a Float64Array are read fastest (see tagger.ts).
 */
export function viterbi(
  emissions: ArrayLike<number>,
  transitions: ArrayLike<number>,
  length: number,
  tags: Int32Array = new Int32Array(length),
): Int32Array {
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
    const here = i * TAGS_PER_ROW;
    // The previous token's best scores, read once for the five tags that any tag may precede.
    const b0 = bestBefore[0] as number;
    const b1 = bestBefore[1] as number;
    const b2 = bestBefore[2] as number;
    const b3 = bestBefore[3] as number;
    const b4 = bestBefore[4] as number;
    const b5 = bestBefore[5] as number;
    const b6 = bestBefore[6] as number;
    const b7 = bestBefore[7] as number;
    const b8 = bestBefore[8] as number;
    // O (0) and the B- tags (1, 3, 5, 7).
    for (let tag = 0; tag < TAGS_PER_ROW; tag = tag === 0 ? 1 : tag + 2) {
      let bestScore = b0 + (transitions[tag] as number);
      let bestPrevious = 0;
      let score = b1 + (transitions[TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 1;
      }
      score = b2 + (transitions[2 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 2;
      }
      score = b3 + (transitions[3 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 3;
      }
      score = b4 + (transitions[4 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 4;
      }
      score = b5 + (transitions[5 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 5;
      }
      score = b6 + (transitions[6 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 6;
      }
      score = b7 + (transitions[7 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 7;
      }
      score = b8 + (transitions[8 * TAGS_PER_ROW + tag] as number);
      if (score > bestScore) {
        bestScore = score;
        bestPrevious = 8;
      }
      bestHere[tag] = bestScore + (emissions[here + tag] as number);
      back[here + tag] = bestPrevious;
    }
    // The I- tags (2, 4, 6, 8), after their B- or themselves. Where neither is above -Infinity the
    // back pointer is 0, as a loop over all previous tags would leave it.
    for (let tag = 2; tag < TAGS_PER_ROW; tag += 2) {
      const begin = tag - 1;
      let bestScore = -Infinity;
      let bestPrevious = 0;
      const afterBegin = (bestBefore[begin] as number) + (transitions[begin * TAGS_PER_ROW + tag] as number);
      if (afterBegin > bestScore) {
        bestScore = afterBegin;
        bestPrevious = begin;
      }
      const afterInside = (bestBefore[tag] as number) + (transitions[tag * TAGS_PER_ROW + tag] as number);
      if (afterInside > bestScore) {
        bestScore = afterInside;
        bestPrevious = tag;
      }
      bestHere[tag] = bestScore + (emissions[here + tag] as number);
      back[here + tag] = bestPrevious;
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
