// The tagger's tag scores at run time, found without building feature strings. Training reads the
// strings of features.ts (sentenceFeatures); tagging with them meant building some 35 fresh strings
// per token and hashing each into the model's map, which made the tagger four times as costly as
// the rest of annotation. Here the same features are found from the words themselves:
//   - all that depends on one word form alone (the weights of its own features, summed, and of the
//     features it gives its neighbours: w-1=, s+1=, lex-1= …) is found once per distinct form and
//     kept, so a token costs one lookup of a string whose hash V8 has already cached;
//   - the pair features of two neighbouring words (w-1w=a|b, ww+1=, w-2w-1=, w+1w+2=) are found
//     with one lookup per pair in the sentence, and so are those of two neighbouring shapes;
//   - the position, capitals and lexicon features are a few fixed strings.
// ner.test.ts checks that the scores equal the sums of sentenceFeatures' weights.
import {
  BOUNDARY,
  casingOf,
  formsOf,
  isCapitalsLine,
  lexiconTags,
  organisationMarks,
  placeMarks,
  shapeOf,
  startsLexiconPhrase,
  wordFeatures,
  type DocumentContext,
} from './features.js';
import type { TaggerModel } from './model.js';
import { TAG_COUNT } from './tags.js';

/** A module-local copy: an imported binding can cost a property lookup in hot loops under some loaders. */
const TAGS_PER_ROW = TAG_COUNT;
if (TAGS_PER_ROW !== 9) throw new Error('sumRows is written out for 9 tags');

/**
 * Features of two neighbouring words a, b (`w-1w=a|b` …) and of two neighbouring shapes. The family
 * names say which token a pair's feature belongs to: w-1w to b's, ww+1 to a's, w-2w-1 to the token
 * after b, w+1w+2 to the one before a; s-1s to b's, ss+1 to a's.
 */
const WORD_PAIR = { 'w-1w': 0, 'ww+1': 1, 'w-2w-1': 2, 'w+1w+2': 3 } as const;
const SHAPE_PAIR = { 's-1s': 0, 'ss+1': 1 } as const;
const WORD_PAIR_FAMILIES = Object.keys(WORD_PAIR) as (keyof typeof WORD_PAIR)[];
const SHAPE_PAIR_FAMILIES = Object.keys(SHAPE_PAIR) as (keyof typeof SHAPE_PAIR)[];

/** Features that are one fixed string, whatever the words. */
const FIXED_FEATURES = [
  'capsline',
  'capsline&known=true',
  'capsline&known=false',
  'doc-lower=true',
  'doc-lower=false',
  'doc-capinside=true',
  'doc-capinside=false',
  'doc-also-lower',
  'gaz=B',
  'gaz=I',
  'korg=B',
  'korg=I',
  'gaz-1',
  'gaz+1',
] as const;
type FixedFeature = (typeof FIXED_FEATURES)[number];

/**
 * Where weights are: the offset of a row of TAG_COUNT weights in the scorer's table, which holds
 * the model's rows, a row of zeros (for features the model does not have) and rows of sums.
 */
type Row = number;

/**
 * What tagging needs to know of one word form (or of a sentence boundary), found once. Made by the
 * constructor, which sets every field in one order, so that all entries share one hidden class:
 * built as object literals with a spread, they took many, and every read of an entry's field in
 * sentenceEmissions went through V8's megamorphic lookup (a tenth of its time).
 */
class WordEntry {
  readonly lower: string;
  readonly casing: string;
  /** The model has a weight for the word itself (w=…): its class was learnt, not only guessed. */
  readonly known: boolean;
  /** The word's own features: wordFeatures and its lexicon classes (lex=). */
  readonly own: Row;
  /** 'first' and `first&c=` with the word's casing; `capsline&c=` with it. */
  readonly asFirst: Row;
  readonly asCapitalsLineWord: Row;
  /** What the word gives the token after it (w-1=, s-1=, lex-1=), the one after that (w-2=), and so before. */
  readonly forNext: Row;
  readonly forSecondNext: Row;
  readonly forPrevious: Row;
  readonly forSecondPrevious: Row;
  /** Some phrase of the place or organisation lexicon starts with the word. */
  readonly startsPhrase: boolean;
  /** The word's and the shape's numbers among the words and shapes of pair features; -1 if in none. */
  readonly pairWord: number;
  readonly pairShape: number;

