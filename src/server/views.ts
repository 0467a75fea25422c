// What the server reads from the store on its main thread, and the answers it computed (on its
// computing threads, compute.ts) kept in a small bounded cache keyed by the store's version, so
// clicks and exports of one timeline are served from memory, a write anywhere (an upload, another
// process's ingest) retires them, and memory stays bounded whatever the store holds.
import type { AnnotatedArticle, Article } from '../model.js';
import type { Store } from '../store/store.js';
import { RecentResults } from './recent.js';

/** Timelines (and other results) kept: each is a few kilobytes. */
const REMEMBERED_RESULTS = 32;

export class StoreViews {
  private readonly results = new RecentResults(REMEMBERED_RESULTS);
  private version: number | undefined;

  constructor(private readonly store: Store) {}

  /** The result computed for `key` at the store's current version, computing it on first use. */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.retireIfChanged();
    return this.results.get(key, compute);
  }

  article(id: string): Promise<AnnotatedArticle | undefined> {
    return this.store.article(id);
  }

  /** The other articles carrying the same story as `id` (wire copies, reprints). */
  async copiesOf(id: string): Promise<Article[]> {
    const [group] = await this.store.duplicateGroups([id]);
    if (!group) return [];
    const copies = await Promise.all(
      group.memberIds.filter((other) => other !== id).map((other) => this.store.article(other)),
    );
    return copies.flatMap((copy) => (copy ? [copy.article] : []));
  }

  private async retireIfChanged(): Promise<void> {
    const version = await this.store.version();
    if (version === this.version) return;
    this.version = version;
    this.results.clear();
  }
}
