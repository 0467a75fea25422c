// Which articles are the same story: the same wire copy printed by several outlets, sometimes under
// a new headline, with a paragraph added or cut, a byline, or retouched punctuation.
//
// Articles arrive one at a time (an archive grows every day), so grouping is incremental: each
// article's MinHash signature over word 5-gram shingles is cut into LSH bands, and the band keys
// are what a store indexes. A new article is compared only with the articles sharing one of its
// keys, by the exact Jaccard similarity of the two shingle sets (or equal normalised text), so
// adding k articles costs O(k) whatever the archive holds. The same detector groups articles held
// in memory, so a timeline from files and one from a store of the same files see the same
// groups. Everything is seeded: the same articles always give the same groups.
import { contentHashOf } from '../annotate/content-hash.js';
import type { Article, DuplicateDetector, DuplicateGroup, GroupMember, TextFingerprint } from '../model.js';
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
  for (let i = 0; i < shingles.length; i++)
    if (i === 0 || shingles[i] !== shingles[distinct - 1]) shingles[distinct++] = shingles[i]!;
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
 * integers; the shingle hashes are already well mixed, so this cheap family is enough.
 */
const random = seededUint32(SEED);
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_LENGTH }, () => random() | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_LENGTH }, () => random());

function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const value = (Math.imul(MULTIPLIERS[k]!, shingle) + OFFSETS[k]!) >>> 0;
      if (value < signature[k]!) signature[k] = value;
    }
  }
  return signature;
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

/**
 * At most this many of the newest articles per band key, and this many candidates in all, are
 * compared with a newcomer. Boilerplate (agency footers, templated market reports) can put
 * thousands of articles under one key; without a bound each of them would be compared with every
 * new one. Copies of a story arrive close together, so the newest are the ones that matter, and a
 * real copy shares most of its 21 keys, which ranks it first.
 */
const CANDIDATES_PER_KEY = 64;
const SHORTLIST = 64;

/** The band keys of a text: none for a text without words (empty texts are not one story). */
function bandKeys({ shingles }: TextFingerprint): number[] {
  if (shingles.length === 0) return [];
  const signature = minHashSignature(shingles);
  return Array.from({ length: BANDS }, (_, band) => {
    let key = band;
    for (let row = 0; row < ROWS_PER_BAND; row++)
      key = mix32(Math.imul(key, 0x9e3779b1) ^ signature[band * ROWS_PER_BAND + row]!);
    return key | 0;
  });
}

/** Candidates by how many keys they share, then newest (largest number) first. */
function shortlist(candidatesByKey: readonly (readonly number[])[]): number[] {
  const shared = new Map<number, number>();
  for (const candidates of candidatesByKey)
    for (const candidate of candidates) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
  return [...shared.entries()]
    .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || b - a)
    .slice(0, SHORTLIST)
    .map(([candidate]) => candidate);
}

/** The shingles of a text, and for a text without words its normalised text. */
function fingerprint(text: string): TextFingerprint {
  const shingles = shingleHashes(text);
  return shingles.length > 0 ? { shingles } : { shingles, wordless: normalisedText(text) };
}

/**
 * Equal normalised texts, or shingle sets at least NEAR_DUPLICATE_JACCARD alike. Equal normalised
 * texts have the same words, so the same shingles (Jaccard 1): only texts without words need their
 * normalised texts compared (two blank texts are no story; two texts of punctuation alone are one).
 */
function sameStory(a: TextFingerprint, b: TextFingerprint): boolean {
  if (a.shingles.length > 0 || b.shingles.length > 0) return jaccard(a.shingles, b.shingles) >= NEAR_DUPLICATE_JACCARD;
  return a.wordless === b.wordless ? a.wordless !== '' : true;
}

function byDateThenId(a: GroupMember, b: GroupMember): number {
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The earliest published member (ties: smallest id) represents the group; 'exact' when all share one text. */
function group(members: readonly GroupMember[]): DuplicateGroup {
  const ordered = [...members].sort(byDateThenId);
  return {
    representativeId: ordered[0]!.id,
    memberIds: ordered.map((m) => m.id),
    kind: ordered.every((m) => m.contentHash === ordered[0]!.contentHash) ? 'exact' : 'near',
  };
}

export const duplicateDetector: DuplicateDetector = {
  fingerprint,
  keys: bandKeys,
  candidatesPerKey: CANDIDATES_PER_KEY,
  shortlist,
  sameStory,
  group,
};

/**
 * Groups of two or more articles telling the same story, found as a store finds them: each
 * article in turn is compared with the earlier ones sharing a band key. Groups come in the order
 * of their representatives.
 */
export function groupDuplicates(
  articles: readonly Article[],
  detector: DuplicateDetector = duplicateDetector,
): DuplicateGroup[] {
  const byKey = new Map<number, number[]>();
  const sets = new UnionFind(articles.length);
  const fingerprints = articles.map((article) => detector.fingerprint(article.text));
  articles.forEach((_, i) => {
    const keys = detector.keys(fingerprints[i]!);
    const candidates = detector.shortlist(
      keys.map((key) => (byKey.get(key) ?? []).slice(-detector.candidatesPerKey).reverse()),
    );
    for (const candidate of candidates) {
      if (sets.find(candidate) === sets.find(i)) continue;
      if (detector.sameStory(fingerprints[i]!, fingerprints[candidate]!)) sets.union(candidate, i);
    }
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const byRoot = new Map<number, Article[]>();
  articles.forEach((article, i) => {
    const root = sets.find(i);
    const list = byRoot.get(root);
    if (list) list.push(article);
    else byRoot.set(root, [article]);
  });
  // Only grouped articles need a content hash (for the group's kind).
  const member = (article: Article): GroupMember => ({
    id: article.id,
    publishedOn: article.publishedOn,
    contentHash: contentHashOf(article.text),
  });
  return (
    [...byRoot.values()]
      .filter((list) => list.length >= 2)
      // In the order of their representatives, the earliest member of each.
      .map((list) => list.map(member).sort(byDateThenId))
      .sort((a, b) => byDateThenId(a[0]!, b[0]!))
      .map((list) => detector.group(list))
  );
}
