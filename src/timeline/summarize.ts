// Choosing the sentences that summarise one date: the most central of the candidates (closest to
// what they say together), relevant to the query, without saying the same thing twice.
// Shared by every timeline method. Callers pass one copy of each story: repeated wire copy is
// removed before this point, and anything left that repeats a chosen sentence is over the limit.
import { matchesQuery, queryOverlap, wordSet, type TopicQuery } from '../select/query.js';
import type { SentenceRef } from './corpus.js';
import { centroid, contentTerms, cosine, inverseDocumentFrequency, tfidfVector, type SparseVector } from './vectors.js';

export interface SummarizeOptions {
  count: number;
  query: TopicQuery;
}

// Sentences this short are headlines, bylines or fragments; this long, run-on lists. Neither reads well.
const MIN_CONTENT_TERMS = 4;
const MAX_TOKENS = 70;
// Above this similarity a sentence adds nothing new to one already chosen.
const REDUNDANCY_LIMIT = 0.5;
// Trade-off between centrality and novelty in the greedy (MMR-style) pick.
const NOVELTY_WEIGHT = 0.7;
// A timeline line says one thing; beyond this many tokens a sentence carries clauses a reader of
// the timeline does not need, so its relevance is scaled down in proportion.
const CONCISE_TOKENS = 30;
// A photo credit, "(AP Photo/Jane Doe)": it and the sentence before it are a caption, not a report.
const PHOTO_CREDIT = /^\(.*\bPhoto\b.*\)$/;

interface Candidate {
  ref: SentenceRef;
  vector: SparseVector;
  relevance: number;
}

/** A photo credit or the caption it closes. */
function isCaption(ref: SentenceRef): boolean {
  const next = ref.article.sentences[ref.sentence.index + 1];
  return PHOTO_CREDIT.test(ref.sentence.text.trim()) || (next !== undefined && PHOTO_CREDIT.test(next.text.trim()));
}

function readable(ref: SentenceRef, terms: string[]): boolean {
  return terms.length >= MIN_CONTENT_TERMS && ref.sentence.tokens.length <= MAX_TOKENS && !isCaption(ref);
}

function concision(ref: SentenceRef): number {
  return Math.min(1, CONCISE_TOKENS / ref.sentence.tokens.length);
}

/** Earlier sentences of a news article carry its main facts (the inverted pyramid). */
function leadBonus(ref: SentenceRef): number {
  return 0.15 / (1 + ref.sentence.index / 3);
}

export function selectSentences(pool: SentenceRef[], options: SummarizeOptions): SentenceRef[] {
  if (options.count <= 0 || pool.length === 0) return [];
  const termLists = pool.map((ref) => contentTerms(ref.sentence.tokens));
  const idf = inverseDocumentFrequency(termLists);
  const readableOnes = pool
    .map((ref, i) => ({ ref, terms: termLists[i]! }))
    .filter(({ ref, terms }) => readable(ref, terms));
  // A sentence that names none of the topic words is usually background from a wider story; it is
  // used only when a date has nothing on topic (news-tls keeps keyword sentences only).
  const onTopic = readableOnes.filter(({ ref }) => matchesQuery(wordSet(ref.sentence.text), options.query));
  const usable = onTopic.length > 0 ? onTopic : readableOnes;
  if (usable.length === 0) return [];
  const vectors = usable.map(({ terms }) => tfidfVector(terms, idf));
  const center = centroid(vectors);
  const candidates: Candidate[] = usable.map(({ ref }, i) => {
    const vector = vectors[i]!;
    const topical = 1 + queryOverlap(wordSet(ref.sentence.text), options.query);
    return { ref, vector, relevance: (cosine(vector, center) * topical + leadBonus(ref)) * (ref.focus ?? 1) * concision(ref) };
  });

  const chosen: Candidate[] = [];
  const remaining = [...candidates];
  while (chosen.length < options.count && remaining.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const candidate = remaining[i]!;
      const overlap = Math.max(0, ...chosen.map((c) => cosine(c.vector, candidate.vector)));
      if (overlap > REDUNDANCY_LIMIT) continue;
      const score = candidate.relevance - NOVELTY_WEIGHT * overlap;
      if (score > bestScore || (score === bestScore && tieBreak(candidate, remaining[best]!) < 0)) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    chosen.push(remaining.splice(best, 1)[0]!);
  }
  return chosen.map((c) => c.ref);
}

/** Deterministic order for equal scores: earlier publication, then article id, then position. */
function tieBreak(a: Candidate, b: Candidate): number {
  const pa = a.ref.article.article;
  const pb = b.ref.article.article;
  return (
    pa.publishedOn.localeCompare(pb.publishedOn) ||
    pa.id.localeCompare(pb.id) ||
    a.ref.sentence.index - b.ref.sentence.index
  );
}
