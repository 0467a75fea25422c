// Pairs gold and predicted timexes the way the TempEval-3 toolkit does: walking the text in
// order, a timex that starts inside a not-yet-paired timex of the other side is paired with it.
// Pairing is one-to-one and the first overlapping partner wins, so a prediction "September and
// October" takes gold "September" and leaves gold "October" unmatched. The toolkit decides overlap
// on tokens; character spans give the same pairs whenever both sides cover whole words.
import type { Span } from '../../model.js';

export interface AlignedPair {
  /** Index into the gold spans. */
  gold: number;
  /** Index into the predicted spans. */
  predicted: number;
}

interface Entry {
  side: 'gold' | 'predicted';
  index: number;
  span: Span;
}

function entries(side: Entry['side'], spans: readonly Span[]): Entry[] {
  return spans.map((span, index) => ({ side, index, span }));
}

/** Relaxed (overlap) alignment of two sets of spans over the same text; pairs in text order. */
export function alignTimexes(gold: readonly Span[], predicted: readonly Span[]): AlignedPair[] {
  const walk = [...entries('gold', gold), ...entries('predicted', predicted)].sort(
    (a, b) => a.span.start - b.span.start || (a.side === b.side ? a.index - b.index : a.side === 'gold' ? -1 : 1),
  );
  const paired = new Set<Entry>();
  const started: Entry[] = [];
  const pairs: AlignedPair[] = [];
  for (const entry of walk) {
    const partner = started.find(
      (other) =>
        other.side !== entry.side &&
        !paired.has(other) &&
        other.span.start <= entry.span.start &&
        entry.span.start < other.span.end,
    );
    started.push(entry);
    if (partner === undefined) continue;
    paired.add(partner).add(entry);
    const [goldEntry, predictedEntry] = entry.side === 'gold' ? [entry, partner] : [partner, entry];
    pairs.push({ gold: goldEntry.index, predicted: predictedEntry.index });
  }
  return pairs;
}
