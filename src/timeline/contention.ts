// A broad timeline (no topic, or a topic the archive is full of) cannot read every article it
// covers and stay fast. Its dates are first cut from the store's date signal: the votes the
// date-wise method counts (publications, and references after the fact or ahead of it), without
// the typicality weight that needs the sentences. Only the articles about the dates in contention
// are then read, and the method decides among those dates as usual: every article about a date
// in contention is read, so their ranking is the method's own.
import type { DateRef, DateSignal, TimelineOptions } from '../model.js';
import { COARSE_WEIGHT, PLANNED_WEIGHT, PUBLICATION_WEIGHT, inRange, precisionRank } from './evidence.js';

/**
 * Dates in contention per date asked for. The signal's ranking and the method's differ only by
 * the typicality of the referring sentences, which moves a date a few places, not a timeline's
 * length.
 */
export const CONTENTION_FACTOR = 3;

function signalScore({ date, published, reported, planned }: DateSignal): number {
  return PUBLICATION_WEIGHT * published + (date.granularity === 'day' ? 1 : COARSE_WEIGHT) * (reported + PLANNED_WEIGHT * planned);
}

/** The dates worth reading articles about, best first. */
export function datesInContention(signal: readonly DateSignal[], options: TimelineOptions): DateRef[] {
  return signal
    .filter((s) => inRange(s.date, options))
    .map((s) => ({ date: s.date, score: signalScore(s) }))
    .sort((a, b) => precisionRank(a.date) - precisionRank(b.date) || b.score - a.score || a.date.value.localeCompare(b.date.value))
    .slice(0, options.dates * CONTENTION_FACTOR)
    .map((c) => c.date);
}
