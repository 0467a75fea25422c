// The select stage: from everything read or stored, the articles a timeline is about.
import type { AnnotatedArticle, IsoDay } from '../model.js';
import { matchesQuery, parseQuery, wordSet } from './query.js';

export interface Selection {
  query?: string;
  /** Inclusive publication-date bounds. */
  publishedFrom?: IsoDay;
  publishedTo?: IsoDay;
}

export function selectArticles(articles: AnnotatedArticle[], selection: Selection): AnnotatedArticle[] {
  const query = parseQuery(selection.query);
  return articles.filter(({ article }) => {
    if (selection.publishedFrom && article.publishedOn < selection.publishedFrom) return false;
    if (selection.publishedTo && article.publishedOn > selection.publishedTo) return false;
    // Without a topic every article matches: skip reading the words of each.
    return query.length === 0 || matchesQuery(wordSet(article.title ? `${article.title} ${article.text}` : article.text), query);
  });
}
