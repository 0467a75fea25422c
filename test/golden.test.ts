// The example corpus end to end through the library. Two kinds of check: what must hold for any good
// timeline of this story (key days found, citations exact, the reprint counted once, disagreeing
// figures shown), and a golden file that pins the whole output so any change to it is seen and
// reviewed. After an intended change: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline, loadCorpus, renderTimeline } from '../src/pipeline.js';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'examples', 'harbour-strike');
const golden = join(root, 'test', 'golden', 'harbour-strike.tilse');

// The answer key in examples/harbour-strike/README.md.
const KEY_DAYS = [
  '2025-04-01',
  '2025-04-03',
  '2025-04-05',
  '2025-04-06',
  '2025-04-08',
  '2025-04-10',
  '2025-04-12',
  '2025-04-15',
  '2025-04-17',
  '2025-04-18',
];

const { corpus, skipped } = await loadCorpus([example]);
const timeline = buildTimeline(corpus, { dates: 10, sentencesPerDate: 2 });
const articleById = new Map(corpus.articles.map((a) => [a.article.id, a.article]));
const fileOf = (id: string) => basename(articleById.get(id)!.origin.file);

describe('the example corpus', () => {
  it('is read whole', () => {
    expect(skipped).toEqual([]);
    expect(corpus.articles).toHaveLength(18);
  });

  it('finds the story\u2019s key days', () => {
    const found = timeline.entries.map((e) => e.date.value).filter((day) => KEY_DAYS.includes(day));
    expect(found.length).toBeGreaterThanOrEqual(8);
  });

  it('cites sentences exactly as they stand in their articles', () => {
    for (const entry of timeline.entries) {
      for (const citation of entry.sentences) {
        const article = articleById.get(citation.articleId)!;
        expect(article.text.slice(citation.span.start, citation.span.end)).toBe(citation.text);
        if (citation.dating.timex) {
          const { span, text } = citation.dating.timex;
          expect(article.text.slice(span.start, span.end)).toBe(text);
        }
      }
    }
  });

  it('counts the reprinted wire story once and says where else it ran', () => {
    expect(timeline.stats.duplicates).toBe(1);
    const group = corpus.duplicateGroups.find((g) => g.memberIds.some((id) => fileOf(id).startsWith('006-')))!;
    expect(group.memberIds.map(fileOf).sort()).toEqual([
      '006-coastal-wire-ferry-evacuation.txt',
      '007-velmora-herald-ferry-evacuation-wire.txt',
    ]);
    const citesReprint = timeline.entries.flatMap((e) => e.sentences).filter((c) => c.alsoIn.length > 0);
    for (const citation of citesReprint) expect(fileOf(citation.articleId)).toMatch(/^00[67]-/);
  });

  it('puts the outlets\u2019 disagreeing figures side by side', () => {
    const disagreements = timeline.entries.filter((entry) =>
      entry.quantities.some((a) =>
        entry.quantities.some((b) => a.unit === b.unit && a.source !== b.source && a.value !== b.value),
      ),
    );
    expect(disagreements.length).toBeGreaterThan(0);
  });

  it('matches the reviewed golden timeline', () => {
    const rendered = renderTimeline(timeline, 'tilse');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, rendered);
    expect(existsSync(golden), 'no golden file: run with UPDATE_GOLDEN=1 and review it').toBe(true);
    expect(rendered).toBe(readFileSync(golden, 'utf8'));
  });
});
