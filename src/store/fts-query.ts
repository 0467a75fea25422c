// Turns what a person typed into FTS5 query terms that cannot be a syntax error.

const HAS_SEARCHABLE_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * One quoted FTS5 phrase per whitespace-separated word of the query. Inside double quotes FTS5
 * reads everything as text for the tokenizer, so `AND`, `NEAR(`, `*`, `col:` and stray quotes
 * are searched as words rather than parsed as operators; "U.S." stays one phrase ("u s").
 * Words without a letter or digit are dropped: the tokenizer would reduce them to nothing.
 */
export function ftsPhrases(query: string): string[] {
  return query
    .split(/\s+/u)
    .filter((word) => HAS_SEARCHABLE_CHARACTER.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"`);
}
