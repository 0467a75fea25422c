// Scoring a mention finder on a CoNLL file: each document becomes one article, the finder reads the
// article's text as a user's article would be read, and its mentions are scored strictly against
// the gold spans. The finder is passed in, so that the CLI can score the whole annotation pipeline
// and tests can score anything.
import type { Mention, MentionKind } from '../../model.js';
import { articleOfDocument, parseConll, type ConllArticle, type EntitySpan } from './conll.js';
import { scoreArticles, type NerScore, type ScoredClass } from './score.js';

const CLASS_OF_KIND: Record<MentionKind, ScoredClass> = { person: 'PER', organization: 'ORG', place: 'LOC' };

export function entityOfMention(mention: Mention): EntitySpan {
  return { start: mention.span.start, end: mention.span.end, type: CLASS_OF_KIND[mention.kind] };
}

export interface ConllEvaluation {
  score: NerScore;
  documents: number;
  sentences: number;
}

/** The articles of a CoNLL file's content, in file order. */
export function conllArticles(content: string): { articles: ConllArticle[]; sentences: number } {
  const documents = parseConll(content);
  return {
    articles: documents.map(articleOfDocument),
    sentences: documents.reduce((sum, document) => sum + document.sentences.length, 0),
  };
}

/** Scores `findMentionsIn` on every document of a CoNLL file's content. */
export function evaluateOnConll(
  content: string,
  findMentionsIn: (text: string) => readonly Mention[],
): ConllEvaluation {
  const { articles, sentences } = conllArticles(content);
  const score = scoreArticles(
    articles.map((article) => ({
      gold: article.entities,
      predicted: findMentionsIn(article.text).map(entityOfMention),
    })),
  );
  return { score, documents: articles.length, sentences };
}
