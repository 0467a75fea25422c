// The stored articles held in memory between requests: clicking through a timeline asks for the
// same articles again and again, and the store has no lookup by id. Uploads call invalidate().
import type { AnnotatedArticle, Article, DuplicateGroup } from '../model.js';
import { selectArticles } from '../select/index.js';
import type { Store } from '../store/store.js';
import type { TimelineCorpus } from '../timeline/index.js';

export interface StorySelection {
  query?: string | undefined;
  entity?: string | undefined;
}

interface Loaded {
  articles: AnnotatedArticle[];
  byId: Map<string, AnnotatedArticle>;
  groups: DuplicateGroup[];
}

export class StoreSnapshot {
  private loaded: Loaded | undefined;

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.loaded = undefined;
  }

  private current(): Loaded {
    if (!this.loaded) {
      const articles = this.store.articles();
      this.loaded = { articles, byId: new Map(articles.map((a) => [a.article.id, a])), groups: this.store.duplicateGroups() };
    }
    return this.loaded;
  }

  /** The same selection `corpusFromStore` makes (topic words), narrowed to articles naming the entity. */
  corpus(selection: StorySelection): TimelineCorpus {
    const { articles, groups } = this.current();
    let selected = selectArticles(articles, selection.query ? { query: selection.query } : {});
    if (selection.entity) selected = mentioning(selected, selection.entity);
    const present = new Set(selected.map((a) => a.article.id));
    return { articles: selected, duplicateGroups: groups.filter((g) => g.memberIds.some((id) => present.has(id))) };
  }

  article(id: string): AnnotatedArticle | undefined {
    return this.current().byId.get(id);
  }

  /** The other articles carrying the same story as `id` (wire copies, reprints). */
  copiesOf(id: string): Article[] {
    const { byId, groups } = this.current();
    const group = groups.find((g) => g.memberIds.includes(id));
    if (!group) return [];
    return group.memberIds.filter((other) => other !== id).flatMap((other) => byId.get(other)?.article ?? []);
  }
}

/** Articles with a mention of exactly this name (case-insensitive): the entity filter. */
export function mentioning(articles: AnnotatedArticle[], entity: string): AnnotatedArticle[] {
  const wanted = entity.toLowerCase();
  return articles.filter((a) => a.sentences.some((s) => s.mentions.some((m) => m.text.toLowerCase() === wanted)));
}
