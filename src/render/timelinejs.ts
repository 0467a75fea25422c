// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html): a title slide and one
// event slide per date. TimelineJS puts `headline` and `text` into the page as HTML, so every piece
// of article text is HTML-escaped here and links are only made from http(s) URLs.
import type { Citation, Timeline, TimelineEntry } from '../model.js';
import { dateParts, evidenceInWords, formatDate, formatDay, type DateParts } from './dates.js';
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

function titleSlide(timeline: Timeline): { text: TimelineJsText } {
  const { stats, options } = timeline;
  return {
    text: {
      headline: escapeHtml(options.query ? `Timeline: ${options.query}` : 'Timeline'),
      text: escapeHtml(
        `${timeline.entries.length} dates by the ${timeline.method} method from ${stats.articles} articles ` +
          `(${stats.duplicates} duplicates).`,
      ),
    },
  };
}

export function toTimelineJs(timeline: Timeline): TimelineJsDocument {
  return {
    title: titleSlide(timeline),
    events: timeline.entries.map((entry) => ({
      start_date: dateParts(entry.date),
      text: { headline: escapeHtml(formatDate(entry.date)), text: entryHtml(entry) },
      // Stable ids make TimelineJS's #event-… bookmarks survive re-rendering the same timeline.
      unique_id: `date-${entry.date.value}`,
    })),
  };
}

export function renderTimelineJs(timeline: Timeline): string {
  return `${JSON.stringify(toTimelineJs(timeline), null, 2)}\n`;
}