  // The class has fields only, so its type is exactly the fields a caller hands over.
  constructor(fields: WordEntry) {
    this.lower = fields.lower;
    this.casing = fields.casing;
    this.known = fields.known;
    this.own = fields.own;
    this.asFirst = fields.asFirst;
    this.asCapitalsLineWord = fields.asCapitalsLineWord;
    this.forNext = fields.forNext;
    this.forSecondNext = fields.forSecondNext;
    this.forPrevious = fields.forPrevious;
    this.forSecondPrevious = fields.forSecondPrevious;
    this.startsPhrase = fields.startsPhrase;
    this.pairWord = fields.pairWord;
    this.pairShape = fields.pairShape;
  }
}

/**
 * Distinct word forms kept per model and thread. News vocabularies stay far below this; a stream
 * of unusual tokens (numbers, URLs) just starts the memo afresh.
 */
const MAX_KEPT_WORDS = 50_000;

export class EmissionScorer {
  /** Rows of weights, as float64 so that sums of them are exact (see sumOf); `used` values in use. */
  private table: Float64Array;
  private used: number;
  /** The model's rows, the zero row and the boundaries' and fixed features' sums: never given up. */
  private readonly permanent: number;
  private readonly zero: Row;
  private readonly fixed: Readonly<Record<FixedFeature, Row>>;
  private readonly pairs: PairTables;
  private readonly sentenceStart: WordEntry;
  private readonly sentenceEnd: WordEntry;
  private readonly words = new Map<string, WordEntry>();
  /** Scratch of the sentence last scored, reused from sentence to sentence: its scores, entries and pairs. */
  private scores = new Float64Array(64 * TAGS_PER_ROW);
  private readonly entries: WordEntry[] = [];
  private wordPairs = new Int32Array(64);
  private shapePairs = new Int32Array(64);
  private readonly rows: RowList;

  constructor(private readonly model: TaggerModel) {
    const modelValues = model.featureIds.size * TAGS_PER_ROW;
    this.table = new Float64Array(modelValues * 2 + TAGS_PER_ROW);
    this.table.set(model.emission.subarray(0, modelValues));
    this.zero = modelValues;
    this.used = modelValues + TAGS_PER_ROW;
    this.fixed = Object.fromEntries(FIXED_FEATURES.map((feature) => [feature, this.rowOf(feature)])) as Record<
      FixedFeature,
      Row
    >;
    this.pairs = new PairTables(model.featureIds, this.zero, (feature) => this.rowOf(feature));
    this.sentenceStart = this.boundaryEntry(BOUNDARY[0]);
    this.sentenceEnd = this.boundaryEntry(BOUNDARY[1]);
    this.permanent = this.used;
    this.rows = new RowList(this.zero);
  }

  /** Whether the model has a weight for the word itself (case-folded). */
  knowsWord(word: string): boolean {
    return this.entryOf(word).known;
  }

