import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { boundedArticle, MAX_ARTICLE_CHARS, splitText } from './limits.js';

const article = (text: string): Article => ({
  id: 'a1',
  source: 'wire',
  publishedOn: '2025-04-01',
  text,
  origin: { file: 'in/a.txt' },
});

describe('boundedArticle', () => {
  it('passes an ordinary article through untouched', () => {
    const original = article('The strike began on Monday.');
    expect([...boundedArticle(original)]).toEqual([{ kind: 'article', article: original }]);
  });

  it('removes control characters and says how many', () => {
    const items = [...boundedArticle(article('Red \u001b[31malert\u0007 on Monday.\u0000\tTab and\nline stay.'))];
    expect(items[0]).toEqual({
      kind: 'note',
      issue: { file: 'in/a.txt', reason: expect.stringMatching(/^removed 3 control character/) },
    });
    expect(items[1]).toMatchObject({
      kind: 'article',
      article: { text: 'Red [31malert on Monday.\tTab and\nline stay.' },
    });
  });

  it('splits a text over the limit into parts at paragraph breaks, with part ids and a note', () => {
    const paragraph = 'x'.repeat(99) + '\n\n';
    const items = [...boundedArticle(article(paragraph.repeat(25)), 1_000)];
    expect(items[0]).toMatchObject({
      kind: 'note',
      issue: { reason: expect.stringMatching(/over the 1,000-character limit for one article: split into 3 parts/) },
    });
    const parts = items.slice(1).map((item) => (item.kind === 'article' ? item.article : undefined));
    expect(parts.map((part) => part?.id)).toEqual(['a1', 'a1#part-2', 'a1#part-3']);
    expect(parts.every((part) => part!.text.length <= 1_000 && part!.text.endsWith('x'))).toBe(true);
  });

  it('keeps every non-space character of a split text, in order, and respects the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', '😀'), maxLength: 3000 }),
        fc.integer({ min: 20, max: 400 }),
        (text, max) => {
          const parts = splitText(text, max);
          expect(parts.every((part) => part.length <= max && part.length > 0)).toBe(true);
          expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
          expect(parts.join('')).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no surrogate pair cut in two
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits 16 MB of text in well under a second per MB', () => {
    const text = 'The harbour strike entered its third day on Wednesday, union officials said. '.repeat(210_000);
    const started = performance.now();
    const items = [...boundedArticle(article(text))];
    const elapsed = performance.now() - started;
    expect(items.filter((item) => item.kind === 'article')).toHaveLength(Math.ceil(text.length / MAX_ARTICLE_CHARS));
    // Generous: one pass and 17 slices (~50 ms here); the bound only catches a quadratic cut.
    expect(elapsed).toBeLessThan(5_000);
  });
});
