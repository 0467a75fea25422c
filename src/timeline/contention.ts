// A broad timeline (no topic, or a topic the archive is full of) cannot read every article it
// covers and stay fast: in an archive of a million articles the busiest days have thousands. So
// its dates are chosen from the store's date signal, the votes the date-wise method counts
// (publications, and references after the fact or ahead of it) counted by an index without
// reading an article, and each chosen date is summarised from a bounded sample of its articles:
// the first reports that refer to it and the first published on it. The cost follows the
// timeline's length, not the archive's size. What the signal lacks is the typicality weight of
// the referring sentences, which measures how central a sentence is to one story: across a whole
// archive there is no one story, and the raw counts are the measure of what mattered.
import type { DateRef, DateSignal, TimelineOptions } from '../model.js';
import { COARSE_WEIGHT, PLANNED_WEIGHT, PUBLICATION_WEIGHT, inRange, precisionRank } from './evidence.js';

/**
 * Articles read per chosen date, of each kind (referring to it, published on it): enough for
 * the summary sentences of a day, which come from its first reports.
 */
export const ARTICLES_PER_DATE = 30;

function signalScore({ date, published, reported, planned }: DateSignal): number {
  return (
    PUBLICATION_WEIGHT * published +
    (date.granularity === 'day' ? 1 : COARSE_WEIGHT) * (reported + PLANNED_WEIGHT * planned)
  );
}

/** The dates a broad timeline shows, best first: days before months and years, as the date-wise method ranks them. */
export function broadDates(signal: readonly DateSignal[], options: TimelineOptions): DateRef[] {
  return signal
    .filter((s) => inRange(s.date, options))
    .map((s) => ({ date: s.date, score: signalScore(s) }))
    .sort(
      (a, b) =>
        precisionRank(a.date) - precisionRank(b.date) || b.score - a.score || a.date.value.localeCompare(b.date.value),
    )
    .slice(0, options.dates)
    .map((c) => c.date);
}
