// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): a title slide and one
// event slide per date. TimelineJS puts `headline` and `text` into the page as HTML, so every piece
// of article text is HTML-escaped here and links are only made from http(s) URLs.
import type { Citation, Timeline, TimelineEntry } from '../model.js';
import {
  chronological,
  dateParts,
  evidenceInWords,
  formatDate,
  formatDay,
  timexInWords,
  type DateParts,
} from './dates.js';
import { escapeHtml, httpUrl } from './escape.js';

export interface TimelineJsText {
  headline: string;
  text: string;
}

export interface TimelineJsEvent {
  /** Month and day are left out for coarser dates, which TimelineJS then shows as "March 2019" or "2019". */
  start_date: DateParts;
  text: TimelineJsText;
  unique_id: string;
}

export interface TimelineJsDocument {
  title: { text: TimelineJsText };
  events: TimelineJsEvent[];
}

function citationHtml(citation: Citation): string {
  const url = httpUrl(citation.url);
  const label = escapeHtml(citation.title ? `${citation.source}: ${citation.title}` : citation.source);
  const outlet = url ? `<a href="${escapeHtml(url)}">${label}</a>` : label;
  const alsoIn = citation.alsoIn.length > 0 ? `; also in ${escapeHtml(citation.alsoIn.join(', '))}` : '';
  return `<cite>${outlet}, ${escapeHtml(formatDay(citation.publishedOn))} (${escapeHtml(evidenceInWords(citation.dating.evidence))}${alsoIn})</cite>`;
}

function entryHtml(entry: TimelineEntry): string {
  const items = entry.sentences.map((c) => `<li><p>${escapeHtml(c.text)}</p>${citationHtml(c)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

/** What a writer may know of a timeline besides the timeline itself. */
export interface RenderContext {
  /** The label of the story (`/api/stories`) the timeline was built from. */
  storyLabel?: string | undefined;
}

/**
 * The title slide's headline: the label of the story it was built from, or the story asked for, as
 * typed; without either, the days the timeline spans ("1 April 2025 to 18 April 2025"), never a
 * bare "Timeline" that says nothing.
 */
export function timelineJsTitle(timeline: Timeline, context: RenderContext = {}): string {
  if (context.storyLabel) return `Timeline: ${context.storyLabel}`;
  if (timeline.options.query) return `Timeline: ${timeline.options.query}`;
  const dates = chronological(timeline.entries).map((entry) => timexInWords(entry.date.value));
  if (dates.length === 0) return 'Timeline: no dates';
  return dates.length === 1 ? `Timeline of ${dates[0]}` : `Timeline: ${dates[0]} to ${dates.at(-1)}`;
}

function titleSlide(timeline: Timeline, context: RenderContext): { text: TimelineJsText } {
  const { stats } = timeline;
  return {
    text: {
      headline: escapeHtml(timelineJsTitle(timeline, context)),
      text: escapeHtml(
        `${timeline.entries.length} dates by the ${timeline.method} method from ${stats.articles} articles ` +
          `(${stats.duplicates} duplicates).`,
      ),
    },
  };
}

export function toTimelineJs(timeline: Timeline, context: RenderContext = {}): TimelineJsDocument {
  return {
    title: titleSlide(timeline, context),
    events: timeline.entries.map((entry) => ({
      start_date: dateParts(entry.date),
      text: { headline: escapeHtml(formatDate(entry.date)), text: entryHtml(entry) },
      // Stable ids make TimelineJS's #event-… bookmarks survive re-rendering the same timeline.
      unique_id: `date-${entry.date.value}`,
    })),
  };
}

export function renderTimelineJs(timeline: Timeline, context: RenderContext = {}): string {
  return `${JSON.stringify(toTimelineJs(timeline, context), null, 2)}\n`;
}
