// The select stage: from everything read or stored, the articles a timeline is about. The rules
// are written once, here; the stores answer the same selection with their indexes (see
// src/query.ts), so both paths give the same articles.
import type { AnnotatedArticle, Article, Selection } from '../model.js';
import { hasWords, selectionQuery } from '../query.js';

export { duplicateDetector, groupDuplicates } from './duplicates.js';
export { storyTracker } from './stories.js';

/** Whether a plain article passes the selection's window, outlet and words (everything but the entity check). */
export function articleMatcher(selection: Selection): (article: Article) => boolean {
  const query = selectionQuery(selection);
  return (article) => {
    if (selection.publishedFrom && article.publishedOn < selection.publishedFrom) return false;
    if (selection.publishedTo && article.publishedOn > selection.publishedTo) return false;
    if (selection.source !== undefined && article.source !== selection.source) return false;
    return hasWords(article, query);
  };
}

/** Articles in which the annotator found exactly this name (case-insensitive); all of them without an entity. */
export function mentioning(articles: AnnotatedArticle[], entity: string | undefined): AnnotatedArticle[] {
  if (entity === undefined) return articles;
  const wanted = entity.toLowerCase();
  return articles.filter((a) => a.sentences.some((s) => s.mentions.some((m) => m.text.toLowerCase() === wanted)));
}

/** The full selection over annotated articles held in memory. */
export function selectArticles(articles: AnnotatedArticle[], selection: Selection): AnnotatedArticle[] {
  const matches = articleMatcher(selection);
  return mentioning(
    articles.filter((a) => matches(a.article)),
    selection.entity,
  );
}
