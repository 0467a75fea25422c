// What the server computes from the store, through the same retrieval path as the CLI: each
// request reads only the articles its selection names. Timelines and corpora are kept in small
// bounded caches keyed by the store's version, so clicks and exports of one timeline are served
// from memory, a write anywhere (an upload, another process's ingest) retires them, and memory
// stays bounded whatever the store holds.
import type { AnnotatedArticle, Article, Selection, TimelineOptions } from '../model.js';
import { corpusFromStore, isBroad } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { TimelineCorpus } from '../timeline/index.js';
import { RecentResults } from './recent.js';
import { dailySignal, type DaySignal } from './signal.js';

/** Timelines (and other results) kept: each is a few kilobytes. */
const REMEMBERED_RESULTS = 32;
/** Corpora kept: each holds a selection's annotated articles, so only the last few. */
const REMEMBERED_CORPORA = 2;

export class StoreViews {
  private readonly results = new RecentResults(REMEMBERED_RESULTS);
  private readonly corpora = new RecentResults(REMEMBERED_CORPORA);
  private version: number | undefined;

  constructor(private readonly store: Store) {}

  /** The result computed for `key` at the store's current version, computing it on first use. */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.retireIfChanged();
    return this.results.get(key, compute);
  }

  /**
   * The articles and duplicate groups of a selection, read from the store once per version. With
   * a timeline's options, a broad selection reads only the articles about its dates in contention.
   */
  async corpus(selection: Selection, timeline?: TimelineOptions): Promise<TimelineCorpus> {
    await this.retireIfChanged();
    return this.corpora.get(JSON.stringify([selection, timeline]), () =>
      corpusFromStore(this.store, selection, timeline),
    );
  }

  /**
   * The evidence plot's days. For a broad selection the store counts them without reading the
   * articles, and a day's references are then the articles referring to it, not their expressions.
   */
  signal(selection: Selection): Promise<DaySignal[]> {
    return this.remember(JSON.stringify(['signal', selection]), async () => {
      if (!(await isBroad(this.store, selection))) return dailySignal(await this.corpus(selection));
      return (await this.store.dateSignal(selection)).flatMap(({ date, published, reported, planned }) =>
        date.granularity === 'day' ? [{ day: date.value, articles: published, references: reported + planned }] : [],
      );
    });
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
    this.corpora.clear();
  }
}
