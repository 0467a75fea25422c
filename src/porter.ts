// The Porter stemmer exactly as ROUGE-1.5.5 runs it: M. Porter's "Release 1" Perl code with
// C.-Y. Lin's 2004 change to step 4. It differs from NLTK/Snowball Porter (`element` → `elem`,
// `boys` → `boi`), so no library stemmer can stand in for it. Input: lower-case [a-z0-9] words.
// A shared module: the ROUGE scorer (src/evaluate/tls) needs it exact, and the figure wording
// (src/figures.ts, src/timeline/figure-context.ts) matches words as ROUGE does.

// c = consonant, v = vowel. 'y' is a vowel only where it cannot start a consonant cluster (C),
// and a leading 'y' is upper-cased so it matches neither vowel class.
const C = '[^aeiou][^aeiouy]*';
const V = '[aeiouy][aeiou]*';
/** measure > 0 */
const MGR0 = new RegExp(`^(${C})?${V}${C}`);
/** measure == 1 */
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
/** measure > 1 */
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
/** contains a vowel */
const HAS_VOWEL = new RegExp(`^(${C})?[aeiouy]`);
/** consonant-vowel-consonant ending, the last not w, x or y */
const CVC = new RegExp(`^${C}[aeiouy][^aeiouwxy]$`);

type SuffixRule = readonly [suffix: string, replacement: string];

const STEP2: readonly SuffixRule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly SuffixRule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4_SUFFIXES: readonly string[] = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** Perl's `^(.+?)(a|b|...)$` picks the longest listed suffix that leaves a non-empty stem. */
function longestSuffix<T extends string>(word: string, suffixes: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const suffix of suffixes) {
    if (word.length > suffix.length && word.endsWith(suffix) && (best === undefined || suffix.length > best.length))
      best = suffix;
  }
  return best;
}

function replaceSuffixIfStemMatches(word: string, rules: readonly SuffixRule[], condition: RegExp): string {
  const suffix = longestSuffix(
    word,
    rules.map(([from]) => from),
  );
  if (suffix === undefined) return word;
  const stem = word.slice(0, -suffix.length);
  const replacement = rules.find(([from]) => from === suffix)?.[1] ?? '';
  return condition.test(stem) ? stem + replacement : word;
}

function step1a(w: string): string {
  if (w.length > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('ies')) return w.slice(0, -2);
  if (w.length > 2 && w.endsWith('s') && w[w.length - 2] !== 's') return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.length > 3 && w.endsWith('eed')) return MGR0.test(w.slice(0, -3)) ? w.slice(0, -1) : w;
  const suffix = longestSuffix(w, ['ed', 'ing']);
  if (suffix === undefined) return w;
  const stem = w.slice(0, -suffix.length);
  if (!HAS_VOWEL.test(stem)) return w;
  if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (/([^aeiouylsz])\1$/.test(stem)) return stem.slice(0, -1);
  if (CVC.test(stem)) return `${stem}e`;
  return stem;
}

function step1c(w: string): string {
  return w.length > 1 && w.endsWith('y') && HAS_VOWEL.test(w.slice(0, -1)) ? `${w.slice(0, -1)}i` : w;
}

/** Lin's step 4: the generic suffix list, then `ment`, then `ent`/`ion`, each on the previous result. */
function step4(word: string): string {
  let w = word;
  const suffix = longestSuffix(w, STEP4_SUFFIXES);
  if (suffix !== undefined && MGR1.test(w.slice(0, -suffix.length))) w = w.slice(0, -suffix.length);
  if (w.length > 4 && w.endsWith('ment') && MGR1.test(w.slice(0, -4))) w = w.slice(0, -4);
  if (w.length > 3 && w.endsWith('ent')) {
    if (MGR1.test(w.slice(0, -3))) w = w.slice(0, -3);
  } else if (w.length > 4 && /[st]ion$/.test(w)) {
    if (MGR1.test(w.slice(0, -3))) w = w.slice(0, -3);
  }
  return w;
}

function step5(word: string): string {
  let w = word;
  if (w.length > 1 && w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (w.endsWith('ll') && MGR1.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Stems already worked out. News repeats its words, and stemming them again was a fifth of a
 * timeline request (figures compare the stemmed words of every figure's clause); cleared when
 * full, so memory stays bounded whatever the vocabulary.
 */
const knownStems = new Map<string, string>();
const KNOWN_STEMS_LIMIT = 100_000;

/** ROUGE-1.5.5's Porter stem of a lower-case ASCII word. */
export function rougePorterStem(word: string): string {
  let known = knownStems.get(word);
  if (known === undefined) {
    if (knownStems.size >= KNOWN_STEMS_LIMIT) knownStems.clear();
    known = porterStem(word);
    knownStems.set(word, known);
  }
  return known;
}

function porterStem(word: string): string {
  if (word.length < 3) return word;
  const leadingY = word.startsWith('y');
  let w = leadingY ? `Y${word.slice(1)}` : word;
  w = step1a(w);
  w = step1b(w);
  w = step1c(w);
  w = replaceSuffixIfStemMatches(w, STEP2, MGR0);
  w = replaceSuffixIfStemMatches(w, STEP3, MGR0);
  w = step4(w);
  w = step5(w);
  return leadingY ? `y${w.slice(1)}` : w;
}
