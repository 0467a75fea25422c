// Bag-of-words vectors for comparing sentences: tf-idf over content words, cosine similarity.
// Sparse maps keep this cheap on the few hundred sentences a single date gathers.

// Function words carry no topic; the list is short on purpose (names, numbers and verbs stay).
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto over under about after before ' +
    'than then so that this these those there here is are was were be been being am do does did has have had ' +
    "it its it's he she they them his her their our we you your i me my us who whom whose which what when " +
    'where why how not no nor also just only very more most some any all each both other such own same ' +
    'can could will would shall should may might must said says say told according up down out off again ' +
    'further once while during until against between through because per via'
  ).split(' '),
);

export type SparseVector = Map<string, number>;

// Token → its term, or null for no term. A collection repeats few distinct tokens many times, and
// a whole store's sentences are read when weighing date references.
const termOfToken = new Map<string, string | null>();
const MAX_REMEMBERED_TOKENS = 500_000;

function termOf(token: string): string | null {
  const lower = token.toLowerCase();
  if (!/\p{L}/u.test(lower) || FUNCTION_WORDS.has(lower) || lower.length < 2) return null;
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** Content words of a token list, lower-cased; a plural "s" is dropped so "trucks" meets "truck". */
export function contentTerms(tokens: string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    let term = termOfToken.get(token);
    if (term === undefined) {
      term = termOf(token);
      if (termOfToken.size >= MAX_REMEMBERED_TOKENS) termOfToken.clear();
      termOfToken.set(token, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}

/** Inverse document frequency over a set of term lists (each list one "document"). */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [term, df] of documentFrequency) idf.set(term, idfWeight(documents.length, df));
  return idf;
}

/** Smoothed inverse document frequency of a term found in `df` of `n` documents (as scikit-learn). */
function idfWeight(n: number, df: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

export function tfidfVector(terms: readonly string[], idf: Map<string, number>): SparseVector {
  const vector: SparseVector = new Map();
  for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
  for (const [term, count] of vector) vector.set(term, count * (idf.get(term) ?? 1));
  return vector;
}

function norm(vector: SparseVector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * Cosine of each document's tf-idf vector with the centroid of them all. Meant for a whole
 * collection (tens of thousands of sentences), so terms are numbered and counted in flat arrays.
 */
export function centroidSimilarities(documents: readonly (readonly string[])[]): number[] {
  const termIds = new Map<string, number>();
  const idLists = documents.map((terms) =>
    terms.map((term) => {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      return id;
    }),
  );
  const documentFrequency = new Float64Array(termIds.size);
  const lastSeenIn = new Int32Array(termIds.size).fill(-1);
  idLists.forEach((ids, document) => {
    for (const id of ids) {
      if (lastSeenIn[id] !== document) documentFrequency[id]!++;
      lastSeenIn[id] = document;
    }
  });
  const idf = documentFrequency.map((df) => idfWeight(documents.length, df));
  // The sum of the vectors points where the centroid does, and cosine ignores length.
  const total = new Float64Array(termIds.size);
  for (const ids of idLists) for (const id of ids) total[id]! += idf[id]!;
  const totalNorm = Math.sqrt(total.reduce((sum, value) => sum + value * value, 0));
  const counts = new Float64Array(termIds.size);
  return idLists.map((ids) => {
    for (const id of ids) counts[id]!++;
    let dot = 0;
    let squares = 0;
    for (const id of ids) {
      if (counts[id] === 0) continue; // a repeat, already added
      const weight = counts[id]! * idf[id]!;
      dot += weight * total[id]!;
      squares += weight * weight;
      counts[id] = 0;
    }
    return dot === 0 ? 0 : dot / (Math.sqrt(squares) * totalNorm);
  });
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += value * other;
  }
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

/** The mean of several vectors: what a group of sentences is "about". */
export function centroid(vectors: SparseVector[]): SparseVector {
  const sum: SparseVector = new Map();
  for (const vector of vectors) {
    for (const [term, value] of vector) sum.set(term, (sum.get(term) ?? 0) + value);
  }
  for (const [term, value] of sum) sum.set(term, value / Math.max(1, vectors.length));
  return sum;
}
