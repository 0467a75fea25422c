// The content words of a text, as every comparison of texts sees them (sentence similarity in the
// timeline methods, story tracking in select): lower-cased, function words out, a plural "s" dropped.

// Function words carry no topic; the list is short on purpose (names, numbers and verbs stay).
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto over under about after before ' +
    'than then so that this these those there here is are was were be been being am do does did has have had ' +
    "it its it's he she they them his her their our we you your i me my us who whom whose which what when " +
    'where why how not no nor also just only very more most some any all each both other such own same ' +
    'can could will would shall should may might must said says say told according up down out off again ' +
    'further once while during until against between through because per via'
  ).split(' '),
);

// Token → its term, or null for no term. A collection repeats few distinct tokens many times, and
// a whole store's sentences are read when weighing date references.
const termOfToken = new Map<string, string | null>();
const MAX_REMEMBERED_TOKENS = 500_000;

function termOf(token: string): string | null {
  const lower = token.toLowerCase();
  if (!/\p{L}/u.test(lower) || FUNCTION_WORDS.has(lower) || lower.length < 2) return null;
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** Content words of a token list, lower-cased; a plural "s" is dropped so "trucks" meets "truck". */
export function contentTerms(tokens: string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    let term = termOfToken.get(token);
    if (term === undefined) {
      term = termOf(token);
      if (termOfToken.size >= MAX_REMEMBERED_TOKENS) termOfToken.clear();
      termOfToken.set(token, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}
