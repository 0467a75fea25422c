// Topic queries. A query is a list of alternatives separated by commas (like Timeline17's keyword
// lists: "oil spill, BP"); the words inside one alternative must all appear. Matching is on
// lower-cased word prefixes so "evacuat" finds "evacuation" and "evacuated".

export type TopicQuery = string[][];

export function parseQuery(query: string | undefined): TopicQuery {
  if (!query) return [];
  return query
    .split(',')
    .map((alternative) => alternative.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => words.length > 0);
}

/** Lower-cased words of a text, for repeated matching. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
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
