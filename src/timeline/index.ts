// The timeline stage's front: the available methods by name.
import { clusters } from './clusters.js';
import { datewise } from './datewise.js';
import type { TimelineMethod } from './method.js';
import { DEFAULT_METHOD_NAME, type TimelineMethodName } from './names.js';

export type { TimelineMethod } from './method.js';
export { independentArticles, indexCorpus, type IndexedCorpus, type TimelineCorpus } from './corpus.js';
export { ARTICLES_PER_DATE, broadDates } from './contention.js';

export { DEFAULT_METHOD_NAME, TIMELINE_METHOD_NAMES, isTimelineMethodName, type TimelineMethodName } from './names.js';

export const timelineMethods: Record<TimelineMethodName, TimelineMethod> = { datewise, clusters };

export const defaultMethod = timelineMethods[DEFAULT_METHOD_NAME];
