// Plain-text report of a TempEval-3 Task A score, for the CLI and the benchmark.
import { worstErrors, type ErrorGroup, type PrecisionRecall, type TimexScore, type TimexSide } from './score.js';

const percent = (x: number) => (100 * x).toFixed(2).padStart(7);

const columns = (scores: PrecisionRecall) =>
  `${percent(scores.precision)}${percent(scores.recall)}${percent(scores.f1)}`;

function row(label: string, scores: PrecisionRecall, note = ''): string {
  return `  ${label.padEnd(9)}${columns(scores)}${note}`;
}

function describe(side: TimexSide | undefined, label: string): string {
  return side ? `${label} ${side.type} ${side.value} "${side.text}"` : '';
}

function errorLine(group: ErrorGroup): string {
  const { example } = group;
  const detail = [describe(example.gold, 'gold'), describe(example.predicted, 'predicted')].filter(Boolean).join(' / ');
  return `  ${`${group.count}×`.padStart(5)} ${group.kind.padEnd(12)}${detail}   (${example.file}, DCT ${example.dct})`;
}

export interface TimexReportOptions {
  title?: string;
  /** How many error groups to list (default 15). */
  worst?: number;
}

export function formatTimexScore(score: TimexScore, options: TimexReportOptions = {}): string {
  const { counts } = score;
  const lines = [
    `${options.title ? `${options.title}: ` : ''}${score.documents} documents, ${counts.gold} gold timexes, ${counts.predicted} predicted`,
    `  ${''.padEnd(9)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
    row('strict', score.strict),
    row('relaxed', score.relaxed),
    row('type', score.type, `   (accuracy ${percent(score.typeAccuracy).trim()} of ${counts.relaxed} matches)`),
    row('value', score.value, `   (accuracy ${percent(score.valueAccuracy).trim()})`),
    '',
    `  ${'by type'.padEnd(9)}${'gold'.padStart(6)}${'pred'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}  value acc`,
    ...Object.entries(score.byType).map(([type, b]) => {
      const counts = `${String(b.gold).padStart(6)}${String(b.predicted).padStart(6)}`;
      return `  ${type.padEnd(9)}${counts}${columns(b.relaxed)}  ${percent(b.valueAccuracy)}`;
    }),
  ];
  const worst = worstErrors(score.errors, options.worst ?? 15);
  if (worst.length > 0)
    lines.push('', `  ${worst.length} most frequent errors (of ${score.errors.length}):`, ...worst.map(errorLine));
  return lines.join('\n');
}
