// `chronicle eval`: score timelines (tilse metrics) and temporal taggers (TempEval-3 Task A), so
// anyone can check Chronicle's figures, or score another system's output the same way.
import type { Command } from 'commander';
import type { EvalTimexFlags, EvalTlsFlags } from './eval-run.js';

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
    .action(async (flags: EvalTlsFlags) => (await import('./eval-run.js')).evalTls(flags));

  evaluate
    .command('timex')
    .description('TempEval-3 Task A: score TimeML files with TIMEX3 tags against gold files of the same names')
    .requiredOption('--gold <dir>', 'gold TimeML files (*.tml)')
    .requiredOption('--pred <dir>', 'system TimeML files, named as the gold ones')
    .option('--worst <n>', 'how many of the most frequent errors to list', (v) => Number(v), 15)
    .action(async (flags: EvalTimexFlags) => (await import('./eval-run.js')).evalTimex(flags));
}
