// Features of each token for the named-entity tagger. They read only what a real article has:
// the words of the sentence, their spelling, the project's lexicons, and the rest of the article.
// (CoNLL's part-of-speech and chunk columns are not available at run time and are never used.)
//
// Each feature is a short string; the model maps the strings it knows to weights and ignores the
// rest. Prefixes name the feature family, so that families never collide. Training reads these
// strings; tagging finds the same weights without building them (emissions.ts).
import { GIVEN_NAMES, KNOWN_ORGANIZATIONS, ORGANIZATION_HEADS, PERSON_TITLES } from '../lexicon/names.js';
import { PLACE_NAMES } from '../lexicon/places.js';

/** What the whole article says about its words, gathered before any sentence is tagged. */
export interface DocumentContext {
  /** Lowercased words that appear in lower case somewhere in running text. */
  seenLowercase: ReadonlySet<string>;
  /** Lowercased words that appear capitalised inside a sentence (not first, not in a headline). */
  seenCapitalisedInside: ReadonlySet<string>;
  /** The most frequent spelling in running text of each lowercased word of a line of capitals: "JAPAN" → "Japan". */
  runningTextForm: ReadonlyMap<string, string>;
}

const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** What letters a word has: none, only ones that are not lowercase, or some lowercase. */
const Letters = { None: 0, NoLowercase: 1, Lowercase: 2 } as const;
type Letters = (typeof Letters)[keyof typeof Letters];

/**
 * The letters of a word as HAS_LETTER and HAS_LOWER find them, by character codes when the word is
 * ASCII (nearly every token) and by the Unicode regexps otherwise: this runs for every token, twice.
 */
function lettersOf(word: string): Letters {
  let letters: Letters = Letters.None;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80)
      return !HAS_LETTER.test(word) ? Letters.None : HAS_LOWER.test(word) ? Letters.Lowercase : Letters.NoLowercase;
    if (code >= 0x61 && code <= 0x7a) return Letters.Lowercase;
    if (code >= 0x41 && code <= 0x5a) letters = Letters.NoLowercase;
  }
  return letters;
}

/**
 * A headline or a line of capitals ("SOCCER - LATE GOAL GIVES ..."): nearly every word is in capitals,
 * so capitals say nothing there and the article's running text is asked for each word's spelling.
 */
export function isCapitalsLine(words: readonly string[]): boolean {
  let lettered = 0;
  let capitals = 0;
  for (let i = 0; i < words.length; i++) {
    const letters = lettersOf(words[i] as string);
    if (letters === Letters.None) continue;
    lettered++;
    if (letters === Letters.NoLowercase) capitals++;
  }
  return lettered >= 2 && capitals >= 0.8 * lettered;
}

/** `capitalsLines` is the sentences' isCapitalsLine, for callers that already know it. */
export function documentContextOf(
  sentences: readonly (readonly string[])[],
  capitalsLines: readonly boolean[] = sentences.map(isCapitalsLine),
): DocumentContext {
  const seenLowercase = new Set<string>();
  const seenCapitalisedInside = new Set<string>();
  // Only the words of lines of capitals are read by their running-text spelling: only theirs are counted.
  const wanted = new Set(
    sentences.flatMap((words, s) => (capitalsLines[s] ? words.map((word) => word.toLowerCase()) : [])),
  );
  const formCounts = new Map<string, Map<string, number>>();
  sentences.forEach((words, s) => {
    if (capitalsLines[s]) return;
    words.forEach((word, i) => {
      if (!HAS_LETTER.test(word)) return;
      const lower = word.toLowerCase();
      if (word === lower) seenLowercase.add(lower);
      else if (i > 0 && STARTS_UPPER.test(word)) seenCapitalisedInside.add(lower);
      if (i === 0 || !wanted.has(lower)) return;
      const counts = formCounts.get(lower) ?? new Map<string, number>();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      formCounts.set(lower, counts);
    });
  });
  const runningTextForm = new Map<string, string>();
  for (const [lower, counts] of formCounts) {
    let best = '';
    let bestCount = 0;
    for (const [form, count] of counts) {
      if (count > bestCount) {
        best = form;
        bestCount = count;
      }
    }
    runningTextForm.set(lower, best);
  }
  return { seenLowercase, seenCapitalisedInside, runningTextForm };
}

