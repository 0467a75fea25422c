import { describe, expect, it } from 'vitest';
import { contentTerms } from '../annotate/terms.js';
import { centroid, centroidSimilarities, cosine, inverseDocumentFrequency, tfidfVector } from './vectors.js';

const documents = [
  'The harbour of Velmora closed to ships on Thursday',
  'Dock workers in Velmora walked out over pay and pay again',
  'Fuel ran short at stations across Velmora',
  'Lunholm islanders waited for the ferry',
  '',
].map((text) => contentTerms(text.split(' ')));

describe('similarity to the centroid of a collection', () => {
  it('is the cosine of each tf-idf vector with the mean vector', () => {
    const idf = inverseDocumentFrequency(documents);
    const vectors = documents.map((terms) => tfidfVector(terms, idf));
    const mean = centroid(vectors);
    const similarities = centroidSimilarities(documents);
    expect(similarities).toHaveLength(documents.length);
    similarities.forEach((similarity, i) => expect(similarity).toBeCloseTo(cosine(vectors[i]!, mean), 12));
  });

  it('scores a document that shares no word with the others lowest, and an empty one 0', () => {
    const [harbour, strike, fuel, ferry, empty] = centroidSimilarities(documents);
    expect(Math.min(harbour!, strike!, fuel!)).toBeGreaterThan(0);
    expect(empty).toBe(0);
    expect(ferry).toBeLessThan(Math.min(harbour!, strike!, fuel!));
  });
});
