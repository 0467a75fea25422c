// The temporal tagger: finds temporal expressions in an article and resolves each against the
// publication date, or against the last day the story mentioned for phrases such as "the next day".
import type { IsoDay, Span, Timex } from '../../model.js';
import { addDays } from '../../calendar.js';
import { splitSentences } from '../sentences.js';
import { findCandidates, type Candidate } from './candidates.js';
import { lastEndedQuarter, resolveCandidate, type QuarterRef } from './resolve.js';
import { sentenceOf, tenseReader, type TenseReading } from './tense.js';

/**
 * Finds temporal expressions in a whole article and resolves them against its publication date.
 * `sentences` are the article's sentence spans, when the caller has split them already.
 */
export function tagTemporal(
  text: string,
  publishedOn: IsoDay,
  sentences: readonly Span[] = splitSentences(text),
): Timex[] {
  const candidates = findCandidates(text);
  const clauseTense = tenseReader(text, sentences);
  const clocks = candidates.filter((c) => c.expression.kind === 'clock');
  const dated = resolveInOrder(
    text,
    sentences,
    publishedOn,
    clauseTense,
    candidates.filter((c) => c.expression.kind !== 'clock'),
  );
  const days = dated.filter((t) => t.refersTo?.granularity === 'day' && !startsAState(text, t.span));
  const placedClocks = clocks.flatMap((clock) => {
    const { day, why } = dayForClock(text, sentenceOf(sentences, clock.span), clock.span, days, publishedOn);
    const tense = clauseTense(clock.span);
    const resolution = resolveCandidate(clock, {
      publishedOn,
      narrativeAnchor: day,
      anchorFromText: day !== publishedOn,
      tense,
    });
    return resolution === undefined
      ? []
      : [
          {
            text: clock.text,
            span: clock.span,
            ...resolution,
            evidence: `"${clock.text}" ${why} → ${resolution.value}`,
          },
        ];
  });
  const timexes = [...dated, ...placedClocks].sort((a, b) => a.span.start - b.span.start);
  return timexes.map((timex, i) => countedFromFollowingDate(text, timex, timexes[i + 1]) ?? timex);
}

function resolveInOrder(
  text: string,
  sentences: readonly Span[],
  publishedOn: IsoDay,
  clauseTense: (span: Span) => TenseReading,
  candidates: Candidate[],
): Timex[] {
  const timexes: Timex[] = [];
  // Narrative anchoring: a story that says "on Monday ... the next day" means the Tuesday after
  // that Monday, so the last day resolved so far is carried along in text order.
  let narrativeAnchor = publishedOn;
  let anchorFromText = false;
  // Earnings reports name a quarter once and then say "the quarter", "a year earlier".
  let quarterInText: QuarterRef | undefined;
  // "For the six months ended Aug. 12, net fell from a year earlier": the closing day of a period.
  const periodEnds: Timex[] = [];
  for (const candidate of candidates) {
    const tense = clauseTense(candidate.span);
    const sentence = sentenceOf(sentences, candidate.span);
    const quarterHere = comparesRunningTotals(text, sentence, candidate.span) ? undefined : quarterInText;
    const periodEndInSentence = earlierInSentence(sentence, candidate.span, periodEnds)?.refersTo?.value;
    const ctx = {
      publishedOn,
      narrativeAnchor,
      anchorFromText,
      tense,
      quarterInText: quarterHere,
      periodEndInSentence,
    };
    const resolution = resolveCandidate(candidate, ctx);
    if (resolution === undefined) continue;
    const timex = { text: candidate.text, span: candidate.span, ...resolution };
    timexes.push(timex);
    if (candidate.expression.kind === 'date' && candidate.expression.closesPeriod) periodEnds.push(timex);
    // A quarter named by its closing day sets the subject only where no quarter was named before:
    // in "the fiscal first quarter … the quarter ended Sept. 30" both are the fiscal quarter.
    const namesQuarter =
      candidate.expression.kind === 'quarter' ||
      (candidate.expression.kind === 'reportedQuarter' && candidate.expression.endedOn && !quarterHere);
    if (namesQuarter) quarterInText = reportableQuarter(resolution.value, publishedOn) ?? quarterInText;
    // "up from $2 million a year earlier" compares with a past period; the story stays where it was.
    const comparesWithPast =
      periodEndInSentence !== undefined &&
      (candidate.expression.kind === 'shift' || candidate.expression.kind === 'ago');
    if (resolution.refersTo?.granularity === 'day' && !startsAState(text, candidate.span) && !comparesWithPast) {
      narrativeAnchor = resolution.refersTo.value;
      anchorFromText = true;
    }
  }
  return timexes;
}

