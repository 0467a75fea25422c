// The temporal tagger: finds temporal expressions in an article and resolves each against the
// publication date, or against the last day the story mentioned for phrases such as "the next day".
import type { IsoDay, Timex } from '../../model.js';
import { findCandidates } from './find.js';
import { resolveCandidate } from './resolve.js';
import { clauseTense } from './tense.js';

/** Finds temporal expressions in a whole article and resolves them against its publication date. */
export function tagTemporal(text: string, publishedOn: IsoDay): Timex[] {
  const timexes: Timex[] = [];
  // Narrative anchoring: a story that says "on Monday ... the next day" means the Tuesday after
  // that Monday, so the last day resolved so far is carried along in text order.
  let narrativeAnchor = publishedOn;
  let anchorFromText = false;
  for (const candidate of findCandidates(text)) {
    const tense = clauseTense(text, candidate.span);
    const resolution = resolveCandidate(candidate, { publishedOn, narrativeAnchor, anchorFromText, tense });
    if (resolution === undefined) continue;
    timexes.push({ text: candidate.text, span: candidate.span, ...resolution });
    if (resolution.refersTo?.granularity === 'day') {
      narrativeAnchor = resolution.refersTo.value;
      anchorFromText = true;
    }
  }
  return timexes;
}
