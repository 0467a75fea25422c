// ROUGE-1.5.5 counts as tilse obtains them: `-n 2 -m -s -f A -t 2`, one peer, one model per
// reference timeline. Only the raw counts (hits, peer n-grams, model n-grams) are produced;
// tilse sums them over dates before forming any score.
import { rougePorterStem } from '../../porter.js';
import { pythonSplit } from './python-text.js';
import type { RougeResources } from './resources.js';

/** A summary: the sentences of one date (or of a whole timeline, for concat). */
export type Summary = readonly string[];

/**
 * The text ROUGE captures from one sentence as pyrouge writes it: whitespace tokens joined by single
 * spaces, `^` escaped as `&circ;` (ROUGE does not decode it), and everything from the first `<` on
 * lost because ROUGE's line pattern captures `[^<]+`.
 */
export function rougeSentenceText(sentence: string): string {
  const written = pythonSplit(sentence)
    .map((token) => token.replaceAll('^', '&circ;'))
    .join(' ');
  const cut = written.indexOf('<');
  return cut < 0 ? written : written.slice(0, cut);
}

/**
 * ROUGE's raw tokens of a summary: the captured sentence texts, ASCII-lower-cased, split into runs of
 * [a-z0-9]. ROUGE works on UTF-8 bytes, so every non-ASCII character separates tokens; that is why
 * the lower-casing here must stay ASCII-only.
 */
export function rougeRawTokens(summary: Summary): string[] {
  const text = summary
    .map(rougeSentenceText)
    .filter((s) => s !== '')
    .join(' ');
  const lowered = text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  return lowered.match(/[a-z0-9]+/g) ?? [];
}

/**
 * What ROUGE counts for one raw token under `-s -m`: undefined for a stopword; the token itself if
 * 3 characters or shorter; else its WordNet exception value (not stemmed further) or its Porter stem.
 */
export function rougeWord(token: string, resources: RougeResources): string | undefined {
  if (resources.stopwords.has(token)) return undefined;
  if (token.length <= 3) return token;
  return resources.exceptions.get(token) ?? rougePorterStem(token);
}

/**
 * The token sequence ROUGE builds n-grams from. Removed stopwords leave no gap, so bigrams bridge
 * them, and sentence boundaries as well.
 */
export function rougeTokens(summary: Summary, resources: RougeResources): string[] {
  return rougeRawTokens(summary).flatMap((token) => {
    const word = rougeWord(token, resources);
    return word === undefined ? [] : [word];
  });
}

/** The multiset of n-grams (keyed by the space-joined tokens). */
export function ngramBag(tokens: readonly string[], n: number): Map<string, number> {
  const bag = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start++) {
    const gram = tokens.slice(start, start + n).join(' ');
    bag.set(gram, (bag.get(gram) ?? 0) + 1);
  }
  return bag;
}

export interface NgramCounts {
  /** H_count: clipped matches, summed over models. */
  hit: number;
  /** P_count: the peer's n-grams, counted once per model. */
  peerCount: number;
  /** M_count: the models' n-grams. */
  modelCount: number;
}

export interface RougeCounts {
  rouge1: NgramCounts;
  rouge2: NgramCounts;
}

function bagSize(bag: ReadonlyMap<string, number>): number {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
}

/** `-f A` counting for one n over already-tokenised peer and models. */
export function ngramCounts(
  peerTokens: readonly string[],
  modelTokens: readonly (readonly string[])[],
  n: number,
): NgramCounts {
  const peer = ngramBag(peerTokens, n);
  const peerSize = bagSize(peer);
  let hit = 0;
  let modelCount = 0;
  for (const tokens of modelTokens) {
    const model = ngramBag(tokens, n);
    modelCount += bagSize(model);
    for (const [gram, count] of peer) hit += Math.min(count, model.get(gram) ?? 0);
  }
  return { hit, peerCount: modelTokens.length * peerSize, modelCount };
}

/** ROUGE-1 and ROUGE-2 counts over token sequences (see rougeTokens). */
export function rougeCountsOfTokens(
  peerTokens: readonly string[],
  modelTokens: readonly (readonly string[])[],
): RougeCounts {
  return { rouge1: ngramCounts(peerTokens, modelTokens, 1), rouge2: ngramCounts(peerTokens, modelTokens, 2) };
}

/** One ROUGE-1.5.5 call as tilse makes it: a peer summary against one model summary per reference. */
export function rougeCounts(peer: Summary, models: readonly Summary[], resources: RougeResources): RougeCounts {
  return rougeCountsOfTokens(
    rougeTokens(peer, resources),
    models.map((model) => rougeTokens(model, resources)),
  );
}
