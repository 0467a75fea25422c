// What a timeline method works on: annotated articles plus the duplicate groups that say which
// articles are one story, so a wire copy printed on five sites counts as one piece of evidence.
import type { AnnotatedArticle, DateRef, DuplicateGroup, Sentence, Timeline } from '../model.js';

export interface TimelineCorpus {
  articles: AnnotatedArticle[];
  duplicateGroups: DuplicateGroup[];
  /**
   * The dates the articles were read for, when they are a sample about those dates only (a broad
   * timeline, see contention.ts): the method summarises these dates and no others.
   */
  readFor?: DateRef[];
}

/** A sentence together with the article it belongs to. */
export interface SentenceRef {
  article: AnnotatedArticle;
  sentence: Sentence;
  /**
   * How much the sentence is about the date being summarised, 1 at most. A sentence that names
   * several dates is mainly about the first ("on Saturday named a mediator in the strike that
   * began on April 1" is about Saturday). Absent means 1.
   */
  focus?: number;
}

export interface IndexedCorpus {
  articles: AnnotatedArticle[];
  /** Article id → the id of the article that stands for its story (itself when unique). */
  storyOf: Map<string, string>;
  /** Article id → the other articles with the same story. */
  copiesOf: Map<string, string[]>;
  duplicates: number;
  /** The dates a timeline may show: all of them when absent (see TimelineCorpus.readFor). */
  readFor?: Set<string>;
}

export function indexCorpus(corpus: TimelineCorpus): IndexedCorpus {
  const present = new Set(corpus.articles.map((a) => a.article.id));
  const storyOf = new Map<string, string>();
  const copiesOf = new Map<string, string[]>();
  let duplicates = 0;
  for (const group of corpus.duplicateGroups) {
    const members = group.memberIds.filter((id) => present.has(id));
    if (members.length < 2) continue;
    // The representative may have been filtered out (date window, query): the earliest present member stands in.
    const representative = members.includes(group.representativeId) ? group.representativeId : members[0]!;
    for (const id of members) {
      storyOf.set(id, representative);
      copiesOf.set(
        id,
        members.filter((other) => other !== id),
      );
    }
    duplicates += members.length - 1;
  }
  for (const id of present) if (!storyOf.has(id)) storyOf.set(id, id);
  // In one fixed order (publication, then id), so that scores summed over articles come out the
  // same to the last bit whether the articles were read from files or from the store.
  const articles = [...corpus.articles].sort(
    (a, b) => a.article.publishedOn.localeCompare(b.article.publishedOn) || a.article.id.localeCompare(b.article.id),
  );
  return {
    articles,
    storyOf,
    copiesOf,
    duplicates,
    ...(corpus.readFor && { readFor: new Set(corpus.readFor.map(dateKey)) }),
  };
}

/** Whether the timeline may show this date (always, unless the corpus was read for some dates only). */
export function mayShow(index: IndexedCorpus, date: DateRef): boolean {
  return index.readFor === undefined || index.readFor.has(dateKey(date));
}

/** A date's identity: the same day, month or year is the same key. */
export function dateKey(date: DateRef): string {
  return `${date.granularity}:${date.value}`;
}

/** Articles that are not copies of an earlier one: the independent evidence. */
export function independentArticles(index: IndexedCorpus): AnnotatedArticle[] {
  return index.articles.filter((a) => index.storyOf.get(a.article.id) === a.article.id);
}

/** What a timeline was built from: articles, sentences, and how many articles were copies. */
export function corpusStats(index: IndexedCorpus): Timeline['stats'] {
  return {
    articles: index.articles.length,
    sentences: index.articles.reduce((n, a) => n + a.sentences.length, 0),
    duplicates: index.duplicates,
  };
}
