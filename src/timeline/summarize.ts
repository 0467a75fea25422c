// Choosing the sentences that summarise one date: greedily, the sentence that brings the summary
// closest to what the date's reports say together (CENTROID-OPT of Gholipour Ghalandari & Ifrim
// 2020), on topic, without saying the same thing twice.
// Shared by every timeline method. Callers pass one copy of each story: repeated wire copy is
// removed before this point, and anything left that repeats a chosen sentence is over the limit.
import { matchesQuery, wordSet, type TopicQuery } from '../query.js';
import type { SentenceRef } from './corpus.js';
import { contentTerms } from '../annotate/terms.js';
import { centroid, cosine, inverseDocumentFrequency, tfidfVector, type SparseVector } from './vectors.js';

export interface SummarizeOptions {
  count: number;
  query: TopicQuery;
  /**
   * Reports of the day itself (openings of articles published on the date or the day after) that
   * name no other date. When given, what the summary aims at is what these and the pool have in
   * common: words that both the reports written that day and the later references to the date
   * use are the event's, the rest is each side's background (PM-MEAN in news-tls). The reports
   * are candidates too, on equal terms with the references: a wire lead often says best what
   * happened, and one that wanders from the event is far from what the references say of it.
   */
  reportsOfTheDay?: SentenceRef[];
}

