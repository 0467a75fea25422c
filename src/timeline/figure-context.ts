// What a figure counts, read from its sentence: the words that tell one measure from another in
// src/figures.ts. A count noun says what is counted itself, and only a relative clause narrows it
// ("members who voted", "passengers who were evacuated"); a percentage or a sum of money says nothing
// of what it measures, so the content words of its clause do ("the union's demand of 8 percent").
import type { Quantity, Sentence, Span } from '../model.js';
import { rougePorterStem } from '../porter.js';
import { isAmountUnit } from '../figures.js';

/** Where one clause ends and the next begins: punctuation and the conjunctions that join clauses. */
const CLAUSE_BREAK = /[,;:()[\]"“”—–]|\s--\s|\s(?:and|but|while|whereas)\s/giu;

/** Words that carry no meaning about what is measured: function words, reporting verbs, time words. */
const EMPTY_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'for',
  'with',
  'into',
  'onto',
  'off',
  'out',
  'up',
  'down',
  'over',
  'under',
  'than',
  'as',
  'per',
  'cent',
  'percent',
  'its',
  'it',
  'their',
  'them',
  'they',
  'he',
  'she',
  'his',
  'her',
  'we',
  'our',
  'you',
  'i',
  'this',
  'that',
  'these',
  'those',
  'which',
  'who',
  'whom',
  'whose',
  'what',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'can',
  'do',
  'does',
  'did',
  'not',
  'no',
  'so',
  'also',
  'only',
  'just',
  'still',
  'more',
  'less',
  'some',
  'about',
  'around',
  'nearly',
  'almost',
  'said',
  'says',
  'say',
  'told',
  'according',
  'reported',
  'added',
  'now',
  'then',
  'today',
  'yesterday',
  'tomorrow',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'morning',
  'afternoon',
  'evening',
  'night',
  'next',
  'last',
  'ago',
  'earlier',
  'later',
  'since',
  'until',
  'after',
  'before',
  'during',
  'each',
  'every',
  'all',
  'both',
  'other',
  'another',
  'such',
  'there',
  'here',
  'when',
  'where',
]);

const RELATIVE_PRONOUNS = new Set(['who', 'that', 'which']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would']);

const WORD = /\p{L}[\p{L}'’-]*/gu;

/** The stemmed words, sorted, that say what `quantity` in `sentence` measures; empty when nothing does. */
export function qualifiersOf(sentence: Sentence, quantity: Quantity): string[] {
  const start = quantity.span.start - sentence.span.start;
  const end = quantity.span.end - sentence.span.start;
  const words = isAmountUnit(quantity.unit)
    ? clauseWords(sentence, { start, end })
    : narrowingWords(sentence.text.slice(end));
  return [...new Set(words.map(rougePorterStem))].sort();
}

/** The content words of the clause around the figure, leaving out names and the sentence's figures. */
function clauseWords(sentence: Sentence, figure: Span): string[] {
  const text = maskFigures(sentence);
  let from = 0;
  let to = text.length;
  for (const found of text.matchAll(CLAUSE_BREAK)) {
    const at = found.index;
    if (at + found[0].length <= figure.start) from = at + found[0].length;
    else if (at >= figure.end) {
      to = at;
      break;
    }
  }
  const words: string[] = [];
  for (const found of text.slice(from, to).matchAll(WORD)) {
    const word = found[0].replace(/['’]s?$/u, '');
    // A capital inside the sentence starts a name ("Velmora Port Authority"), which says who, not what.
    const isName = /^\p{Lu}/u.test(word) && from + found.index > 0;
    if (!isName && !EMPTY_WORDS.has(word.toLowerCase())) words.push(word.toLowerCase());
  }
  return words;
}

/** The sentence with every figure blanked out, offsets unchanged: another figure's unit is not context. */
function maskFigures(sentence: Sentence): string {
  let text = sentence.text;
  for (const { span } of sentence.quantities) {
    const start = span.start - sentence.span.start;
    const end = span.end - sentence.span.start;
    text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  }
  return text;
}

/**
 * A relative clause right after a count: "who voted", "who were evacuated", "in favour". A bare
 * participle is not taken: after a count it is far more often the verb ("500 people fled on
 * Monday") than a reduced clause ("people killed in the attack").
 */
function narrowingWords(after: string): string[] {
  const words = after.trimStart().split(/[^\p{L}'’-]+/u, 4);
  const [first, second] = words.map((w) => w.toLowerCase());
  if (first === undefined) return [];
  if (RELATIVE_PRONOUNS.has(first)) {
    const verb = words.slice(1).find((w) => !AUXILIARIES.has(w.toLowerCase()));
    return verb !== undefined && /^\p{Ll}/u.test(verb) ? [verb] : [];
  }
  return first === 'in' && (second === 'favour' || second === 'favor') ? ['favour'] : [];
}
