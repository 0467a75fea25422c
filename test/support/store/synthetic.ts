// Deterministic, fictional annotated articles for store tests and throughput measurements.
// Every span points at the words it claims (text.slice(span) === annotation text), so the
// articles look like what the annotator produces, without depending on the annotator.
import { createHash } from 'node:crypto';
import type { AnnotatedArticle, DuplicateDetector, Mention, Quantity, Sentence, Timex } from '../../../src/model.js';
import { duplicateDetector, storyTracker } from '../../../src/select/index.js';
import { storableArticle, type StorableArticle } from '../../../src/store/storable.js';

const PLACES = ['Larkfield', 'Osterby', 'Wrenmouth', 'Caldervale', 'Pennick Bay'];
const PEOPLE = ['Mira Solberg', 'Tobias Venn', 'Aurelie Quist', 'Hamid Orrell'];
const ORGANIZATIONS = ['the Ferry Guild', 'Tidewater Council', 'the Lantern Cooperative'];
const UNITS = ['boats', 'volunteers', 'lanterns', 'crates'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2031, 0, 1);

export interface SyntheticOptions {
  /** Sentences per article (real news articles have 15–40). */
  sentences?: number;
}

/** Article number `n` of an endless fictional corpus: same `n`, same article, same hash. */
export function syntheticArticle(n: number, options: SyntheticOptions = {}): AnnotatedArticle {
  const sentenceCount = options.sentences ?? 8;
  const publishedOn = isoDay(FIRST_DAY + (n % 400) * DAY_MS);
  const sentences: Sentence[] = [];
  let text = '';
  for (let index = 0; index < sentenceCount; index++) {
    if (index > 0) text += ' ';
    const sentence = syntheticSentence(n, index, text.length, publishedOn);
    text += sentence.text;
    sentences.push(sentence);
  }
  return {
    article: {
      id: `synthetic-${n}`,
      source: `gazette-${n % 3}`,
      publishedOn,
      // Optional fields present on some articles only, so round-trips cover both shapes.
      ...(n % 2 === 0 && { title: `${pick(PLACES, n)} lantern festival, day ${n}` }),
      ...(n % 3 === 0 && { url: `https://example.org/lanterns/${n}` }),
      text,
      origin: n % 2 === 0 ? { file: 'synthetic.jsonl', line: n + 1 } : { file: `synthetic/${n}.txt` },
    },
    contentHash: sha256(text),
    sentences,
  };
}

/** Articles `first` .. `first + count - 1`. */
export function syntheticArticles(first: number, count: number, options: SyntheticOptions = {}): AnnotatedArticle[] {
  return Array.from({ length: count }, (_, offset) => syntheticArticle(first + offset, options));
}

/** A copy of `articles` in the order `Store.articles` returns them: publication date, then id. */
export function inStoreOrder(articles: readonly AnnotatedArticle[]): AnnotatedArticle[] {
  const key = ({ article }: AnnotatedArticle) => [article.publishedOn, article.id] as const;
  return [...articles].sort((a, b) => {
    const [dayA, idA] = key(a);
    const [dayB, idB] = key(b);
    return dayA !== dayB ? (dayA < dayB ? -1 : 1) : idA === idB ? 0 : idA < idB ? -1 : 1;
  });
}

/**
 * One sentence of the form "On <day>, <person> of <organization> counted <number> <unit> in
 * <place>." with its annotations; `offset` is where it starts in the article text.
 */
function syntheticSentence(n: number, index: number, offset: number, publishedOn: string): Sentence {
  const seed = n * 31 + index;
  const person = pick(PEOPLE, seed);
  const organization = pick(ORGANIZATIONS, seed + 1);
  const place = pick(PLACES, seed + 2);
  const unit = pick(UNITS, seed + 3);
  const amount = String(10 + (seed % 490));
  const approximate = seed % 4 === 0;
  const figure = approximate ? `some ${amount} ${unit}` : `${amount} ${unit}`;
  const when = index % 2 === 0 ? 'Monday' : 'for two weeks';

  const parts = ['On ', when, ', ', person, ' of ', organization, ' counted ', figure, ' in ', place, `, entry ${n}.`];
  const sentenceText = parts.join('');
  const spanOf = (partIndex: number) => {
    const start = offset + parts.slice(0, partIndex).join('').length;
    return { start, end: start + parts[partIndex]!.length };
  };

  const timex: Timex =
    when === 'Monday'
      ? {
          text: when,
          span: spanOf(1),
          type: 'DATE',
          value: publishedOn,
          refersTo: { value: publishedOn, granularity: 'day' },
          anchor: publishedOn,
          evidence: `"Monday" in an article of ${publishedOn} → the same day`,
        }
      : {
          text: when,
          span: spanOf(1),
          type: 'DURATION',
          value: 'P2W',
          mod: 'APPROX',
          anchor: publishedOn,
          evidence: 'a duration, not a date',
        };
  const mentions: Mention[] = [
    { text: person, span: spanOf(3), kind: 'person' },
    { text: organization, span: spanOf(5), kind: 'organization' },
    { text: place, span: spanOf(9), kind: 'place' },
  ];
  const quantities: Quantity[] =
    index % 3 === 2 ? [] : [{ text: figure, span: spanOf(7), value: Number(amount), approximate, unit }];

  return {
    index,
    text: sentenceText,
    span: { start: offset, end: offset + sentenceText.length },
    tokens: sentenceText.split(/(?=[,.])|\s+/u).filter((token) => token !== ''),
    timexes: [timex],
    mentions,
    quantities,
  };
}

function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length]!;
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Articles as a store takes them, keyed by `detector`. */
export function ready(
  batch: readonly AnnotatedArticle[],
  detector: DuplicateDetector = duplicateDetector,
): StorableArticle[] {
  return batch.map((annotated) => storableArticle(annotated, detector, storyTracker));
}
