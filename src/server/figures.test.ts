import { describe, expect, it } from 'vitest';
import type { QuantityReport } from '../model.js';
import { conflictingFigures } from './figures.js';

function figure(
  text: string,
  value: number,
  unit: string,
  source: string,
  publishedOn = '2025-04-01',
  qualifiers: string[] = [],
): QuantityReport {
  return {
    text,
    value,
    unit,
    source,
    approximate: false,
    qualifiers,
    articleId: `${source}-${publishedOn}`,
    publishedOn,
  };
}

describe('conflictingFigures', () => {
  it('puts different numbers for the same thing from different outlets side by side', () => {
    const conflicts = conflictingFigures([
      figure('About 3,000 dock workers', 3000, 'dock workers', 'coastal-wire'),
      figure('12 ships', 12, 'ships', 'coastal-wire'),
      figure('2,400 dockworkers', 2400, 'Dockworkers', 'velmora-herald'),
      figure('12 ships', 12, 'ships', 'velmora-herald'),
    ]);
    expect(conflicts).toEqual([
      {
        kind: 'conflict',
        unit: 'dock workers',
        figures: [
          figure('About 3,000 dock workers', 3000, 'dock workers', 'coastal-wire'),
          figure('2,400 dockworkers', 2400, 'Dockworkers', 'velmora-herald'),
        ],
      },
    ]);
  });

  it('does not call one outlet disagreeing with itself a conflict, nor numbers without a unit', () => {
    expect(
      conflictingFigures([
        figure('5 percent', 5, 'percent', 'northern-ledger', '2025-04-01', ['offer']),
        figure('8 percent', 8, 'percent', 'northern-ledger', '2025-04-01', ['offer']),
        figure('40', 40, '', 'coastal-wire'),
        figure('55', 55, '', 'velmora-herald'),
      ]),
    ).toEqual([]);
  });

  it('lists a figure repeated by one outlet once', () => {
    const [conflict] = conflictingFigures([
      figure('5 percent', 5, 'percent', 'coastal-wire', '2025-04-01', ['offer']),
      figure('8 percent', 8, 'percent', 'northern-ledger', '2025-04-01', ['offer']),
      figure('5 percent', 5, 'percent', 'coastal-wire', '2025-04-01', ['offer']),
    ]);
    expect(conflict!.figures.map((f) => `${f.source}:${f.value}`)).toEqual(['coastal-wire:5', 'northern-ledger:8']);
  });

  it('gives an outlet\u2019s own change of figure as an update, earliest first, after the conflicts', () => {
    expect(
      conflictingFigures([
        figure('15 ships', 15, 'ships', 'velmora-herald', '2025-04-18'),
        figure('12 ships', 12, 'ships', 'velmora-herald', '2025-04-08'),
      ]),
    ).toEqual([
      {
        kind: 'update',
        unit: 'ships',
        figures: [
          figure('12 ships', 12, 'ships', 'velmora-herald', '2025-04-08'),
          figure('15 ships', 15, 'ships', 'velmora-herald', '2025-04-18'),
        ],
      },
    ]);
  });
});
