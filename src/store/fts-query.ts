// Turns what a person typed into full-text query terms that cannot be a syntax error, for
// either backend.

const HAS_SEARCHABLE_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The whitespace-separated words of a query that can match anything: words without a letter or
 * digit are dropped, as both tokenizers would reduce them to nothing.
 */
export function searchWords(query: string): string[] {
  return query.split(/\s+/u).filter((word) => HAS_SEARCHABLE_CHARACTER.test(word));
}

/**
 * One quoted FTS5 phrase per search word. Inside double quotes FTS5 reads everything as text for
 * the tokenizer, so `AND`, `NEAR(`, `*`, `col:` and stray quotes are searched as words rather
 * than parsed as operators; "U.S." stays one phrase ("u s").
 */
export function ftsPhrases(query: string): string[] {
  return searchWords(query).map((word) => `"${word.replaceAll('"', '""')}"`);
}
