// Bag-of-words vectors for comparing sentences: tf-idf over content words, cosine similarity.
// Sparse maps keep this cheap on the few hundred sentences a single date gathers.

// Function words carry no topic; the list is short on purpose (names, numbers and verbs stay).
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto over under about after before ' +
    'than then so that this these those there here is are was were be been being am do does did has have had ' +
    'it its it\'s he she they them his her their our we you your i me my us who whom whose which what when ' +
    'where why how not no nor also just only very more most some any all each both other such own same ' +
    'can could will would shall should may might must said says say told according up down out off again ' +
    'further once while during until against between through because per via'
  ).split(' '),
);

export type SparseVector = Map<string, number>;

/** Content words of a token list, lower-cased; a plural "s" is dropped so "trucks" meets "truck". */
export function contentTerms(tokens: string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (!/\p{L}/u.test(lower) || FUNCTION_WORDS.has(lower) || lower.length < 2) continue;
    terms.push(lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower);
  }
  return terms;
}

/** Inverse document frequency over a set of term lists (each list one "document"). */
export function inverseDocumentFrequency(documents: string[][]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  const n = documents.length;
  for (const [term, df] of documentFrequency) idf.set(term, Math.log((n + 1) / (df + 1)) + 1);
  return idf;
}

export function tfidfVector(terms: string[], idf: Map<string, number>): SparseVector {
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
