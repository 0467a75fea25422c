import { describe, expect, it } from 'vitest';
import { annotated } from '../../test/builders.js';
import type { SentenceRef } from './corpus.js';
import { selectSentences } from './summarize.js';

const refsOf = (article: ReturnType<typeof annotated>): SentenceRef[] => article.sentences.map((sentence) => ({ article, sentence }));

describe('choosing summary sentences', () => {
  it('never picks a photo caption', () => {
    const article = annotated({
      id: 'a',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        { text: 'Passengers from the stranded ferry are helped ashore at the old harbour in Velmora.' },
        { text: '(Coastal Wire Photo/Anders Pell)' },
        { text: 'Coast guard crews took passengers off the stranded ferry outside the harbour of Velmora.' },
      ],
    });
    const chosen = selectSentences(refsOf(article), { count: 2, query: [] });
    expect(chosen.map((r) => r.sentence.index)).toEqual([2]);
  });

  it('prefers the concise of two sentences saying the same thing', () => {
    const article = annotated({
      id: 'b',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        {
          text:
            'Coast guard crews evacuated the ferry passengers on Sunday, officials said, in an operation that, according to several people who were there and who asked not to be named because they were not allowed to speak, lasted far longer than the harbour authorities had expected it to last.',
        },
        { text: 'Coast guard crews evacuated the ferry passengers on Sunday.' },
      ],
    });
    const [first] = selectSentences(refsOf(article), { count: 1, query: [] });
    expect(first!.sentence.index).toBe(1);
  });
});
