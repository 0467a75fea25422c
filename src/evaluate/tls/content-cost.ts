// tilse's cheap ROUGE-1 F approximation (`util.compute_rouge_approximation`), used only inside the
// align+ cost. It is deliberately not ROUGE: case-sensitive, unstemmed, stopwords kept, raw
// whitespace tokens; only tokens that are substrings of Python's string.punctuation are dropped.
import { pythonSplit } from './python-text.js';
import type { Summary } from './rouge.js';

const PYTHON_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A token survives unless it occurs inside the punctuation string (so `()` goes, `--` and `...` stay). */
function isKeptToken(token: string): boolean {
  return !PYTHON_PUNCTUATION.includes(token);
}

export type TokenBag = ReadonlyMap<string, number>;

export function contentBag(summary: Summary): Map<string, number> {
  const bag = new Map<string, number>();
  for (const sentence of summary) {
    for (const token of pythonSplit(sentence)) {
      if (isKeptToken(token)) bag.set(token, (bag.get(token) ?? 0) + 1);
    }
  }
  return bag;
}

function bagSize(bag: TokenBag): number {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
}

/** The approximation over precomputed bags: one predicted bag, one bag per reference. */
export function rougeApproximationOfBags(pred: TokenBag, refs: readonly TokenBag[]): number {
  let match = 0;
  for (const [token, count] of pred) {
    for (const ref of refs) match += Math.min(count, ref.get(token) ?? 0);
  }
  const precisionDenominator = refs.length * bagSize(pred);
  const recallDenominator = refs.reduce((sum, ref) => sum + bagSize(ref), 0);
  const p = precisionDenominator === 0 ? 0 : match / precisionDenominator;
  const r = recallDenominator === 0 ? 0 : match / recallDenominator;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** tilse `compute_rouge_approximation(pred, refs)`: refs holds one summary per reference timeline. */
export function rougeApproximation(pred: Summary, refs: readonly Summary[]): number {
  return rougeApproximationOfBags(contentBag(pred), refs.map(contentBag));
}
