// Which articles are the same story: the same wire copy printed by several outlets, sometimes under
// a new headline, with a paragraph added or cut, a byline, or retouched punctuation.
//
// Exact copies are found by their normalised text. Near copies are found with MinHash over word
// 5-gram shingles: LSH banding proposes candidate pairs in about linear time, and each candidate is
// confirmed by the exact Jaccard similarity of the two shingle sets. Everything is seeded, so the
// same articles always give the same groups.
import type { Article, DuplicateGroup } from '../model.js';
import { seededUint32 } from '../seeded-random.js';

/** Words per shingle. Five words rarely repeat by chance across different articles, but one edited word only touches five shingles. */
const SHINGLE_WORDS = 5;

/**
 * Jaccard similarity at which two articles count as one story. A copy that adds text to the original
 * keeps Jaccard = original / copy, so 0.6 tolerates up to two thirds more text (or 40% less): a new
 * paragraph, a byline, a cut ending. Two different reports of the same event share quotes and names,
 * but seldom more than a fifth of their 5-grams, so they stay well below.
 */
export const NEAR_DUPLICATE_JACCARD = 0.6;

/**
 * 21 bands of 3 rows: a pair becomes a candidate with probability 1 - (1 - J^3)^21, which is 99.4%
 * at J = 0.6 and under 3% at J = 0.1, so real duplicates are (almost) never missed and few unrelated
 * pairs need checking.
 */
const BANDS = 21;
const ROWS_PER_BAND = 3;
const SIGNATURE_LENGTH = BANDS * ROWS_PER_BAND;

const SEED = 0x5eed_d0c5;

/**
 * Shingles in more texts than this are boilerplate ("said in a statement on", agency footers,
 * templated market or weather reports) and are not used to propose candidates. Without this,
 * templated articles share enough 5-grams to fall into the same LSH buckets by the thousand and the
 * pair checks go quadratic. The bound is high enough that a wire story re-published on a couple of
 * hundred sites (2% of a large corpus) still proposes its copies.
 */
const COMMON_SHINGLE_MIN_TEXTS = 200;
const COMMON_SHINGLE_SHARE = 0.02;

/**
 * NFKC folds the variants one outlet's system may produce from the same copy (composed accents,
 * full-width forms, ligatures). ASCII text is already normal, and skipping it avoids most of the cost.
 */
function unicodeNormalised(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
}

/** The text that must be equal for an exact duplicate: Unicode-normalised, whitespace collapsed. */
export function normalisedText(text: string): string {
  return unicodeNormalised(text).replace(/\s+/g, ' ').trim();
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that spreads every input bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const isWordUnitCache = new Map<number, boolean>();
const lowerUnitCache = new Map<number, number>();

/**
 * Whether a UTF-16 code unit belongs to a word (a letter or digit). Surrogates count as word units
 * so letters outside the BMP are not split.
 */
function isWordUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = isWordUnitCache.get(code);
  if (known === undefined) {
    known = (code >= 0xd800 && code <= 0xdfff) || /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    isWordUnitCache.set(code, known);
  }
  return known;
}

function lowerUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let lower = lowerUnitCache.get(code);
  if (lower === undefined) {
    const folded = String.fromCharCode(code).toLowerCase();
    lower = folded.length === 1 ? folded.charCodeAt(0) : code;
    lowerUnitCache.set(code, lower);
  }
  return lower;
}

/**
 * Hashes of the lower-cased words (runs of letters and digits), so retouched punctuation or casing
 * does not change a shingle. One pass over the code units with FNV-1a, without building the word
 * strings: this is the hot loop when thousands of articles come in.
 */
function wordHashes(text: string): number[] {
  const normal = unicodeNormalised(text);
  const hashes: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= normal.length; i++) {
    const code = i < normal.length ? normal.charCodeAt(i) : 32;
    if (isWordUnit(code)) {
      h = Math.imul(h ^ lowerUnit(code), 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(mix32(h));
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  return hashes;
}

/** Sorted, distinct 32-bit hashes of the word 5-grams; a text shorter than that is one shingle. */
export function shingleHashes(text: string): Uint32Array {
  const hashes = wordHashes(text);
  if (hashes.length === 0) return new Uint32Array(0);
  const width = Math.min(SHINGLE_WORDS, hashes.length);
  const shingles = new Uint32Array(hashes.length - width + 1);
  for (let start = 0; start < shingles.length; start++) {
    let h = SEED;
    for (let i = start; i < start + width; i++) h = mix32(Math.imul(h, 0x9e3779b1) ^ hashes[i]!);
    shingles[start] = h;
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) if (i === 0 || shingles[i] !== shingles[distinct - 1]) shingles[distinct++] = shingles[i]!;
  return shingles.slice(0, distinct);
}

/** Jaccard similarity of two sorted sets of distinct hashes. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * The MinHash functions x → (a·x + b) mod 2^32 with odd a. Each is a permutation of the 32-bit
 * integers; the shingle hashes are already well mixed, so this cheap family is enough, and it keeps
 * 20,000 articles × 63 functions within a second or so.
 */
const random = seededUint32(SEED);
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_LENGTH }, () => random() | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_LENGTH }, () => random());

