// The timeline stage's front: the available methods by name.
import { clusters } from './clusters.js';
import { datewise } from './datewise.js';
import type { TimelineMethod } from './method.js';

export type { TimelineMethod } from './method.js';
export { independentArticles, indexCorpus, type IndexedCorpus, type TimelineCorpus } from './corpus.js';
export { ARTICLES_PER_DATE, broadDates } from './contention.js';

export const timelineMethods: Record<string, TimelineMethod> = {
  [datewise.name]: datewise,
  [clusters.name]: clusters,
};

export const defaultMethod = datewise;
