import { describe, expect, it } from 'vitest';
import { safeFileName } from './upload.js';

describe('safeFileName', () => {
  it.each([
    ['story.txt', 'story.txt'],
    ['feeds/2025/wire.jsonl', 'wire.jsonl'],
    ['..\\..\\etc\\passwd', 'passwd'],
    ['../../.bashrc', 'bashrc'],
    ['Harbour news (final).html', 'Harbour_news_final_.html'],
    ['..', 'article.txt'],
    ['', 'article.txt'],
  ])('%j → %j: no folders, no dot-files, the extension kept', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