/** Word shape with runs collapsed: "Velmora" → "Xx", "U.S." → "X.X.", "1996" → "d", "al-Hol" → "x-Xx". */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  for (const char of word) {
    // Case by comparison rather than a Unicode regex per character: this runs for every token.
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    const kind = char !== lower ? 'X' : char !== upper ? 'x' : char >= '0' && char <= '9' ? 'd' : char;
    if (kind !== last) shape += kind;
    last = kind;
  }
  return shape.length > 8 ? shape.slice(0, 8) : shape;
}

/** Capitalisation class: how a word is written, in one of a few buckets. */
export function casingOf(word: string): string {
  if (!HAS_LETTER.test(word)) return /\p{N}/u.test(word) ? 'num' : 'punct';
  if (!HAS_LOWER.test(word)) return word.length === 1 ? 'cap1' : 'caps';
  if (STARTS_UPPER.test(word)) return /\p{Lu}/u.test(word.slice(1)) ? 'mixed' : 'init';
  return /\p{Lu}/u.test(word) ? 'lowmixed' : 'lower';
}

/** A phrase lexicon by first word: the word counts of the entries starting with that word, longest first. */
type PhraseIndex = ReadonlyMap<string, readonly number[]>;

const LONGEST_PHRASE = 4;

/**
 * Only entries that start with a capital are indexed: the model was trained on features that never
 * matched a phrase at a lowercase word, so "al-Qaeda" stays unmatched here too.
 */
function phraseIndexOf(lexicon: ReadonlySet<string>): PhraseIndex {
  const lengths = new Map<string, number[]>();
  for (const entry of lexicon) {
    const words = entry.split(' ');
    const first = words[0] as string;
    if (words.length > LONGEST_PHRASE || !STARTS_UPPER.test(first)) continue;
    const known = lengths.get(first) ?? [];
    if (!known.includes(words.length)) known.push(words.length);
    lengths.set(first, known);
  }
  for (const known of lengths.values()) known.sort((a, b) => b - a);
  return lengths;
}

const PLACE_PHRASES = phraseIndexOf(PLACE_NAMES);
const ORGANISATION_PHRASES = phraseIndexOf(KNOWN_ORGANIZATIONS);

/**
 * Lexicon matches of up to four tokens: "B"/"I" per token, the longest match at each token winning.
 * Only the lengths of entries that start with the token's word are joined and looked up.
 */
function phraseMatches(
  forms: readonly string[],
  lexicon: ReadonlySet<string>,
  index: PhraseIndex,
): (string | undefined)[] {
  const marks: (string | undefined)[] = forms.map(() => undefined);
  for (let i = 0; i < forms.length; i++) {
    const lengths = index.get(forms[i] as string);
    if (lengths === undefined) continue;
    for (const length of lengths) {
      if (i + length > forms.length || !lexicon.has(forms.slice(i, i + length).join(' '))) continue;
      for (let k = 0; k < length; k++) marks[i + k] ??= k === 0 ? 'B' : 'I';
      break;
    }
  }
  return marks;
}

/** Whether a phrase of the place or organisation lexicon starts with this word: else neither marks it. */
export function startsLexiconPhrase(form: string): boolean {
  return PLACE_PHRASES.has(form) || ORGANISATION_PHRASES.has(form);
}

/** Gazetteer places in a sentence's words, marked "B"/"I" per token. */
export const placeMarks = (forms: readonly string[]) => phraseMatches(forms, PLACE_NAMES, PLACE_PHRASES);
/** Known organisations in a sentence's words, marked "B"/"I" per token. */
export const organisationMarks = (forms: readonly string[]) =>
  phraseMatches(forms, KNOWN_ORGANIZATIONS, ORGANISATION_PHRASES);

/** Lexicon classes of one word, as it is spelt in running text. */
export function lexiconTags(form: string): string[] {
  const tags: string[] = [];
  if (GIVEN_NAMES.has(form)) tags.push('given');
  if (PERSON_TITLES.has(form)) tags.push('title');
  if (ORGANIZATION_HEADS.has(form)) tags.push('orghead');
  return tags;
}

/** The words (and shapes) before the first token and after the last one. */
export const BOUNDARY = ['<s>', '</s>'] as const;

/**
 * The features of a word by itself, whatever its sentence: the tagger sums their weights once per
 * distinct word (see emissions.ts).
 */