  /**
   * Per-token tag scores of a sentence, `scores[i * TAG_COUNT + tag]`: the sums of the weights of
   * sentenceFeatures(words, context). The array is reused: it holds these scores until the next call.
   * `capitalsLine` is isCapitalsLine(words), for callers that already know it.
   */
  sentenceEmissions(
    words: readonly string[],
    context: DocumentContext,
    capitalsLine: boolean = isCapitalsLine(words),
  ): Float64Array {
    const length = words.length;
    // Entries are memoised across sentences; forgetting them in the middle of a sentence would zero the
    // rows of entries already found for it, so the memo is given up, if need be, before any is found.
    // A token finds at most two entries: its form's and, in a line of capitals, its written word's.
    if (this.words.size + 2 * length > MAX_KEPT_WORDS) this.forgetWords();
    const forms = formsOf(words, capitalsLine, context);
    const entries = this.sentenceEntries(forms);
    // The lexicons' phrases are matched only where some word may start one: in most sentences none does.
    let lexiconPhrases = false;
    for (let i = 0; i < length; i++) lexiconPhrases ||= (entries[i + 2] as WordEntry).startsPhrase;
    const places = lexiconPhrases ? placeMarks(forms) : undefined;
    const organisations = lexiconPhrases ? organisationMarks(forms) : undefined;
    // For the pair of positions p and p + 1 (p = -2 … length, at index p + 2): its words' pair, its shapes' pair.
    const pairCount = length + 3;
    if (this.wordPairs.length < pairCount) {
      this.wordPairs = new Int32Array(2 * pairCount);
      this.shapePairs = new Int32Array(2 * pairCount);
    }
    const { wordPairs, shapePairs, pairs, fixed, rows } = this;
    for (let p = 0; p < pairCount; p++) {
      const first = entries[p] as WordEntry;
      const second = entries[p + 1] as WordEntry;
      wordPairs[p] = pairs.wordPairOf(first.pairWord, second.pairWord);
      shapePairs[p] = pairs.shapePairOf(first.pairShape, second.pairShape);
    }
    if (this.scores.length < length * TAGS_PER_ROW) this.scores = new Float64Array(2 * length * TAGS_PER_ROW);
    const scores = this.scores;
    for (let i = 0; i < length; i++) {
      const word = entries[i + 2] as WordEntry;
      // The token's rows, always in this order (with the shipped model's weights no order changes a sum,
      // see sumOf; with others it keeps the sums from one version of this code to the next).
      rows.clear();
      rows.add(word.own);
      rows.add((entries[i + 1] as WordEntry).forNext);
      rows.add((entries[i] as WordEntry).forSecondNext);
      rows.add((entries[i + 3] as WordEntry).forPrevious);
      rows.add((entries[i + 4] as WordEntry).forSecondPrevious);
      rows.add(pairs.shapeRow(shapePairs[i + 1] as number, SHAPE_PAIR['s-1s']));
      rows.add(pairs.shapeRow(shapePairs[i + 2] as number, SHAPE_PAIR['ss+1']));
      rows.add(pairs.wordRow(wordPairs[i + 1] as number, WORD_PAIR['w-1w']));
      rows.add(pairs.wordRow(wordPairs[i + 2] as number, WORD_PAIR['ww+1']));
      rows.add(pairs.wordRow(wordPairs[i] as number, WORD_PAIR['w-2w-1']));
      rows.add(pairs.wordRow(wordPairs[i + 3] as number, WORD_PAIR['w+1w+2']));
      if (i === 0) rows.add(word.asFirst);
      if (capitalsLine) {
        const written = words[i] as string;
        rows.add(fixed.capsline);
        rows.add(this.entryOf(written).asCapitalsLineWord);
        rows.add(forms[i] !== written ? fixed['capsline&known=true'] : fixed['capsline&known=false']);
      }
      if (i === 0 || capitalsLine) {
        rows.add(context.seenLowercase.has(word.lower) ? fixed['doc-lower=true'] : fixed['doc-lower=false']);
        rows.add(
          context.seenCapitalisedInside.has(word.lower) ? fixed['doc-capinside=true'] : fixed['doc-capinside=false'],
        );
      } else if (word.casing === 'init' && context.seenLowercase.has(word.lower)) rows.add(fixed['doc-also-lower']);
      if (places !== undefined && organisations !== undefined) {
        const place = places[i];
        const organisation = organisations[i];
        if (place !== undefined) rows.add(place === 'B' ? fixed['gaz=B'] : fixed['gaz=I']);
        if (organisation !== undefined) rows.add(organisation === 'B' ? fixed['korg=B'] : fixed['korg=I']);
        if (i > 0 && places[i - 1] !== undefined) rows.add(fixed['gaz-1']);
        if (i + 1 < length && places[i + 1] !== undefined) rows.add(fixed['gaz+1']);
      }
      // The table is read here, after the token's entries are found: finding one may have grown it.
      sumRows(scores, i * TAGS_PER_ROW, this.table, rows);
    }
    return scores.subarray(0, length * TAGS_PER_ROW);
  }

