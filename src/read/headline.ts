// A plain-text article's headline: many plain-text files open with one on a line of its own ("Cranes
// turn again at Kessel Quay"). A first line is taken as the headline only when it reads as one:
// short, starting with a capital, and not a sentence, a dateline or a photo caption.
import { outletFromText } from './outlet.js';

/** Longer first lines are paragraphs; headlines run to about twelve words. */
const MAX_HEADLINE_CHARACTERS = 100;
const MAX_HEADLINE_WORDS = 16;

/** The text's first line when it reads as a headline. */
export function headlineOf(text: string): string | undefined {
  const lines = text.trimStart().split(/\r?\n/);
  const first = lines[0]?.trim() ?? '';
  if (lines.length < 2 || lines.slice(1).every((line) => line.trim() === '')) return undefined; // the whole text
  const words = first.split(/\s+/);
  if (first.length > MAX_HEADLINE_CHARACTERS || words.length < 2 || words.length > MAX_HEADLINE_WORDS) return undefined;
  if (!/^["'‘“]?\p{Lu}/u.test(first)) return undefined;
  // A sentence or caption ends in a full stop or a credit; a dateline runs into "--".
  if (/[.,;:)]$/.test(first) || /\s--(\s|$)/.test(first)) return undefined;
  // "AFP, NEAR BAGHOUZ, Syria": a dateline, its place in capitals.
  if (outletFromText(first) !== undefined || /\b\p{Lu}{2,}\s+\p{Lu}{2,}\b/u.test(first)) return undefined;
  return first;
}
