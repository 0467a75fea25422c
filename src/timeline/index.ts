// The timeline stage's front: the available methods by name.
import { datewise } from './datewise.js';
import type { TimelineMethod } from './method.js';

export type { TimelineMethod } from './method.js';
export type { TimelineCorpus } from './corpus.js';

export const timelineMethods: Record<string, TimelineMethod> = {
  [datewise.name]: datewise,
};

export const defaultMethod = datewise;