  /**
   * The entries of positions -2 … length + 1 of a sentence, the boundaries included, at index
   * position + 2, in an array reused from sentence to sentence (its end may hold older entries).
   */
  private sentenceEntries(forms: readonly string[]): readonly WordEntry[] {
    const entries = this.entries;
    const length = forms.length;
    entries[0] = this.sentenceStart;
    entries[1] = this.sentenceStart;
    for (let i = 0; i < length; i++) entries[i + 2] = this.entryOf(forms[i] as string);
    entries[length + 2] = this.sentenceEnd;
    entries[length + 3] = this.sentenceEnd;
    return entries;
  }

  private rowOf(feature: string): Row {
    const id = this.model.featureIds.get(feature);
    return id === undefined ? this.zero : id * TAGS_PER_ROW;
  }

  /**
   * The row of the summed weights of the features the model knows (the zero row if none; the
   * feature's own row if one). The model file's weights are float32 multiples of one scale, spanning
   * some 40 bits, so float64 sums of a token's few dozen weights are exact: the order of adding, here
   * or per token, changes nothing.
   */
  private sumOf(features: readonly string[]): Row {
    const rows = features.map((feature) => this.rowOf(feature)).filter((row) => row !== this.zero);
    if (rows.length <= 1) return rows[0] ?? this.zero;
    if (this.used + TAGS_PER_ROW > this.table.length) {
      const larger = new Float64Array(this.table.length * 2);
      larger.set(this.table.subarray(0, this.used));
      this.table = larger;
    }
    const sum = this.used;
    this.used += TAGS_PER_ROW;
    for (const row of rows)
      for (let tag = 0; tag < TAGS_PER_ROW; tag++) this.table[sum + tag]! += this.table[row + tag] as number;
    return sum;
  }

  private entryOf(form: string): WordEntry {
    let entry = this.words.get(form);
    if (entry === undefined) {
      if (this.words.size >= MAX_KEPT_WORDS) this.forgetWords();
      entry = this.wordEntry(form);
      this.words.set(form, entry);
    }
    return entry;
  }

  private forgetWords(): void {
    this.words.clear();
    this.table.fill(0, this.permanent, this.used);
    this.used = this.permanent;
  }

  private wordEntry(form: string): WordEntry {
    const lower = form.toLowerCase();
    const shape = shapeOf(form);
    const casing = casingOf(form);
    const lexicon = lexiconTags(form);
    const tagged = (family: string) => lexicon.map((tag) => `${family}=${tag}`);
    return new WordEntry({
      ...this.neighbourEntry(lower, shape, tagged('lex-1'), tagged('lex+1')),
      casing,
      known: this.model.featureIds.has(`w=${lower}`),
      startsPhrase: startsLexiconPhrase(form),
      own: this.sumOf([...wordFeatures(form, lower, shape, casing), ...tagged('lex')]),
      asFirst: this.sumOf(['first', `first&c=${casing}`]),
      asCapitalsLineWord: this.rowOf(`capsline&c=${casing}`),
    });
  }

  /** The boundary before or after a sentence: a neighbour whose word and shape are the marker, and no token. */
  private boundaryEntry(marker: string): WordEntry {
    const zero = this.zero;
    return new WordEntry({
      ...this.neighbourEntry(marker, marker, [], []),
      casing: '',
      known: false,
      startsPhrase: false,
      own: zero,
      asFirst: zero,
      asCapitalsLineWord: zero,
    });
  }

  /** What a word with this lowercase form, shape and lexicon features gives the tokens around it. */
  private neighbourEntry(
    lower: string,
    shape: string,
    lexiconForNext: readonly string[],
    lexiconForPrevious: readonly string[],
  ) {
    return {
      lower,
      forNext: this.sumOf([`w-1=${lower}`, `s-1=${shape}`, ...lexiconForNext]),
      forSecondNext: this.rowOf(`w-2=${lower}`),
      forPrevious: this.sumOf([`w+1=${lower}`, `s+1=${shape}`, ...lexiconForPrevious]),
      forSecondPrevious: this.rowOf(`w+2=${lower}`),
      pairWord: this.pairs.wordNumbers.get(lower) ?? -1,
      pairShape: this.pairs.shapeNumbers.get(shape) ?? -1,
    };
  }
}

