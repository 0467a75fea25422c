// A timeline for people: one section per date, every sentence followed by where it came from and
// how it was dated, then who and where, then the figures the sources give (and whether they agree).
// Printed to a terminal by default, so the raw text has to read well too: escaping is kept to what
// would otherwise change the rendering.
import type { Citation, Dating, EntityCount, MentionKind, QuantityReport, Timeline, TimelineEntry } from '../model.js';
import { figureGroups, type FigureGroup } from '../figures.js';
import { chronological, evidenceInWords, formatDate, formatDay, timexInWords } from './dates.js';
import { escapeMarkdown, httpUrl, markdownUrl } from './escape.js';

/** How many names per kind the "Who/where" line shows. */
const TOP_ENTITIES_PER_KIND = 3;

const KIND_LABELS: Record<MentionKind, string> = { person: 'people', organization: 'organisations', place: 'places' };
const KIND_ORDER: readonly MentionKind[] = ['person', 'organization', 'place'];

/**
 * A figure as US English writes it: "2,400", "1.25". Whole numbers, nearly every figure, are grouped
 * here; the rest go through Intl.NumberFormat, made on first need because making it loads ICU's
 * number data, 28 ms, a twentieth of a whole CLI timeline.
 */
let fractionFormat: Intl.NumberFormat | undefined;
function formattedNumber(value: number): string {
  if (Number.isSafeInteger(value))
    return `${value < 0 ? '-' : ''}${String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  fractionFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return fractionFormat.format(value);
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function titleLines(timeline: Timeline): string[] {
  const { options, stats } = timeline;
  const heading = options.query ? `# Timeline: ${escapeMarkdown(options.query)}` : '# Timeline';
  const window =
    options.from || options.to
      ? ` · ${options.from ? formatDay(options.from) : '…'} to ${options.to ? formatDay(options.to) : '…'}`
      : '';
  const summary =
    `_${plural(timeline.entries.length, 'date')} by the ${escapeMarkdown(timeline.method)} method from ` +
    `${plural(stats.articles, 'article')} (${plural(stats.duplicates, 'duplicate')}) and ` +
    `${plural(stats.sentences, 'sentence')}${window}_`;
  return [heading, '', summary];
}

function datingNote(dating: Dating): string {
  if (dating.timex)
    return `"${escapeMarkdown(dating.timex.text)}" → ${escapeMarkdown(timexInWords(dating.timex.value))}`;
  return dating.how === 'publication' ? 'dated by publication' : escapeMarkdown(evidenceInWords(dating.evidence));
}

/** "AP, [Title](url), 2019-03-05" with the title linked when there is a usable URL. */
function outletAndTitle(citation: Citation): string {
  const source = escapeMarkdown(citation.source);
  const url = httpUrl(citation.url);
  if (url) return `${source}, [${escapeMarkdown(citation.title ?? 'article')}](${markdownUrl(url)})`;
  return citation.title ? `${source}, *${escapeMarkdown(citation.title)}*` : source;
}

/**
 * One summary sentence as a list item. The sentence number is 1-based because people count that way;
 * the JSON output keeps the model's 0-based `sentenceIndex`. Character offsets let a reader check the quote.
 */
export function citationLine(citation: Citation): string {
  const where = `[${escapeMarkdown(citation.articleId)}] sentence ${citation.sentenceIndex + 1}, characters ${citation.span.start}–${citation.span.end}`;
  const alsoIn = citation.alsoIn.length > 0 ? ` — also in: ${citation.alsoIn.map(escapeMarkdown).join(', ')}` : '';
  return `- ${escapeMarkdown(citation.text)} — ${outletAndTitle(citation)}, ${formatDay(citation.publishedOn)} (${where}; ${datingNote(citation.dating)})${alsoIn}`;
}

/** "people: Ana Ruiz (4), Tom Berg (2) · places: Harbour City (5)"; undefined when nobody is named. */
export function whoWhereLine(entities: readonly EntityCount[]): string | undefined {
  const parts = KIND_ORDER.flatMap((kind) => {
    const top = entities
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .slice(0, TOP_ENTITIES_PER_KIND);
    if (top.length === 0) return [];
    return [`${KIND_LABELS[kind]}: ${top.map((e) => `${escapeMarkdown(e.text)} (${e.count})`).join(', ')}`];
  });
  return parts.length > 0 ? `**Who/where:** ${parts.join(' · ')}` : undefined;
}

/** How a figure reads: the number, or the words as written for an approximate amount ("hundreds of people"). */
function shownFigure(report: QuantityReport): string {
  return report.approximate ? `"${report.text}"` : formattedNumber(report.value);
}

/** "12 → 15 (velmora-herald, 8 April 2025 → 18 April 2025)": one outlet changing its own figure. */
function updateText(figures: readonly QuantityReport[]): string {
  const values = figures.map((f) => escapeMarkdown(shownFigure(f))).join(' → ');
  const days = figures.map((f) => formatDay(f.publishedOn)).join(' → ');
  return `${values} (${escapeMarkdown(figures[0]!.source)}, ${days})`;
}

/** One measure: its figures ascending, each with its outlets, an outlet's updates, and whether outlets disagree. */
function groupText(group: FigureGroup): string {
  const updated = new Set(group.updates.map((figures) => figures[0]!.source));
  const byShown = new Map<string, { value: number; sources: string[] }>();
  for (const report of group.figures.filter((f) => !updated.has(f.source))) {
    const shown = shownFigure(report);
    const known = byShown.get(shown) ?? { value: report.value, sources: [] };
    if (!known.sources.includes(report.source)) known.sources.push(report.source);
    byShown.set(shown, known);
  }
  const figures = [...byShown]
    .sort(([, a], [, b]) => a.value - b.value)
    .map(([shown, { sources }]) => `${escapeMarkdown(shown)} (${sources.map(escapeMarkdown).join(', ')})`);
  const units = [...new Set(group.figures.map((f) => f.unit.trim().toLowerCase()))].map(escapeMarkdown).join(' / ');
  const values = [...figures, ...group.updates.map(updateText)].join(', ');
  return `${units}: ${values}${group.conflict.length > 0 ? ' — sources disagree' : ''}`;
}

/**
 * "people: 500 (AP), 3,000 (AFP) — sources disagree; trucks: 15 (AP)"; undefined when there are no
 * figures. Figures without a unit are left out: a bare number means nothing to a reader (the JSON
 * output keeps them).
 */
export function figuresLine(quantities: readonly QuantityReport[]): string | undefined {
  const groups = figureGroups(quantities).map(groupText);
  return groups.length > 0 ? `**Figures:** ${groups.join('; ')}` : undefined;
}

function entrySection(entry: TimelineEntry): string[] {
  const details = [whoWhereLine(entry.entities), figuresLine(entry.quantities)].filter(
    (line): line is string => line !== undefined,
  );
  return [
    `## ${formatDate(entry.date)}`,
    '',
    ...entry.sentences.map(citationLine),
    // Each detail is its own paragraph so the two lines do not run together when rendered.
    ...details.flatMap((line) => ['', line]),
  ];
}

export function renderMarkdown(timeline: Timeline): string {
  const sections = chronological(timeline.entries).map((entry) => entrySection(entry).join('\n'));
  return `${[titleLines(timeline).join('\n'), ...sections].join('\n\n')}\n`;
}
