// The figures the page puts side by side under an entry: outlets that contradict each other on one
// measured thing ("3,000 dock workers" against "2,400 dockworkers"), and an outlet that updated its
// own figure (earlier → later). What counts as either is the model in src/figures.ts.
import { figureGroups } from '../figures.js';
import type { QuantityReport } from '../model.js';

export interface FigureConflict {
  /** 'conflict': different outlets disagree; 'update': one outlet's figures, earliest first. */
  kind: 'conflict' | 'update';
  /** What is counted, as the first outlet wrote it. */
  unit: string;
  /** One figure per outlet and value in the timeline's order (a conflict), or by day (an update). */
  figures: QuantityReport[];
}

/** An entry's conflicting and updated figures, conflicts first. Unitless numbers are not comparable. */
export function conflictingFigures(quantities: QuantityReport[]): FigureConflict[] {
  const groups = figureGroups(quantities);
  return [
    ...groups
      .filter((g) => g.conflict.length > 0)
      .map((g): FigureConflict => ({ kind: 'conflict', unit: g.unit, figures: g.conflict })),
    ...groups.flatMap((g) => g.updates.map((figures): FigureConflict => ({ kind: 'update', unit: g.unit, figures }))),
  ];
}
