// PLACEHOLDER until the temporal tagger lands: same signature, finds nothing.
import type { IsoDay, Timex } from '../../model.js';

/** Finds temporal expressions in a whole article and resolves them against its publication date. */
export function tagTemporal(text: string, publishedOn: IsoDay): Timex[] {
  void text;
  void publishedOn;
  return [];
}