function minHashSignature(shingles: Uint32Array, into: Uint32Array, at: number): void {
  into.fill(0xffffffff, at, at + SIGNATURE_LENGTH);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const value = (Math.imul(MULTIPLIERS[k]!, shingle) + OFFSETS[k]!) >>> 0;
      if (value < into[at + k]!) into[at + k] = value;
    }
  }
}

class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later finds near-constant.
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

/** Articles with the same normalised text, as lists of indices; the first of each list stands for the rest. */
function exactClasses(texts: readonly string[]): number[][] {
  const byText = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const members = byText.get(text);
    if (members) members.push(i);
    else byText.set(text, [i]);
  });
  return [...byText.values()];
}

/** Each shingle set without the shingles that occur in more than `maxTexts` of the sets. */
function withoutCommonShingles(shingleSets: readonly Uint32Array[], maxTexts: number): Uint32Array[] {
  const all = new Uint32Array(shingleSets.reduce((n, set) => n + set.length, 0));
  let offset = 0;
  for (const set of shingleSets) {
    all.set(set, offset);
    offset += set.length;
  }
  // Sorting one typed array and counting runs is several times faster than a Map of counts.
  all.sort();
  const common = new Set<number>();
  for (let start = 0, end = 0; start < all.length; start = end) {
    while (end < all.length && all[end] === all[start]) end++;
    if (end - start > maxTexts) common.add(all[start]!);
  }
  return common.size === 0 ? [...shingleSets] : shingleSets.map((set) => set.filter((h) => !common.has(h)));
}

/**
 * Pairs (of positions in `shingleSets`) whose MinHash signatures agree on at least one whole band.
 * Empty sets are skipped: their signatures would all be equal.
 */
function* candidatePairs(shingleSets: readonly Uint32Array[]): Generator<[number, number]> {
  const signatures = new Uint32Array(shingleSets.length * SIGNATURE_LENGTH);
  shingleSets.forEach((shingles, i) => minHashSignature(shingles, signatures, i * SIGNATURE_LENGTH));
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < shingleSets.length; i++) {
      if (shingleSets[i]!.length === 0) continue;
      let key = band;
      for (let row = 0; row < ROWS_PER_BAND; row++) key = mix32(Math.imul(key, 0x9e3779b1) ^ signatures[i * SIGNATURE_LENGTH + band * ROWS_PER_BAND + row]!);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) yield [bucket[x]!, bucket[y]!];
    }
  }
}

function byDateThenId(a: Article, b: Article): number {
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Articles in the order their union-find roots first appear, each list sorted by date then id. */
function membersBySet(articles: readonly Article[], sets: UnionFind): Article[][] {
  const byRoot = new Map<number, Article[]>();
  articles.forEach((article, i) => {
    const root = sets.find(i);
    const members = byRoot.get(root);
    if (members) members.push(article);
    else byRoot.set(root, [article]);
  });
  return [...byRoot.values()].map((members) => members.sort(byDateThenId));
}

/**
 * Groups of two or more articles telling the same story. The representative is the earliest
 * published (ties: smallest id), members are listed in that order, and groups in the order of their
 * representatives. A group is 'exact' when all members have the same normalised text.
 * Articles without words are left out: empty texts are not the same story.
 */
export function groupDuplicates(articles: Article[]): DuplicateGroup[] {
  const withWords = articles.filter((a) => /[\p{L}\p{N}]/u.test(a.text));
  const texts = withWords.map((a) => normalisedText(a.text));
  const sets = new UnionFind(withWords.length);
  const classes = exactClasses(texts);
  for (const [head, ...copies] of classes) for (const copy of copies) sets.union(head!, copy);

  // One shingle set per distinct text: its exact copies are already in its set.
  const heads = classes.map(([head]) => head!);
  const shingleSets = heads.map((i) => shingleHashes(withWords[i]!.text));
  const distinctive = withoutCommonShingles(shingleSets, Math.max(COMMON_SHINGLE_MIN_TEXTS, Math.ceil(COMMON_SHINGLE_SHARE * heads.length)));
  const rejected = new Set<number>();
  // Candidates come from the distinctive shingles; the decision uses the whole texts.
  for (const [x, y] of candidatePairs(distinctive)) {
    if (sets.find(heads[x]!) === sets.find(heads[y]!)) continue;
    const pairKey = x * heads.length + y;
    if (rejected.has(pairKey)) continue;
    if (jaccard(shingleSets[x]!, shingleSets[y]!) >= NEAR_DUPLICATE_JACCARD) sets.union(heads[x]!, heads[y]!);
    else rejected.add(pairKey);
  }

  const normalised = new Map(withWords.map((article, i) => [article, texts[i]]));
  return membersBySet(withWords, sets)
    .filter((members) => members.length >= 2)
    .sort((a, b) => byDateThenId(a[0]!, b[0]!))
    .map((members) => ({
      representativeId: members[0]!.id,
      memberIds: members.map((a) => a.id),
      kind: members.every((a) => normalised.get(a) === normalised.get(members[0]!)) ? 'exact' : 'near',
    }));
}
