// The one topic-query language, for every way to a timeline (files, SQLite, PostgreSQL, the web
// app, the benchmarks). A query is a list of alternatives separated by commas, like Timeline17's
// keyword lists ("oil spill, BP"); the words inside one alternative must all appear, in any
// order, in the article's headline or lead (its first three sentences). A word matches as a
// lower-cased prefix, so "evacuat" finds "evacuation" and "evacuated". Words are runs of letters
// and digits: "U.S." is the two words "u" and "s", and punctuation can never be a syntax error.
//
// Why the lead: news is written as an inverted pyramid, so what an article is about is in its
// headline and first sentences, while a name in the tenth paragraph is a mention in passing. In
// an archive that is what tells the Michael Jackson story from the oil-spill story quoting a
// Michael: on Timeline17, 92-97 % of a topic's own articles name it in the lead, and 13-20 % of
// the other topics' articles that name it anywhere do.
//
// The stores index the same words (`indexedWords`) and compile the same query to their full-text
// engines (`ftsMatch`, `tsQueries`), so a store answers exactly what the in-memory match would.
import { splitSentences } from './annotate/sentences.js';
import type { Selection, Span } from './model.js';

export type TopicQuery = string[][];

/** Sentences that make an article's lead, where its topic is named. */
const TOPIC_LEAD_SENTENCES = 3;

/** What a store looks up for a selection: topic words in the lead, name words anywhere. */
export interface WordQuery {
  /** Alternatives of required words, matched in the headline and lead. */
  topic: TopicQuery;
  /** Required words anywhere in the article (the words of a name the selection asks for). */
  names: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased words of a text, in order, repeats included. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Why a query typed by a user cannot be used, or undefined when it can. A query without a single
 * letter or digit ('"', '*', '-', an emoji) asks for no word at all: read as "no topic" it would
 * return the whole archive, which is never what was meant, so callers refuse it with this reason.
 * The empty query (nothing typed) is "no topic" and is fine.
 */
export function queryProblem(query: string | undefined): string | undefined {
  if (query === undefined || query.trim() === '') return undefined;
  if (parseQuery(query).length > 0) return undefined;
  return 'the query has no word in it (words are letters and digits; punctuation, symbols and emoji are not searched): give at least one word, or leave the query out for the whole archive';
}

/**
 * A `story:<id>` term in a typed query names one story of the archive (see `chronicle stories`)
 * rather than words: "story:3f2a9c1b7d04, strike" is that story's articles about a strike.
 */
const STORY_TERM = /(?:^|[\s,])story:([0-9a-f]{12})(?=$|[\s,])/i;

/** A story id as story tracking makes them (select/stories.ts storyId): 12 hexadecimal digits. */
export const STORY_ID = /^[0-9a-f]{12}$/;

/** A typed query split into its story term (if any) and the words that remain. */
export function storyTermOf(query: string): { story?: string; words: string } {
  const found = STORY_TERM.exec(query);
  if (!found) return { words: query };
  const words = (query.slice(0, found.index) + ' ' + query.slice(found.index + found[0].length))
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
  return { story: found[1]!.toLowerCase(), words };
}

export function parseQuery(query: string | undefined): TopicQuery {
  if (!query) return [];
  return query
    .split(',')
    .map(wordsOf)
    .filter((words) => words.length > 0);
}

/**
 * The words an article must contain for a selection: its topic query in the lead, and the words
 * of its entity's name anywhere, as every article mentioning the entity contains them. The
 * stores push this down to their indexes; the entity itself is checked on the annotations.
 */
export function selectionQuery(selection: Selection): WordQuery {
  return { topic: parseQuery(selection.query), names: selection.entity ? wordsOf(selection.entity) : [] };
}

/** The whole article: the headline, when there is one, and the text. */
export function searchableText(article: { title?: string; text: string }): string {
  return article.title ? `${article.title} ${article.text}` : article.text;
}

/**
 * What a topic is matched against: the headline and the first sentences. An annotated article's
 * sentences are the ones `splitSentences` finds, so a writer that has them passes them rather
 * than splitting the text again.
 */
export function leadText(
  article: { title?: string; text: string },
  sentences: readonly { span: Span }[] = splitSentences(article.text).map((span) => ({ span })),
): string {
  const lead = article.text.slice(0, sentences[Math.min(TOPIC_LEAD_SENTENCES, sentences.length) - 1]?.span.end ?? 0);
  return article.title ? `${article.title} ${lead}` : lead;
}

/** Lower-cased words of a text, for repeated matching. */
export function wordSet(text: string): Set<string> {
  return new Set(wordsOf(text));
}

/** The distinct words of an article's lead and of all of it, space-separated: what the stores' full-text indexes hold. */
export function indexedWords(
  article: { title?: string; text: string },
  sentences?: readonly { span: Span }[],
): { lead: string; all: string } {
  return {
    lead: [...wordSet(leadText(article, sentences))].join(' '),
    all: [...wordSet(searchableText(article))].join(' '),
  };
}

/** Whether a plain article has the words a selection asks for. */
export function hasWords(article: { title?: string; text: string }, query: WordQuery): boolean {
  if (query.topic.length > 0 && !matchesQuery(wordSet(leadText(article)), query.topic)) return false;
  return query.names.length === 0 || matchesQuery(wordSet(searchableText(article)), [query.names]);
}

function hasWord(words: Set<string>, prefix: string): boolean {
  if (words.has(prefix)) return true;
  for (const word of words) if (word.startsWith(prefix)) return true;
  return false;
}

/** True when one alternative of the query has all its words in the text (an empty query matches all). */
export function matchesQuery(words: Set<string>, query: TopicQuery): boolean {
  if (query.length === 0) return true;
  return query.some((alternative) => alternative.every((word) => hasWord(words, word)));
}

/** How many distinct query words occur: a relevance signal for sentence scoring. */
export function queryOverlap(words: Set<string>, query: TopicQuery): number {
  const distinct = new Set(query.flat());
  let hits = 0;
  for (const word of distinct) if (hasWord(words, word)) hits++;
  return distinct.size === 0 ? 0 : hits / distinct.size;
}

/**
 * The query as an FTS5 MATCH expression over the `lead` and `words` columns of `indexedWords`:
 * prefix terms ANDed within an alternative, alternatives ORed. Words hold only letters and
 * digits, so quoting them is all the escaping needed. Empty when no word is asked for (then the
 * index is not needed).
 */
export function ftsMatch(query: WordQuery): string {
  const all = (words: readonly string[]) => `(${words.map((word) => `"${word}"*`).join(' AND ')})`;
  const parts = [
    ...(query.topic.length > 0 ? [`(lead : (${query.topic.map(all).join(' OR ')}))`] : []),
    ...(query.names.length > 0 ? [`(words : ${all(query.names)})`] : []),
  ];
  return parts.join(' AND ');
}

/** The topic and name parts as PostgreSQL tsqueries (for `to_tsquery('simple', …)`), '' for a part not asked for. */
export function tsQueries(query: WordQuery): { topic: string; names: string } {
  const all = (words: readonly string[]) => `(${words.map((word) => `${word}:*`).join(' & ')})`;
  return { topic: query.topic.map(all).join(' | '), names: query.names.length > 0 ? all(query.names) : '' };
}
