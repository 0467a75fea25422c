// What `chronicle eval` does, loaded only when one of its commands runs (see eval.ts).
import { existsSync, readFileSync } from 'node:fs';
import {
  TLS_METRICS,
  evaluateTimeline,
  loadRougeResources,
  readNewsTlsTimelines,
  readTilseTimeline,
  type TlsTimeline,
  type TimelineEvaluation,
} from '../evaluate/tls/index.js';
import { formatTimexScore, scoreTimexDirs } from '../evaluate/timex/index.js';
import { ExitCode, UserError } from './errors.js';

export interface EvalTlsFlags {
  pred: string;
  ref: string[];
  rougeData?: string;
  json?: boolean;
}

export interface EvalTimexFlags {
  gold: string;
  pred: string;
  worst: number;
}

/** Timelines in a file: news-tls `.jsonl` (one per line) or tilse text (one per file). */
function readTimelines(file: string): TlsTimeline[] {
  if (!existsSync(file)) throw new UserError(`no such file: ${file}`, ExitCode.noInput);
  const text = readFileSync(file, 'utf8');
  try {
    const timelines = /\.jsonl?$/i.test(file) ? readNewsTlsTimelines(text) : [readTilseTimeline(text)];
    if (timelines.length === 0 || timelines.every((t) => t.size === 0)) throw new Error('it holds no dated entries');
    return timelines;
  } catch (error) {
    throw new UserError(`cannot read timeline ${file}: ${(error as Error).message}`, ExitCode.noInput);
  }
}

function percent(value: number): string {
  return (100 * value).toFixed(2).padStart(6);
}

export function formatTimelineEvaluation(evaluation: TimelineEvaluation): string {
  const rows = ['metric                                  R1 P   R1 R   R1 F   R2 P   R2 R   R2 F'];
  for (const metric of TLS_METRICS) {
    const outcome = evaluation.metrics[metric];
    if (!outcome) continue;
    if (!outcome.ok) {
      rows.push(`${metric.padEnd(36)}  not defined: ${outcome.error}`);
      continue;
    }
    const { rouge1, rouge2 } = outcome.score;
    rows.push(
      `${metric.padEnd(36)} ${[rouge1.precision, rouge1.recall, rouge1.fScore, rouge2.precision, rouge2.recall, rouge2.fScore].map(percent).join(' ')}`,
    );
  }
  const dates = evaluation.dates;
  rows.push(
    dates.ok
      ? `date P/R/F1 ${percent(dates.score.precision)} ${percent(dates.score.recall)} ${percent(dates.score.fScore)}`
      : `dates: ${dates.error}`,
  );
  return rows.join('\n');
}

export function evalTls(flags: EvalTlsFlags): void {
  const pred = readTimelines(flags.pred)[0]!;
  const refs = flags.ref.flatMap(readTimelines);
  let resources;
  try {
    resources = loadRougeResources(flags.rougeData);
  } catch (error) {
    throw new UserError((error as Error).message, ExitCode.noInput);
  }
  const evaluation = evaluateTimeline(pred, refs, { resources });
  process.stdout.write(flags.json ? `${JSON.stringify(evaluation)}\n` : `${formatTimelineEvaluation(evaluation)}\n`);
}

export function evalTimex(flags: EvalTimexFlags): void {
  for (const dir of [flags.gold, flags.pred])
    if (!existsSync(dir)) throw new UserError(`no such folder: ${dir}`, ExitCode.noInput);
  let score;
  try {
    score = scoreTimexDirs(flags.gold, flags.pred);
  } catch (error) {
    throw new UserError((error as Error).message, ExitCode.noInput);
  }
  process.stdout.write(`${formatTimexScore(score, { worst: flags.worst })}\n`);
}
