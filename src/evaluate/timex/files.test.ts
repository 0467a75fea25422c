import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTimemlFile } from '../../read/timeml.js';
import { renderTimeml } from '../../render/timeml.js';
import { sharedPath } from '../../shared-data.js';
import { annotateTimemlPath, scoreTimexDirs, timemlOutputName } from './files.js';

const work = mkdtempSync(join(tmpdir(), 'chronicle-timex-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dct = '<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-05">2019-03-05</TIMEX3></DCT>';
const inputText = `<TimeML>\n${dct}\n<TEXT>\nFerry crews stopped work on March 4, 2019 and again for two days.\n</TEXT>\n</TimeML>\n`;
const goldText = inputText
  .replace('March 4, 2019', '<TIMEX3 tid="t1" type="DATE" value="2019-03-04">March 4, 2019</TIMEX3>')
  .replace('two days', '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>');

function folder(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('TimeML folders', () => {
  it('names output after the gold file', () => {
    expect(timemlOutputName('/in/HG20190305.tml.TE3input')).toBe('HG20190305.tml');
  });

  it('tags a folder of TE3input files and scores the output against gold', async () => {
    const inputs = folder('input', { 'ferry.tml.TE3input': inputText, 'notes.txt': 'not TimeML' });
    const gold = folder('gold', { 'ferry.tml': goldText });
    const written = await annotateTimemlPath(inputs, join(work, 'out'));
    expect(written).toEqual([{ input: join(inputs, 'ferry.tml.TE3input'), output: join(work, 'out', 'ferry.tml') }]);
    const score = scoreTimexDirs(gold, join(work, 'out'));
    expect(score.documents).toBe(1);
    expect(score.counts.gold).toBe(2);
    // The tagger must at least find the absolute date, with its value.
    expect(score.errors.filter((error) => error.gold?.text === 'March 4, 2019')).toEqual([]);
  });

  it('refuses a system folder that lacks a gold file', () => {
    const gold = folder('gold2', { 'ferry.tml': goldText, 'bridge.tml': goldText });
    const system = folder('system2', { 'ferry.tml': goldText });
    expect(() => scoreTimexDirs(gold, system)).toThrow(`${system}: no system file for 1 gold file(s), e.g. bridge.tml`);
  });
});

const devData = sharedPath('data', 'timeml-dev');
const hasDevData = (() => {
  try {
    return readdirSync(join(devData, 'AQUAINT')).length > 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasDevData)('scoreTimexDirs on the TempEval-3 training data', () => {
  it('scores gold timexes rendered into the inputs as perfect, and untagged inputs as zero', () => {
    const rendered = join(work, 'rendered');
    const untagged = join(work, 'untagged');
    mkdirSync(rendered);
    mkdirSync(untagged);
    const goldDir = join(devData, 'AQUAINT');
    for (const name of readdirSync(goldDir).filter((file) => file.endsWith('.tml'))) {
      const inputPath = join(devData, 'input', 'AQUAINT', `${name}.TE3input`);
      writeFileSync(
        join(rendered, name),
        renderTimeml(readTimemlFile(inputPath), readTimemlFile(join(goldDir, name)).timexes),
      );
      writeFileSync(join(untagged, name), readFileSync(inputPath));
    }
    const perfect = scoreTimexDirs(goldDir, rendered);
    expect(perfect.counts).toEqual({
      gold: 579,
      predicted: 579,
      relaxed: 579,
      strict: 579,
      typeCorrect: 579,
      valueCorrect: 579,
    });
    expect([perfect.strict.f1, perfect.value.f1, perfect.type.f1]).toEqual([1, 1, 1]);
    const nothing = scoreTimexDirs(goldDir, untagged);
    expect([nothing.counts.predicted, nothing.relaxed.f1, nothing.value.f1]).toEqual([0, 0, 0]);
    expect(nothing.errors).toHaveLength(579);
  });
});
