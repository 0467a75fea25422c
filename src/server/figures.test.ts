import { describe, expect, it } from 'vitest';
import type { QuantityReport } from '../model.js';
import { conflictingFigures } from './figures.js';

function figure(text: string, value: number, unit: string, source: string): QuantityReport {
  return { text, value, unit, source, approximate: false, articleId: `${source}-1` };
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
      { unit: 'dock workers', figures: [figure('About 3,000 dock workers', 3000, 'dock workers', 'coastal-wire'), figure('2,400 dockworkers', 2400, 'Dockworkers', 'velmora-herald')] },
    ]);
  });

  it('does not call one outlet disagreeing with itself a conflict, nor numbers without a unit', () => {
    expect(
      conflictingFigures([
        figure('5 percent', 5, 'percent', 'northern-ledger'),
        figure('8 percent', 8, 'percent', 'northern-ledger'),
        figure('40', 40, '', 'coastal-wire'),
        figure('55', 55, '', 'velmora-herald'),
      ]),
    ).toEqual([]);
  });

  it('lists a figure repeated by one outlet once', () => {
    const [conflict] = conflictingFigures([
      figure('5 percent', 5, 'percent', 'coastal-wire'),
      figure('8 percent', 8, 'percent', 'northern-ledger'),
      figure('5 percent', 5, 'percent', 'coastal-wire'),
    ]);
    expect(conflict!.figures.map((f) => `${f.source}:${f.value}`)).toEqual(['coastal-wire:5', 'northern-ledger:8']);
  });
});
