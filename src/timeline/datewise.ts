// The date-wise method (after Martschat & Markert 2018, Gholipour Ghalandari & Ifrim 2020): first
// decide which dates matter, then summarise each date from the sentences that talk about it.
//
// A date matters when many independent sentences refer to it and many articles are published on
// it. References are the stronger signal: an event is still written about days after it happened,
// whereas a publication date also collects follow-ups and background.
import type { Timeline, TimelineOptions } from '../model.js';
import type { TimelineCorpus } from './corpus.js';
import { precisionRank } from './evidence.js';
import type { TimelineMethod } from './method.js';
import { dateCandidates, summaryContext, summariseDate, takeEntries, timelineOf, type DateCandidate } from './steps.js';

export const datewise: TimelineMethod = {
  name: 'datewise',
  build(corpus: TimelineCorpus, options: TimelineOptions): Timeline {
    const context = summaryContext(corpus, options);
    // A day only one article supports comes after the days several do: one long, repetitive
    // article must not fill the timeline with the days only it mentions.
    const singleSource = (c: DateCandidate) => (c.supporters > 1 ? 0 : 1);
    const ranked = dateCandidates(context.index, options).sort(
      (a, b) =>
        precisionRank(a.date) - precisionRank(b.date) ||
        singleSource(a) - singleSource(b) ||
        b.score - a.score ||
        a.date.value.localeCompare(b.date.value),
    );
    const entries = takeEntries(ranked, options.dates, (candidate) =>
      summariseDate(
        candidate.date,
        candidate.score,
        candidate.referring.length > 0 ? candidate.referring : candidate.published,
        context,
      ),
    );
    return timelineOf('datewise', entries, context);
  },
};