/**
 * The rows of one token's features, in the order they are added. The zero row (the many pairs and
 * neighbours the model has no feature for) is left out: adding it would change no sum, scores being
 * never -0.
 */
class RowList {
  /** A token has at most 21 rows (sentenceEmissions). */
  readonly rows = new Int32Array(32);
  count = 0;

  constructor(private readonly zero: Row) {}

  clear(): void {
    this.count = 0;
  }

  add(row: Row): void {
    if (row !== this.zero) this.rows[this.count++] = row;
  }
}

/**
 * Writes the sums of the listed rows of the table to a token's scores, each tag's sum starting at 0
 * and taking the rows in order. Written out for 9 tags, in locals: this runs once per token.
 */
function sumRows(scores: Float64Array, base: number, table: Float64Array, list: RowList): void {
  const { rows, count } = list;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  for (let k = 0; k < count; k++) {
    const row = rows[k] as number;
    s0 += table[row]!;
    s1 += table[row + 1]!;
    s2 += table[row + 2]!;
    s3 += table[row + 3]!;
    s4 += table[row + 4]!;
    s5 += table[row + 5]!;
    s6 += table[row + 6]!;
    s7 += table[row + 7]!;
    s8 += table[row + 8]!;
  }
  scores[base] = s0;
  scores[base + 1] = s1;
  scores[base + 2] = s2;
  scores[base + 3] = s3;
  scores[base + 4] = s4;
  scores[base + 5] = s5;
  scores[base + 6] = s6;
  scores[base + 7] = s7;
  scores[base + 8] = s8;
}

/**
 * The model's pair features, by numbers given to the words and shapes that occur in them: a pair
 * of words is found by one lookup of two small integers, a pair of shapes (there are a few dozen) by
 * indexing. A word may itself contain "|", so a feature is entered under every way of cutting it at
 * a "|"; only the true cut is ever looked up, because first + "|" + second must spell the feature.
 */
class PairTables {
  readonly wordNumbers = new Map<string, number>();
  readonly shapeNumbers = new Map<string, number>();
  /** Pair of word numbers → pair number; the pair's rows at pair number × families. */
  private readonly wordPairs: PairNumbers;
  private readonly wordPairRows: Row[] = [];
  private readonly shapePairRows: Row[];
  private readonly wordCount: number;
  private readonly shapeCount: number;

  constructor(
    featureIds: ReadonlyMap<string, number>,
    private readonly zero: Row,
    rowOf: (feature: string) => Row,
  ) {
    const wordCuts = cutsOf(featureIds, WORD_PAIR_FAMILIES);
    const shapeCuts = cutsOf(featureIds, SHAPE_PAIR_FAMILIES);
    for (const { first, second } of wordCuts) for (const word of [first, second]) numberOf(this.wordNumbers, word);
    for (const { first, second } of shapeCuts) for (const shape of [first, second]) numberOf(this.shapeNumbers, shape);
    this.wordCount = this.wordNumbers.size;
    this.shapeCount = this.shapeNumbers.size;
    // Pair key (first × word count + second) → pair number, while the pairs are numbered.
    const pairsByKey = new Map<number, number>();
    const pairWords: [first: number, second: number][] = [];
    for (const { family, first, second, feature } of wordCuts) {
      const firstNumber = this.wordNumbers.get(first) as number;
      const secondNumber = this.wordNumbers.get(second) as number;
      const key = firstNumber * this.wordCount + secondNumber;
      let pair = pairsByKey.get(key);
      if (pair === undefined) {
        pair = pairsByKey.size;
        pairsByKey.set(key, pair);
        pairWords.push([firstNumber, secondNumber]);
        for (const _ of WORD_PAIR_FAMILIES) this.wordPairRows.push(zero);
      }
      this.wordPairRows[pair * WORD_PAIR_FAMILIES.length + WORD_PAIR[family]] = rowOf(feature);
    }
    this.wordPairs = new PairNumbers(pairWords);
    this.shapePairRows = new Array<Row>(this.shapeCount * this.shapeCount * SHAPE_PAIR_FAMILIES.length).fill(zero);
    for (const { family, first, second, feature } of shapeCuts) {
      const pair = this.shapePairOf(this.shapeNumbers.get(first) as number, this.shapeNumbers.get(second) as number);
      this.shapePairRows[pair * SHAPE_PAIR_FAMILIES.length + SHAPE_PAIR[family]] = rowOf(feature);
    }
  }

