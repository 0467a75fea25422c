// The benchmark as a person reads it: one row per reference timeline, the dataset averages of
// every method, and the published rows of the same protocol underneath for comparison.
import { publishedRows } from './published.js';
import type { StoryScores } from './stories.js';
import type { TlsBenchmarkResult, TlsMethodResult, TlsTaskResult } from './tls.js';

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The name column is left-aligned, figures right-aligned so decimals line up.
  const cell = (text: string, i: number) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  return [header, header.map((_, i) => '-'.repeat(widths[i]!)), ...rows].map((row) =>
    row.map(cell).join('  ').trimEnd(),
  );
}

const f3 = (x: number) => x.toFixed(3);

function alignF(task: TlsTaskResult, n: 'rouge1' | 'rouge2'): string {
  const outcome = task.evaluation.metrics.align_date_content_costs_many_to_one;
  return outcome?.ok ? f3(outcome.score[n].fScore) : 'error';
}

function taskRows(method: TlsMethodResult): string[][] {
  return method.tasks.map((t) => [
    `${t.topic}/${t.reference}`,
    String(t.articles),
    String(t.task.dates),
    String(t.task.sentencesPerDate),
    String(t.timeline.entries.length),
    alignF(t, 'rouge1'),
    alignF(t, 'rouge2'),
    t.evaluation.dates.ok ? f3(t.evaluation.dates.score.fScore) : 'error',
  ]);
}

export function formatTlsReport(result: TlsBenchmarkResult): string {
  const lines: string[] = [];
  const label = (m: TlsMethodResult) => (m.protocol === 'topic' ? m.method : `${m.method} (${m.protocol})`);
  for (const method of result.methods) {
    lines.push(`${label(method)}: per reference timeline (AR = align+ m:1 ROUGE F)`, '');
    lines.push(
      ...table(['timeline', 'articles', 'l', 'k', 'dates out', 'AR-1 F', 'AR-2 F', 'Date F1'], taskRows(method)),
      '',
    );
  }
  lines.push(
    `${result.dataset}: averages over ${result.timelines} timelines (F of mean P and mean R, as news-tls)`,
    '',
  );
  const ours = result.methods.map((m) => [
    label(m),
    f3(m.average.align.rouge1.fScore),
    f3(m.average.align.rouge2.fScore),
    f3(m.average.dates.fScore),
    f3(m.average.concat.rouge1.fScore),
    f3(m.average.concat.rouge2.fScore),
    f3(m.average.agreement.rouge1.fScore),
    f3(m.average.agreement.rouge2.fScore),
    m.buildSeconds.toFixed(1),
    String(m.latency.p50Ms),
    String(m.latency.p99Ms),
  ]);
  const published = publishedRows(result.dataset).map((p) => [
    `[${p.status}] ${p.system}`,
    f3(p.ar1F),
    f3(p.ar2F),
    f3(p.dateF1),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  lines.push(
    ...table(
      [
        'method',
        'AR-1 F',
        'AR-2 F',
        'Date F1',
        'concat R1',
        'concat R2',
        'agree R1',
        'agree R2',
        'build s',
        'p50 ms',
        'p99 ms',
      ],
      [...ours, ...published],
    ),
    '',
  );
  if (published.length > 0)
    lines.push('[P]/[S]: published rows (shared/docs/published-results.md); [S] is a secondary quote.');
  lines.push(
    'p50/p99: per timeline, from asking to having it; (archive): every topic in one store, each timeline asked of it with its keywords and window.',
  );
  if (result.methods.some((m) => m.protocol === 'story'))
    lines.push(
      '(story): the same store, no keyword: each timeline built from the story that best matches its topic, within its window.',
    );
  if (result.archive)
    lines.push(
      `archive: ${result.archive.articles} articles ingested into one store in ${result.archive.ingestSeconds.toFixed(1)} s`,
    );
  if (result.stories) lines.push('', ...storyLines(result.stories));
  lines.push(
    `${result.annotatedArticles} articles annotated in ${result.annotateSeconds.toFixed(1)} s; total wall time ${result.seconds.toFixed(1)} s; peak RSS ${Math.round(result.peakRssMb)} MB`,
  );
  return `${lines.join('\n')}\n`;
}

function storyLines({ atIngest, rebuilt, rebuildSeconds }: NonNullable<TlsBenchmarkResult['stories']>): string[] {
  const row = (name: string, scores: StoryScores) => [
    name,
    String(scores.stories),
    String(scores.storiesOfSeveral),
    f3(scores.bcubed.precision),
    f3(scores.bcubed.recall),
    f3(scores.bcubed.f1),
    f3(scores.nmi),
  ];
  return [
    'stories: article → story assignment against the topic labels (no keyword given)',
    '',
    ...table(
      ['stories', 'found', '≥ 2 articles', 'B3 P', 'B3 R', 'B3 F1', 'NMI'],
      [row('as ingested', atIngest), row(`rebuilt (${rebuildSeconds.toFixed(1)} s)`, rebuilt)],
    ),
    '',
    'best story per topic (as ingested; the story protocol builds each topic timeline from it)',
    '',
    ...table(
      ['topic', 'story', 'shared', 'of topic', 'of story', 'Jaccard'],
      atIngest.matches.map((m) => [
        m.topic,
        m.story,
        String(m.shared),
        String(m.topicArticles),
        String(m.storyArticles),
        f3(m.jaccard),
      ]),
    ),
    '',
  ];
}
