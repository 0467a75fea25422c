import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { annotateArticle } from './index.js';
import { createAnnotatorPool } from './pool.js';

const articles: Article[] = Array.from({ length: 7 }, (_, i) => ({
  id: `a${i}`,
  source: 'Test Wire',
  publishedOn: '2025-04-08',
  text: `Ferry crew ${i} left Lunholm on Monday. About ${100 + i} passengers waited at the quay until Tuesday night.`,
  origin: { file: `a${i}.txt` },
}));

describe('the annotator pool', () => {
  it('annotates in worker threads exactly as on the main thread, in input order', async () => {
    const pool = createAnnotatorPool(3);
    try {
      expect(await pool.run(articles)).toEqual(articles.map(annotateArticle));
      expect(await pool.run(articles.slice(0, 1))).toEqual([annotateArticle(articles[0]!)]);
      expect(await pool.run([])).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
