import { existsSync, readFileSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { AnnotatedArticle, Sentence } from '../model.js';
import { ExitCode, UserError } from './errors.js';
import { isoDay } from './options.js';
import { printable, printReadSummary } from './report.js';

function weekday(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
}

function describeSentence(sentence: Sentence): string[] {
  // Article text is the input's: printed to a terminal, its control characters are shown escaped.
  const lines = [`[${sentence.index}] ${printable(sentence.text)}`];
  for (const t of sentence.timexes) {
    const when = t.refersTo ? `${t.refersTo.value} (${t.refersTo.granularity})` : t.value;
    lines.push(`     time   "${printable(t.text)}" ${t.type} → ${when}${t.mod ? ` ${t.mod}` : ''} — ${t.evidence}`);
  }
  if (sentence.mentions.length > 0)
    lines.push(`     names  ${sentence.mentions.map((m) => `${printable(m.text)} (${m.kind})`).join('; ')}`);
  if (sentence.quantities.length > 0) {
    lines.push(
      `     counts ${sentence.quantities.map((q) => `${printable(q.text)} = ${q.approximate ? '~' : ''}${q.value}${q.unit ? ` ${printable(q.unit)}` : ''}`).join('; ')}`,
    );
  }
  return lines;
}

export function describeArticle(annotated: AnnotatedArticle): string {
  const { article } = annotated;
  const header = printable(
    `${article.id} — ${article.source}, published ${article.publishedOn} (${weekday(article.publishedOn)})${article.title ? ` — ${article.title}` : ''}`,
  );
  return [header, ...annotated.sentences.flatMap(describeSentence)].join('\n');
}

interface AnnotateFlags {
  format: 'text' | 'json' | 'timeml';
  out?: string;
  dct?: string;
}

const TIMEML_INPUT = /\.(tml|TE3input|xml)$/;

/** TimeML in (TempEval-3 input), TimeML out; or plain text with --dct as its creation time. */
async function annotateAsTimeml(paths: string[], flags: AnnotateFlags): Promise<void> {
  const { annotateTimemlFile, annotateTimemlPath } = await import('../evaluate/timex/index.js');
  const { annotateTimemlText } = await import('../pipeline.js');
  const { plainTextAsTimeml } = await import('../render/index.js');
  const options = flags.dct ? { dct: flags.dct } : {};
  for (const path of paths) {
    if (!existsSync(path)) throw new UserError(`no such file or folder: ${path}`, ExitCode.noInput);
    const isFolder = statSync(path).isDirectory();
    try {
      if (flags.out) {
        for (const { input, output } of await annotateTimemlPath(path, flags.out, options))
          process.stderr.write(`${input} → ${output}\n`);
      } else if (isFolder) {
        throw new UserError(`${path} is a folder: give --out <dir> for the tagged files.`);
      } else if (TIMEML_INPUT.test(path)) {
        process.stdout.write(await annotateTimemlFile(path, options));
      } else {
        if (!flags.dct) throw new UserError(`${path} is plain text: give its creation date with --dct YYYY-MM-DD.`);
        process.stdout.write(await annotateTimemlText(plainTextAsTimeml(readFileSync(path, 'utf8'), flags.dct)));
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError((error as Error).message, ExitCode.noInput);
    }
  }
}

export function registerAnnotate(program: Command): void {
  program
    .command('annotate')
    .description('show what Chronicle reads in articles: sentences, dates with evidence, names and figures')
    .argument('<paths...>', 'article files or folders (TimeML files and folders with --format timeml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'timeml']).default('text'))
    .option('--out <dir>', 'with --format timeml: write tagged files here (doc.tml.TE3input → doc.tml)')
    .option(
      '--dct <YYYY-MM-DD>',
      'with --format timeml: the creation date for plain text, or instead of the <DCT>',
      isoDay,
    )
    .addHelpText(
      'after',
      `
Examples:
  chronicle annotate examples/harbour-strike/coastal-wire/001-coastal-wire-strike-begins.txt
  chronicle annotate --format timeml ../shared/data/timeml-dev/input/AQUAINT --out /tmp/aquaint-tagged
  chronicle annotate --format timeml notes.txt --dct 2025-04-08`,
    )
    .action(async (paths: string[], flags: AnnotateFlags) => {
      if (flags.format === 'timeml') return annotateAsTimeml(paths, flags);
      const { annotateAll, readArticles } = await import('../pipeline.js');
      const read = await readArticles(paths);
      printReadSummary([], read.skipped, read.notes);
      if (read.articles.length === 0)
        throw new UserError('no article could be read from the given paths.', ExitCode.noInput);
      const annotated = await annotateAll(read.articles);
      process.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify(annotated, null, 2)}\n`
          : `${annotated.map(describeArticle).join('\n\n')}\n`,
      );
    });
}
