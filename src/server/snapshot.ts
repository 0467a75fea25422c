// The stored articles held in memory between requests: clicking through a timeline asks for the
// same articles again and again, and the store has no lookup by id. Results computed from them
// (timelines, which take seconds on a large store) are kept too, for the same clicks and exports.
// Uploads call invalidate(), which drops both.
import type { AnnotatedArticle, Article, DuplicateGroup } from '../model.js';
import { selectArticles } from '../select/index.js';
import type { Store } from '../store/store.js';
import type { TimelineCorpus } from '../timeline/index.js';
import { RecentResults } from './recent.js';

export interface StorySelection {
  query?: string | undefined;
  entity?: string | undefined;
}

interface Loaded {
  articles: AnnotatedArticle[];
  byId: Map<string, AnnotatedArticle>;
  groups: DuplicateGroup[];
}

/** How many computed results a snapshot keeps. */
const REMEMBERED_RESULTS = 32;

export class StoreSnapshot {
  /** A promise, so that requests arriving while the store is being read share one read. */
  private loaded: Promise<Loaded> | undefined;
  private readonly results = new RecentResults(REMEMBERED_RESULTS);

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.loaded = undefined;
    this.results.clear();
  }

  /** The result computed for `key` since the last invalidate(), computing it on first use. */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.results.get(key, compute);
  }

  private current(): Promise<Loaded> {
    if (!this.loaded) {
      const loading = this.load();
      // A failed read is not kept: the next request tries again.
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = undefined;
      });
      this.loaded = loading;
    }
    return this.loaded;
  }

  private async load(): Promise<Loaded> {
    const articles = await this.store.articles();
    return { articles, byId: new Map(articles.map((a) => [a.article.id, a])), groups: await this.store.duplicateGroups() };
  }

  /** The same selection `corpusFromStore` makes (topic words), narrowed to articles naming the entity. */
  async corpus(selection: StorySelection): Promise<TimelineCorpus> {
    const { articles, groups } = await this.current();
    let selected = selectArticles(articles, selection.query ? { query: selection.query } : {});
    if (selection.entity) selected = mentioning(selected, selection.entity);
    const present = new Set(selected.map((a) => a.article.id));
    return { articles: selected, duplicateGroups: groups.filter((g) => g.memberIds.some((id) => present.has(id))) };
  }

  async article(id: string): Promise<AnnotatedArticle | undefined> {
    return (await this.current()).byId.get(id);
  }

  /** The other articles carrying the same story as `id` (wire copies, reprints). */
  async copiesOf(id: string): Promise<Article[]> {
    const { byId, groups } = await this.current();
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
