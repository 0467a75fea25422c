// `chronicle eval`: score timelines (tilse metrics), temporal taggers (TempEval-3 Task A) and
// Chronicle's named mentions (CoNLL-2003 convention), so anyone can check Chronicle's figures, or
// score another system's output the same way.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { ExitCode, UserError } from './errors.js';
import type { EvalTimexFlags, EvalTlsFlags } from './eval-run.js';

interface EvalNerFlags {
  data: string;
  json?: boolean;
}

/** `chronicle eval ner`: the annotation pipeline's mentions on a CoNLL file, strict P/R/F1 per class. */
async function evalNer(flags: EvalNerFlags): Promise<void> {
  if (!existsSync(flags.data)) throw new UserError(`no such file: ${flags.data}`, ExitCode.noInput);
  const { evaluatePipelineOnConllFile, formatNerScore } = await import('../evaluate/ner/index.js');
  let evaluation;
  try {
    evaluation = evaluatePipelineOnConllFile(flags.data);
  } catch (error) {
    throw new UserError(`cannot read ${flags.data} as CoNLL: ${(error as Error).message}`, ExitCode.noInput);
  }
  if (evaluation.documents === 0) throw new UserError(`${flags.data} holds no CoNLL documents`, ExitCode.noInput);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(evaluation)}\n`);
    return;
  }
  const { documents, sentences, seconds } = evaluation;
  process.stdout.write(`${formatNerScore(evaluation.score)}\n`);
  process.stdout.write(
    `${documents} documents, ${sentences} sentences, annotated in ${seconds.toFixed(1)} s (strict span and class; MISC set aside)\n`,
  );
}

export function registerEval(program: Command): void {
  const evaluate = program
    .command('eval')
    .description('score timelines, temporal tags or named mentions against references');

  evaluate
    .command('tls')
    .description(
      'score a predicted timeline against reference timelines with the tilse metrics (ROUGE-1.5.5 semantics)',
    )
    .requiredOption('--pred <file>', 'predicted timeline: tilse text, or news-tls .jsonl (its first timeline)')
    .requiredOption(
      '--ref <files...>',
      'reference timeline files (tilse text or news-tls .jsonl; all timelines are references)',
    )
    .option(
      '--rouge-data <dir>',
      'ROUGE word lists (default: the shared data/rouge folder, or $CHRONICLE_SHARED/data/rouge)',
    )
    .option('--json', 'print the full evaluation as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  chronicle eval tls --pred out/bpoil-0.txt --ref ../shared/data/t17/bpoil/timelines/bbc.txt\n',
    )
    .action(async (flags: EvalTlsFlags) => (await import('./eval-run.js')).evalTls(flags));

  evaluate
    .command('timex')
    .description('TempEval-3 Task A: score TimeML files with TIMEX3 tags against gold files of the same names')
    .requiredOption('--gold <dir>', 'gold TimeML files (*.tml)')
    .requiredOption('--pred <dir>', 'system TimeML files, named as the gold ones')
    .option('--worst <n>', 'how many of the most frequent errors to list', (v) => Number(v), 15)
    .action(async (flags: EvalTimexFlags) => (await import('./eval-run.js')).evalTimex(flags));

  evaluate
    .command('ner')
    .description(
      'score the named mentions of the annotation pipeline on a CoNLL-2003 style file (PER/ORG/LOC, strict span and class)',
    )
    .requiredOption('--data <file>', 'CoNLL file: one token a line, NER tag last, -DOCSTART- between documents')
    .option('--json', 'print the evaluation as JSON')
    .addHelpText(
      'after',
      '\nEach document is one article (words joined by spaces, sentences by newlines); a mention overlapping a MISC entity counts neither way.\n\nExample:\n  chronicle eval ner --data ../shared/data/conll2003/valid.txt\n',
    )
    .action(evalNer);
}
