import { describe, expect, it } from 'vitest';
import { tokenSpans, tokenize } from './tokens.js';

describe('tokenize', () => {
  it.each([
    ['The U.S.-backed forces', ['The', 'U.S.-backed', 'forces']],
    ['camps at al-Hol filled', ['camps', 'at', 'al-Hol', 'filled']],
    ['some 2,000 people.', ['some', '2,000', 'people', '.']],
    ['Gen. Tolland arrived', ['Gen.', 'Tolland', 'arrived']],
    ['"We stay," he said.', ['"', 'We', 'stay', ',', '"', 'he', 'said', '.']],
    ["Brell's union", ['Brell', "'s", 'union']],
    ['the 5th day', ['the', '5th', 'day']],
    ['at 10 a.m. on', ['at', '10', 'a.m.', 'on']],
    ['J. R. Smith', ['J.', 'R.', 'Smith']],
    [
      "President 's ban -LRB- AP -RRB- `` yes ''",
      ['President', "'s", 'ban', '-LRB-', 'AP', '-RRB-', '``', 'yes', "''"],
    ],
  ])('%s', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('gives offsets that slice back to each token', () => {
    const text = 'Labour Minister Anna Kovac’s aides said 1.5 million…';
    for (const token of tokenSpans(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});
