// `chronicle stories` on the example archive: the two invented stories the project ships (the
// harbour strike and the hill fire, the same weeks and partly the same outlets) come out as two
// stories, with the same ids whether the archive arrives in one ingest or story by story.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../src/model.js';
import { chronicleRun, expectNoStackTrace, root } from './support/cli-run.js';

const examples = join(root, 'examples');
const folder = mkdtempSync(join(tmpdir(), 'chronicle-stories-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function chronicle(...args: string[]): Promise<string> {
  const run = await chronicleRun(args, {});
  expectNoStackTrace(run.stderr);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

async function storiesOf(store: string): Promise<{ total: number; stories: Story[] }> {
  return JSON.parse(await chronicle('stories', '--store', store, '--format', 'json', '--min-articles', '1')) as {
    total: number;
    stories: Story[];
  };
}

/** How many article files each example story has. */
const filesIn = (story: string) =>
  readdirSync(join(examples, story), { recursive: true }).filter((f) => String(f).endsWith('.txt')).length;

describe('chronicle stories on the example archive', () => {
  const whole = join(folder, 'whole.sqlite');
  const parts = join(folder, 'parts.sqlite');
  let listed: { total: number; stories: Story[] };

  beforeAll(async () => {
    await chronicle('ingest', examples, '--store', whole);
    listed = await storiesOf(whole);
  }, 120_000);

  it('finds the strike and the fire as two stories, every article in one of them', () => {
    expect(listed.total).toBe(2);
    const [strike, fire] = listed.stories;
    expect(strike).toMatchObject({
      articles: filesIn('harbour-strike'),
      firstDay: '2025-04-01',
      lastDay: '2025-04-18',
    });
    expect(fire).toMatchObject({ articles: filesIn('hill-fire'), firstDay: '2025-04-08' });
    expect(strike!.label).toMatch(/Velmora/);
    expect(strike!.names.map((n) => n.text)).toContain('Tomas Brell');
    expect(fire!.names.map((n) => n.text)).not.toContain('Tomas Brell');
    expect(fire!.outlets).toBe(3);
  });

  it('builds a story timeline from that story alone', async () => {
    const fire = listed.stories[1]!;
    const timeline = JSON.parse(
      await chronicle('timeline', '--store', whole, '--story', fire.id, '--format', 'json', '--dates', '5'),
    ) as { stats: { articles: number }; entries: { sentences: { source: string }[] }[] };
    expect(timeline.stats.articles).toBe(fire.articles);
    const outlets = new Set(timeline.entries.flatMap((e) => e.sentences.map((s) => s.source)));
    expect(outlets).not.toContain('velmora-herald');
    const timelineJs = JSON.parse(
      await chronicle('timeline', '--store', whole, '--story', fire.id, '--format', 'timelinejs'),
    ) as { title: { text: { headline: string } } };
    expect(timelineJs.title.text.headline).toContain(fire.label.split(' · ')[0]);
  });

  it('gives the same stories and ids when the stories arrive one ingest after the other', async () => {
    await chronicle('ingest', join(examples, 'harbour-strike'), '--store', parts);
    const first = await storiesOf(parts);
    expect(first.total).toBe(1);
    await chronicle('ingest', join(examples, 'hill-fire'), '--store', parts);
    const after = await storiesOf(parts);
    // The strike kept its id while the fire arrived beside it.
    expect(after.stories.map((s) => s.id)).toContain(first.stories[0]!.id);
    expect(after).toEqual(listed);
  }, 120_000);

  it('refuses an unknown story and a malformed id with the reason', async () => {
    const unknown = await chronicleRun(['timeline', '--store', whole, '--story', 'abcdefabcdef'], {});
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("no story 'abcdefabcdef'");
    const malformed = await chronicleRun(['timeline', '--store', whole, '--story', 'harbour'], {});
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('12 hexadecimal digits');
    expectNoStackTrace(unknown.stderr + malformed.stderr);
  });
});
