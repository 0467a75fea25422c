// Disagreeing figures: when outlets give different numbers for the same thing on the same date
// ("3,000 dock workers" vs "2,500 dock workers"), the page shows them side by side.
import type { QuantityReport } from '../model.js';

export interface FigureConflict {
  /** What is counted, as the first outlet wrote it. */
  unit: string;
  /** One figure per outlet and value, in the order the timeline listed them. */
  figures: QuantityReport[];
}

/** Units reported with two or more different values by two or more outlets. Unitless numbers are not comparable. */
export function conflictingFigures(quantities: QuantityReport[]): FigureConflict[] {
  const byUnit = new Map<string, QuantityReport[]>();
  for (const quantity of quantities) {
    const key = unitKey(quantity.unit);
    if (!key) continue;
    byUnit.set(key, [...(byUnit.get(key) ?? []), quantity]);
  }
  const conflicts: FigureConflict[] = [];
  for (const reports of byUnit.values()) {
    const distinct = reports.filter((r, i) => reports.findIndex((o) => o.source === r.source && o.value === r.value) === i);
    const values = new Set(distinct.map((r) => r.value));
    const sources = new Set(distinct.map((r) => r.source));
    if (values.size > 1 && sources.size > 1) conflicts.push({ unit: reports[0]!.unit, figures: distinct });
  }
  return conflicts;
}

/** "dock workers", "dock-workers" and "Dockworkers" count the same thing. */
function unitKey(unit: string): string {
  return unit.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