export function wordFeatures(form: string, lower: string, shape: string, casing: string): string[] {
  const features = ['bias', `w=${lower}`, `f=${form}`, `s=${shape}`, `c=${casing}`];
  for (let n = 1; n <= 4 && n < lower.length; n++)
    features.push(`p${n}=${lower.slice(0, n)}`, `x${n}=${lower.slice(-n)}`);
  if (form.includes('-')) features.push('hyphen');
  if (/\p{N}/u.test(form) && HAS_LETTER.test(form)) features.push('alnum');
  if (lower.length > 12) features.push('long');
  return features;
}

/** The words as features read them: in a line of capitals, as the article spells them elsewhere, when it does. */
export function formsOf(words: readonly string[], capitalsLine: boolean, context: DocumentContext): readonly string[] {
  return capitalsLine ? words.map((word) => context.runningTextForm.get(word.toLowerCase()) ?? word) : words;
}

/**
 * The features of every token of one sentence. `words` are the sentence's tokens as Chronicle's
 * tokenizer cut them; `context` is the article's (see documentContextOf).
 */
export function sentenceFeatures(words: readonly string[], context: DocumentContext): string[][] {
  const capitalsLine = isCapitalsLine(words);
  const forms = formsOf(words, capitalsLine, context);
  const lowers = forms.map((form) => form.toLowerCase());
  const shapes = forms.map(shapeOf);
  const places = placeMarks(forms);
  const organisations = organisationMarks(forms);
  const lexicon = forms.map(lexiconTags);
  const lowerAt = (i: number) => (i < 0 ? BOUNDARY[0] : i >= words.length ? BOUNDARY[1] : (lowers[i] as string));
  const shapeAt = (i: number) => (i < 0 ? BOUNDARY[0] : i >= words.length ? BOUNDARY[1] : (shapes[i] as string));

  return words.map((word, i) => {
    const form = forms[i] as string;
    const lower = lowers[i] as string;
    const shape = shapes[i] as string;
    const casing = casingOf(form);
    const features = wordFeatures(form, lower, shape, casing);
    // Neighbours: their words, their shapes, and the word pairs around this one.
    features.push(
      `w-1=${lowerAt(i - 1)}`,
      `w-2=${lowerAt(i - 2)}`,
      `w+1=${lowerAt(i + 1)}`,
      `w+2=${lowerAt(i + 2)}`,
      `s-1=${shapeAt(i - 1)}`,
      `s+1=${shapeAt(i + 1)}`,
      `s-1s=${shapeAt(i - 1)}|${shape}`,
      `ss+1=${shape}|${shapeAt(i + 1)}`,
      `w-1w=${lowerAt(i - 1)}|${lower}`,
      `ww+1=${lower}|${lowerAt(i + 1)}`,
      `w-2w-1=${lowerAt(i - 2)}|${lowerAt(i - 1)}`,
      `w+1w+2=${lowerAt(i + 1)}|${lowerAt(i + 2)}`,
    );
    // Position: capitals at a sentence start, or in a line of capitals, are not evidence of a name.
    if (i === 0) features.push('first', `first&c=${casing}`);
    if (capitalsLine) features.push('capsline', `capsline&c=${casingOf(word)}`, `capsline&known=${form !== word}`);
    // The article elsewhere: a word also written in lower case is probably a common word.
    if (i === 0 || capitalsLine) {
      features.push(
        `doc-lower=${context.seenLowercase.has(lower)}`,
        `doc-capinside=${context.seenCapitalisedInside.has(lower)}`,
      );
    } else if (casing === 'init' && context.seenLowercase.has(lower)) features.push('doc-also-lower');
    // Lexicons: the token's own word, and those next to it.
    const place = places[i];
    const organisation = organisations[i];
    if (place !== undefined) features.push(`gaz=${place}`);
    if (organisation !== undefined) features.push(`korg=${organisation}`);
    for (const tag of lexicon[i] as string[]) features.push(`lex=${tag}`);
    for (const tag of lexicon[i - 1] ?? []) features.push(`lex-1=${tag}`);
    for (const tag of lexicon[i + 1] ?? []) features.push(`lex+1=${tag}`);
    if (places[i - 1] !== undefined) features.push('gaz-1');
    if (places[i + 1] !== undefined) features.push('gaz+1');
    return features;
  });
}

/** Features of every sentence of an article, the article's context computed once. */
export function documentFeatures(sentences: readonly (readonly string[])[]): string[][][] {
  const context = documentContextOf(sentences);
  return sentences.map((words) => sentenceFeatures(words, context));
}
