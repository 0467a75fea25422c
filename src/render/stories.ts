// Writers of an archive's story list (`chronicle stories`): Markdown for people, JSON for programs.
import type { EntityCount, Story } from '../model.js';
import { escapeMarkdown } from './escape.js';

export interface StoryListing {
  /** Where the stories are (a file or a redacted URL), for the heading and the commands shown. */
  store: string;
  total: number;
  stories: readonly Story[];
}

export function renderStoriesJson(listing: StoryListing): string {
  return `${JSON.stringify({ total: listing.total, stories: listing.stories }, null, 2)}\n`;
}

export function renderStoriesMarkdown({ store, total, stories }: StoryListing): string {
  const lines = [`# Stories in ${escapeMarkdown(store)}`, ''];
  if (stories.length === 0) {
    lines.push(total === 0 ? 'No story yet: add articles with `chronicle ingest`.' : 'No story on this page.', '');
    return lines.join('\n');
  }
  lines.push(`${stories.length} of ${total} stor${total === 1 ? 'y' : 'ies'}.`, '');
  stories.forEach((story, index) => {
    const copies = story.articles - story.independent;
    lines.push(
      `${index + 1}. **${escapeMarkdown(story.label || story.id)}** — ${story.firstDay} → ${story.lastDay} · ` +
        `${story.articles} article${story.articles === 1 ? '' : 's'}` +
        (copies > 0 ? ` (${copies} cop${copies === 1 ? 'y' : 'ies'})` : '') +
        ` from ${story.outlets} outlet${story.outlets === 1 ? '' : 's'}`,
    );
    const names = namesLine('names', story.names);
    const places = namesLine('places', story.places);
    if (names || places) lines.push(`   ${[names, places].filter(Boolean).join(' · ')}`);
    lines.push(`   \`chronicle timeline --store ${store} --story ${story.id}\``);
  });
  lines.push('');
  return lines.join('\n');
}

function namesLine(heading: string, names: readonly EntityCount[]): string {
  return names.length === 0 ? '' : `${heading}: ${names.map((n) => escapeMarkdown(n.text)).join(', ')}`;
}