  /** The pair of two words' numbers (-1: no such pair). */
  wordPairOf(first: number, second: number): number {
    return first < 0 || second < 0 ? -1 : this.wordPairs.numberOf(first, second);
  }

  shapePairOf(first: number, second: number): number {
    return first < 0 || second < 0 ? -1 : first * this.shapeCount + second;
  }

  /** The row of one family's feature of a pair of words; `family` is a WORD_PAIR number. */
  wordRow(pair: number, family: number): Row {
    return pair < 0 ? this.zero : (this.wordPairRows[pair * WORD_PAIR_FAMILIES.length + family] as Row);
  }

  /** The row of one family's feature of a pair of shapes; `family` is a SHAPE_PAIR number. */
  shapeRow(pair: number, family: number): Row {
    return pair < 0 ? this.zero : (this.shapePairRows[pair * SHAPE_PAIR_FAMILIES.length + family] as Row);
  }
}

/**
 * Pairs of non-negative integers → their numbers 0, 1, …, in an open-addressing hash table of typed
 * arrays. This is looked up once per pair of neighbouring tokens; a Map keyed by first × count +
 * second cost twice as much, and so much the more as its entries lie scattered in the heap.
 */
class PairNumbers {
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  /** The pair's number, or -1 in an empty slot. */
  private readonly numbers: Int32Array;
  private readonly mask: number;

  /** `pairs[n]` is the pair numbered n; no pair is given twice. */
  constructor(pairs: readonly (readonly [first: number, second: number])[]) {
    // A power of two at least twice the pairs: few probes, and an empty slot ends every search.
    let size = 16;
    while (size < 2 * pairs.length) size *= 2;
    this.mask = size - 1;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.numbers = new Int32Array(size).fill(-1);
    pairs.forEach(([first, second], number) => {
      let slot = this.slotOf(first, second);
      while (this.numbers[slot] !== -1) slot = (slot + 1) & this.mask;
      this.firsts[slot] = first;
      this.seconds[slot] = second;
      this.numbers[slot] = number;
    });
  }

  /** The pair's number, -1 if it is not one of the pairs. */
  numberOf(first: number, second: number): number {
    const { firsts, seconds, numbers, mask } = this;
    for (let slot = this.slotOf(first, second); ; slot = (slot + 1) & mask) {
      const number = numbers[slot] as number;
      if (number === -1 || (firsts[slot] === first && seconds[slot] === second)) return number;
    }
  }

  private slotOf(first: number, second: number): number {
    const hash = Math.imul(Math.imul(first, 0x9e3779b1) ^ second, 0x85ebca6b);
    return (hash ^ (hash >>> 15)) & this.mask;
  }
}

function numberOf(numbers: Map<string, number>, key: string): void {
  if (!numbers.has(key)) numbers.set(key, numbers.size);
}

/** Every cut of each pair feature of the families into its first and second part. */
function cutsOf<Family extends string>(featureIds: ReadonlyMap<string, number>, families: readonly Family[]) {
  const wanted = new Set<string>(families);
  const cuts: { family: Family; first: string; second: string; feature: string }[] = [];
  for (const feature of featureIds.keys()) {
    const equals = feature.indexOf('=');
    const family = feature.slice(0, equals);
    if (equals < 0 || !wanted.has(family)) continue;
    const value = feature.slice(equals + 1);
    for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
      cuts.push({ family: family as Family, first: value.slice(0, bar), second: value.slice(bar + 1), feature });
    }
  }
  return cuts;
}

const scorers = new WeakMap<TaggerModel, EmissionScorer>();

/** The scorer of a model, made on first use (a model's weights never change after training). */
export function emissionScorerOf(model: TaggerModel): EmissionScorer {
  let scorer = scorers.get(model);
  if (scorer === undefined) {
    scorer = new EmissionScorer(model);
    scorers.set(model, scorer);
  }
  return scorer;
}
