// Bag-of-words vectors for comparing sentences: tf-idf over content words, cosine similarity.
// Sparse maps keep this cheap on the few hundred sentences a single date gathers. The terms
// themselves are the annotate stage's (annotate/terms.ts): story tracking compares the same words.
export type SparseVector = Map<string, number>;

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
