// Every timeline method has this shape, so methods can be swapped and compared in one run.
import type { Timeline, TimelineOptions } from '../model.js';
import type { TimelineCorpus } from './corpus.js';

export interface TimelineMethod {
  readonly name: string;
  build(corpus: TimelineCorpus, options: TimelineOptions): Timeline;
}
