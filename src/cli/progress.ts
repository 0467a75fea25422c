// Progress bars for long runs, on stderr and only when a person is watching (a TTY): logs and
// pipes stay clean.
import cliProgress from 'cli-progress';
import type { Phase, ProgressListener } from '../pipeline.js';

const LABELS: Record<Phase, string> = { read: 'reading  ', annotate: 'annotating', store: 'storing  ' };
// Below this many items a bar would only flicker.
const MIN_ITEMS_FOR_BAR = 50;

export interface ProgressDisplay {
  listener: ProgressListener;
  stop(): void;
}

export function progressDisplay(enabled = process.stderr.isTTY === true): ProgressDisplay {
  if (!enabled) return { listener: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | undefined;
  let current: Phase | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const listener: ProgressListener = (phase, done, total) => {
    if (total < MIN_ITEMS_FOR_BAR) return;
    if (phase !== current) {
      stop();
      current = phase;
      bar = new cliProgress.SingleBar(
        { format: `${LABELS[phase]} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar?.update(done);
  };
  return { listener, stop };
}
