import { describe, expect, it } from 'vitest';
import { annotated } from '../../test/support/builders.js';
import { entitiesOf } from './entry.js';

describe('the names of an entry', () => {
  it('counts a name once whatever its case, shown as the running text writes it', () => {
    const article = annotated({
      id: 'a',
      source: 'Coast Wire',
      publishedOn: '2025-04-08',
      sentences: [
        { text: 'VELMORA DOCKERS STRIKE', mentions: [{ text: 'VELMORA', kind: 'place' }] },
        { text: 'Dockers in Velmora walked out.', mentions: [{ text: 'Velmora', kind: 'place' }] },
        {
          text: 'Ines Marr spoke in Velmora.',
          mentions: [
            { text: 'Ines Marr', kind: 'person' },
            { text: 'Velmora', kind: 'place' },
          ],
        },
      ],
    });
    expect(entitiesOf(article.sentences.map((sentence) => ({ article, sentence })))).toEqual([
      { text: 'Velmora', kind: 'place', count: 3 },
      { text: 'Ines Marr', kind: 'person', count: 1 },
    ]);
  });
});