/** The last of `timexes` that sits in `sentence`, the sentence of `span`, before it. */
function earlierInSentence(sentence: Span, span: Span, timexes: Timex[]): Timex | undefined {
  return timexes.filter((t) => t.span.start >= sentence.start && t.span.end <= span.start).at(-1);
}

// "For the nine months, net rose to $9 million from $7 million a year earlier": a sentence about
// the year to date compares it with the year before, not with the quarter the report is about.
const RUNNING_TOTAL = /\b(?:six|nine)\s+months\b|\byear\s+to\s+date\b/i;

function comparesRunningTotals(text: string, sentence: Span, span: Span): boolean {
  return RUNNING_TOTAL.test(text.slice(sentence.start, span.start));
}

/** A quarter a report can be about: one already over ("expects fourth-quarter profit" is not). */
function reportableQuarter(value: string, publishedOn: IsoDay): QuarterRef | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!m) return undefined;
  const named = { year: Number(m[1]), quarter: Number(m[2]) };
  const last = lastEndedQuarter(publishedOn);
  return named.year * 4 + named.quarter <= last.year * 4 + last.quarter ? named : undefined;
}

// "in place since April 2" gives the start of a state that still holds, not the day the story is
// at: later "the next day" or "from 4 p.m." do not hang on it.
function startsAState(text: string, span: Span): boolean {
  return /\bsince\s+$/i.test(text.slice(Math.max(0, span.start - 10), span.start));
}

function paragraphStart(text: string, at: number): number {
  const breakBefore = text.lastIndexOf('\n\n', at);
  return breakBefore === -1 ? 0 : breakBefore + 2;
}

/**
 * The day a bare clock time ("from 4 p.m.") is on: a day its sentence names, else the last day
 * named earlier in its paragraph, else the publication day, which is what news means by a time
 * with no day.
 */
function dayForClock(
  text: string,
  sentence: Span,
  span: Span,
  days: Timex[],
  publishedOn: IsoDay,
): { day: IsoDay; why: string } {
  const distance = (t: Timex): number => (t.span.start >= span.end ? t.span.start - span.end : span.start - t.span.end);
  // A day later in the sentence counts only within the same clause: "at midnight and at 6 a.m. on
  // Friday", but not "had left by midnight, and expected to deliver by Sunday".
  const sameSentence = days
    .filter((t) => t.span.start >= sentence.start && t.span.end <= sentence.end)
    .filter((t) => t.span.end <= span.start || !/[,;:]/.test(text.slice(span.end, t.span.start)))
    .sort((a, b) => distance(a) - distance(b))[0];
  const paragraphFrom = paragraphStart(text, span.start);
  const named = sameSentence ?? days.filter((t) => t.span.start >= paragraphFrom && t.span.end <= span.start).at(-1);
  if (named === undefined) return { day: publishedOn, why: 'with no day in its paragraph, on the publication date' };
  const day = named.refersTo!.value;
  if (
    named.span.end <= span.start &&
    rollsPastMidnight(text.slice(named.span.end, span.start), text.slice(span.start, span.end))
  ) {
    return { day: addDays(day, 1), why: `in the small hours after a night that followed "${named.text}"` };
  }
  const where = named === sameSentence ? 'its sentence' : 'its paragraph';
  return { day, why: `on the day ${where} names ("${named.text}")` };
}

// "Talks resumed on Monday and ran through the night; the deal was signed at 4 a.m." is Tuesday.
function rollsPastMidnight(between: string, clockWords: string): boolean {
  const smallHours = /^(?:[1-5](?::\d\d)?\s*a\.?\s?m)/i.test(clockWords.trim());
  return smallHours && /\b(?:through the night|overnight|all night)\b/i.test(between);
}

/**
 * "two days after April 1" is a date: the length counted from the date that follows it. Without
 * such a date ("13 days after the strike began") the words stay a duration.
 */
function countedFromFollowingDate(text: string, timex: Timex, next: Timex | undefined): Timex | undefined {
  if (timex.type !== 'DURATION' || next?.refersTo?.granularity !== 'day') return undefined;
  const link = /^\s+(after|before)\s+$/i.exec(text.slice(timex.span.end, next.span.start));
  const length = /^P(\d+)([DW])$/.exec(timex.value);
  if (!link || !length) return undefined;
  const days = Number(length[1]) * (length[2] === 'W' ? 7 : 1) * (link[1]!.toLowerCase() === 'after' ? 1 : -1);
  const from = next.refersTo.value;
  const value = addDays(from, days);
  const evidence = `"${timex.text} ${link[1]} ${next.text}" counted from ${from} → ${value}`;
  return { ...timex, type: 'DATE', value, refersTo: { value, granularity: 'day' }, anchor: from, evidence };
}
