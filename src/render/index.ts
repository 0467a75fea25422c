// Timeline writers (each takes the finished model and returns the whole file as text), and the
// parsers and the TimeML writer the evaluations use.
import type { Timeline } from '../model.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderNewsTls } from './newstls.js';
import { renderTilse } from './tilse.js';
import { renderTimelineJs, type RenderContext } from './timelinejs.js';

export { daySummaries, type DaySummary } from './day-summaries.js';
export type { RenderContext } from './timelinejs.js';
export { parseNewsTls } from './newstls.js';
export { parseTilse } from './tilse.js';
export { renderStoriesJson, renderStoriesMarkdown, type StoryListing } from './stories.js';
export { plainTextAsTimeml, renderTimeml, type TimexToWrite } from './timeml.js';

export type OutputFormat = 'json' | 'md' | 'tilse' | 'newstls' | 'timelinejs';

const writers: Record<OutputFormat, (timeline: Timeline, context: RenderContext) => string> = {
  json: renderJson,
  md: renderMarkdown,
  tilse: renderTilse,
  newstls: renderNewsTls,
  timelinejs: renderTimelineJs,
};

export const outputFormats: readonly OutputFormat[] = Object.keys(writers) as OutputFormat[];

/** `context` says what the timeline itself does not: the story it was built from (TimelineJS titles by its label). */
export function renderTimeline(timeline: Timeline, format: OutputFormat, context: RenderContext = {}): string {
  return writers[format](timeline, context);
}