// Sentences this short are headlines, bylines or fragments; this long, run-on lists. Neither reads well.
const MIN_CONTENT_TERMS = 4;
const MAX_TOKENS = 70;
// Above this similarity a sentence adds nothing new to one already chosen.
const REDUNDANCY_LIMIT = 0.5;
// A timeline line says one thing; beyond this many tokens a sentence carries clauses a reader of
// the timeline does not need, so its weight is scaled down in proportion.
const CONCISE_TOKENS = 30;
// A photo credit, "(AP Photo/Jane Doe)": it and the sentence before it are a caption, not a report.
const PHOTO_CREDIT = /^\(.*\bPhoto\b.*\)$/;
// Page furniture the sentence splitter glued to a sentence: "January 31, 2011 | By Jo Lane, CNN".
// A byline or a "|" separator means the line is not one self-contained sentence. (Datelines such
// as "CAIRO (Reuters) -" are not furniture: they open the wire lead, the most informative sentence.)
const PAGE_FURNITURE = /\||^\s*By [A-Z]/;
// A headline or a section label runs on without a full stop.
const ENDS_A_SENTENCE = /[.!?]['"\u2019\u201d)]*\s*$/;
const LEANS_ON_CONTEXT =
  /^\W*(?:But|And|Yet|Still|However|Also|Meanwhile|He|She|It|They|His|Her|Its|Their|This|That|These|Those|There)\b/;
const OPENS_A_QUOTE = /^\s*(?:["\u201c]|``)/;
const CONTEXT_WEIGHT = 0.5;

/**
 * A quotation opened in the sentence before or closed in the next: the sentence is a piece of a
 * longer quote and does not stand on its own.
 */
function splitsAQuote(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return count(/"/g) % 2 === 1 || count(/``/g) !== count(/''/g) || count(/\u201c/g) !== count(/\u201d/g);
}

interface Candidate {
  ref: SentenceRef;
  vector: SparseVector;
  /** Focus on the date, concision and standing alone: how much the sentence may count, whatever it says. */
  weight: number;
}

/** A photo credit or the caption it closes. */
function isCaption(ref: SentenceRef): boolean {
  const next = ref.article.sentences[ref.sentence.index + 1];
  return PHOTO_CREDIT.test(ref.sentence.text.trim()) || (next !== undefined && PHOTO_CREDIT.test(next.text.trim()));
}

function readable(ref: SentenceRef, terms: readonly string[]): boolean {
  return (
    terms.length >= MIN_CONTENT_TERMS &&
    ref.sentence.tokens.length <= MAX_TOKENS &&
    !isCaption(ref) &&
    !PAGE_FURNITURE.test(ref.sentence.text) &&
    !splitsAQuote(ref.sentence.text) &&
    ENDS_A_SENTENCE.test(ref.sentence.text)
  );
}

function concision(ref: SentenceRef): number {
  return Math.min(1, CONCISE_TOKENS / ref.sentence.tokens.length);
}

/**
 * Half weight for a sentence that leans on the one before it, which the timeline does not show
 * ("But despite this…", "He said…"), or that is a quotation: a timeline line reports, it does not
 * quote.
 */
function standsAlone(ref: SentenceRef): number {
  const text = ref.sentence.text;
  return LEANS_ON_CONTEXT.test(text) || OPENS_A_QUOTE.test(text) ? CONTEXT_WEIGHT : 1;
}

/** The mean vector, narrowed to the terms the day's own reports share with it when there are any. */
function dateCenter(vectors: SparseVector[], reports: SparseVector[]): SparseVector {
  const center = centroid(vectors);
  if (reports.length === 0) return center;
  const reported = centroid(reports);
  const shared: SparseVector = new Map();
  for (const [term, value] of center) {
    const other = reported.get(term);
    if (other !== undefined) shared.set(term, (value + other) / 2);
  }
  return shared.size > 0 ? shared : center;
}

/**
 * A sentence's words, for the topic test: a sentence is in the pools of every date it names and
 * of its day's reports, so it is split once per timeline, not once per pool.
 */
const sentenceWords = new WeakMap<SentenceRef['sentence'], Set<string>>();
function wordsOfSentence(sentence: SentenceRef['sentence']): Set<string> {
  let words = sentenceWords.get(sentence);
  if (!words) sentenceWords.set(sentence, (words = wordSet(sentence.text)));
  return words;
}

function sum(vectors: SparseVector[]): SparseVector {
  const total: SparseVector = new Map();
  for (const vector of vectors) for (const [term, value] of vector) total.set(term, (total.get(term) ?? 0) + value);
  return total;
}

/** The pool followed by the reports it does not already hold: each sentence is a candidate once. */
function withReports(pool: SentenceRef[], reports: SentenceRef[]): SentenceRef[] {
  const pooled = new Set(pool.map((ref) => ref.sentence));
  return [...pool, ...reports.filter((ref) => !pooled.has(ref.sentence))];
}

export function selectSentences(references: SentenceRef[], options: SummarizeOptions): SentenceRef[] {
  if (options.count <= 0 || references.length === 0) return [];
  const pool = withReports(references, options.reportsOfTheDay ?? []);
  const termLists = pool.map((ref) => contentTerms(ref.sentence.tokens));
  const idf = inverseDocumentFrequency(termLists);
  const readableOnes = pool
    .map((ref, i) => ({ ref, terms: termLists[i]! }))
    .filter(({ ref, terms }) => readable(ref, terms));
  // A sentence that names none of the topic words is usually background from a wider story; it is
  // used only when a date has nothing on topic (news-tls keeps keyword sentences only).
  const onTopic = readableOnes.filter(({ ref }) => matchesQuery(wordsOfSentence(ref.sentence), options.query));
  const usable = onTopic.length > 0 ? onTopic : readableOnes;
  if (usable.length === 0) return [];
  const vectors = usable.map(({ terms }) => tfidfVector(terms, idf));
  // Every report is in the pool (withReports), so its terms are there already.
  const termsOf = new Map(pool.map((ref, i) => [ref.sentence, termLists[i]!]));
  const reports = (options.reportsOfTheDay ?? []).map((ref) => tfidfVector(termsOf.get(ref.sentence)!, idf));
  // The aim is set by the sentences that name the date; the reports only narrow it, or a day's
  // reports, which also carry background, would choose their own background.
  const referring = new Set(references.map((ref) => ref.sentence));
  const referenceVectors = vectors.filter((_, i) => referring.has(usable[i]!.ref.sentence));
  const center = dateCenter(referenceVectors.length > 0 ? referenceVectors : vectors, reports);
  const candidates: Candidate[] = usable.map(({ ref }, i) => ({
    ref,
    vector: vectors[i]!,
    weight: (ref.focus ?? 1) * concision(ref) * standsAlone(ref),
  }));

  const chosen: Candidate[] = [];
  const remaining = [...candidates];
  while (chosen.length < options.count && remaining.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const candidate = remaining[i]!;
      const overlap = Math.max(0, ...chosen.map((c) => cosine(c.vector, candidate.vector)));
      if (overlap > REDUNDANCY_LIMIT) continue;
      // Judged by the summary it would make, so a sentence repeating the chosen ones gains little.
      // (The first sentence's summary is itself: its vector, as `sum` would copy it.)
      const summary = chosen.length === 0 ? candidate.vector : sum([...chosen.map((c) => c.vector), candidate.vector]);
      const score = cosine(summary, center) * candidate.weight;
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
