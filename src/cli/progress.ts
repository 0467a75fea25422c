// Progress bars for long runs, on stderr and only when a person is watching (a TTY): logs and
// pipes stay clean.
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import type { Phase, ProgressListener } from '../pipeline.js';

const LABELS: Record<Phase, string> = { read: 'reading  ', annotate: 'annotating', ingest: 'ingesting' };
// Below this many items (files, articles; bytes for ingest) a bar would only flicker.
const MIN_FOR_BAR: Record<Phase, number> = { read: 50, annotate: 50, ingest: 2 ** 20 };
// Ingest counts input bytes: the bar shows them in MB, with the articles stored so far.
const FORMATS: Record<Phase, string> = {
  read: '{value}/{total}',
  annotate: '{value}/{total}',
  ingest: '{megabytes}/{totalMegabytes} MB, {articles} articles,',
};
const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export interface ProgressDisplay {
  listener: ProgressListener;
  stop(): void;
}

export function progressDisplay(enabled = process.stderr.isTTY === true): ProgressDisplay {
  if (!enabled) return { listener: () => undefined, stop: () => undefined };
  // Required only now, not imported: most runs draw no bar (no TTY), and every start of the CLI
  // would otherwise pay for loading cli-progress.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  let bar: CliProgress.SingleBar | undefined;
  let current: Phase | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const listener: ProgressListener = (phase, done, total, articles = 0) => {
    if (total < MIN_FOR_BAR[phase]) return;
    const payload = { megabytes: megabytes(done), totalMegabytes: megabytes(total), articles };
    if (phase !== current) {
      stop();
      current = phase;
      bar = new cliProgress.SingleBar(
        {
          format: `${LABELS[phase]} [{bar}] ${FORMATS[phase]} {percentage}% eta {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, payload);
    }
    bar?.update(done, payload);
  };
  return { listener, stop };
}
