// `chronicle eval`: score timelines (tilse metrics) and temporal taggers (TempEval-3 Task A), so
// anyone can check Chronicle's figures, or score another system's output the same way.
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
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
  rows.push(dates.ok ? `date P/R/F1 ${percent(dates.score.precision)} ${percent(dates.score.recall)} ${percent(dates.score.fScore)}` : `dates: ${dates.error}`);
  return rows.join('\n');
}

export function registerEval(program: Command): void {
  const evaluate = program.command('eval').description('score timelines or temporal tags against references');

  evaluate
    .command('tls')
    .description('score a predicted timeline against reference timelines with the tilse metrics (ROUGE-1.5.5 semantics)')
    .requiredOption('--pred <file>', 'predicted timeline: tilse text, or news-tls .jsonl (its first timeline)')
    .requiredOption('--ref <files...>', 'reference timeline files (tilse text or news-tls .jsonl; all timelines are references)')
    .option('--rouge-data <dir>', 'ROUGE word lists (default: the shared data/rouge folder, or $CHRONICLE_SHARED/data/rouge)')
    .option('--json', 'print the full evaluation as JSON')
    .addHelpText('after', '\nExample:\n  chronicle eval tls --pred out/bpoil-0.txt --ref ../shared/data/t17/bpoil/timelines/bbc.txt\n')
    .action((flags: { pred: string; ref: string[]; rougeData?: string; json?: boolean }) => {
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
    });

  evaluate
    .command('timex')
    .description('TempEval-3 Task A: score TimeML files with TIMEX3 tags against gold files of the same names')
    .requiredOption('--gold <dir>', 'gold TimeML files (*.tml)')
    .requiredOption('--pred <dir>', 'system TimeML files, named as the gold ones')
    .option('--worst <n>', 'how many of the most frequent errors to list', (v) => Number(v), 15)
    .action((flags: { gold: string; pred: string; worst: number }) => {
      for (const dir of [flags.gold, flags.pred]) if (!existsSync(dir)) throw new UserError(`no such folder: ${dir}`, ExitCode.noInput);
      let score;
      try {
        score = scoreTimexDirs(flags.gold, flags.pred);
      } catch (error) {
        throw new UserError((error as Error).message, ExitCode.noInput);
      }
      process.stdout.write(`${formatTimexScore(score, { worst: flags.worst })}\n`);
    });
}
