import { describe, expect, it } from 'vitest';
import { annotated } from '../../test/support/builders.js';
import { selectArticles } from './index.js';
import { matchesQuery, parseQuery, queryOverlap, wordSet } from '../query.js';

describe('topic queries', () => {
  it('reads comma-separated alternatives of required words', () => {
    expect(parseQuery('Oil spill, BP')).toEqual([['oil', 'spill'], ['bp']]);
    expect(parseQuery('  , ')).toEqual([]);
    expect(parseQuery(undefined)).toEqual([]);
  });

  it('matches when one alternative has all its words, as word prefixes', () => {
    const words = wordSet('Ferries evacuated 460 residents from the island.');
    expect(matchesQuery(words, parseQuery('evacuat island'))).toBe(true);
    expect(matchesQuery(words, parseQuery('evacuat harbour'))).toBe(false);
    expect(matchesQuery(words, parseQuery('evacuat harbour, ferr'))).toBe(true);
    expect(matchesQuery(words, [])).toBe(true);
  });

  it('scores the share of distinct query words present', () => {
    expect(queryOverlap(wordSet('the strike closed the port'), parseQuery('strike, port, talks'))).toBeCloseTo(2 / 3);
    expect(queryOverlap(wordSet('anything'), [])).toBe(0);
  });
});

describe('selecting articles', () => {
  const articles = [
    annotated({
      id: 'a',
      source: 'S',
      publishedOn: '2025-04-01',
      sentences: [{ text: 'Dock workers began a strike.' }],
    }),
    annotated({ id: 'b', source: 'S', publishedOn: '2025-04-05', sentences: [{ text: 'The ferry left the island.' }] }),
    annotated({
      id: 'c',
      source: 'S',
      publishedOn: '2025-04-09',
      sentences: [{ text: 'The strike entered its second week.' }],
    }),
  ];
  const ids = (selection: Parameters<typeof selectArticles>[1]) =>
    selectArticles(articles, selection).map((a) => a.article.id);

  it('keeps articles on the topic and inside the publication window', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ query: 'strike' })).toEqual(['a', 'c']);
    expect(ids({ query: 'strike', publishedFrom: '2025-04-02' })).toEqual(['c']);
    expect(ids({ publishedTo: '2025-04-05' })).toEqual(['a', 'b']);
  });
});
