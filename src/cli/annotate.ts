import { Option, type Command } from 'commander';
import type { AnnotatedArticle, Sentence } from '../model.js';
import { annotateAll, readInputs } from '../pipeline.js';
import { ExitCode, UserError } from './errors.js';
import { printReadSummary } from './report.js';

function weekday(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
}

function describeSentence(sentence: Sentence): string[] {
  const lines = [`[${sentence.index}] ${sentence.text}`];
  for (const t of sentence.timexes) {
    const when = t.refersTo ? `${t.refersTo.value} (${t.refersTo.granularity})` : t.value;
    lines.push(`     time   "${t.text}" ${t.type} → ${when}${t.mod ? ` ${t.mod}` : ''} — ${t.evidence}`);
  }
  if (sentence.mentions.length > 0) lines.push(`     names  ${sentence.mentions.map((m) => `${m.text} (${m.kind})`).join('; ')}`);
  if (sentence.quantities.length > 0) {
    lines.push(`     counts ${sentence.quantities.map((q) => `${q.text} = ${q.approximate ? '~' : ''}${q.value}${q.unit ? ` ${q.unit}` : ''}`).join('; ')}`);
  }
  return lines;
}

export function describeArticle(annotated: AnnotatedArticle): string {
  const { article } = annotated;
  const header = `${article.id} — ${article.source}, published ${article.publishedOn} (${weekday(article.publishedOn)})${article.title ? ` — ${article.title}` : ''}`;
  return [header, ...annotated.sentences.flatMap(describeSentence)].join('\n');
}

export function registerAnnotate(program: Command): void {
  program
    .command('annotate')
    .description('show what Chronicle reads in articles: sentences, dates with evidence, names and figures')
    .argument('<paths...>', 'article files or folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], flags: { format: 'text' | 'json' }) => {
      const read = await readInputs(paths);
      printReadSummary([], read.skipped);
      if (read.articles.length === 0) throw new UserError('no article could be read from the given paths.', ExitCode.noInput);
      const annotated = annotateAll(read.articles);
      process.stdout.write(
        flags.format === 'json' ? `${JSON.stringify(annotated, null, 2)}\n` : `${annotated.map(describeArticle).join('\n\n')}\n`,
      );
    });
}
