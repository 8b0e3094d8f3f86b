/**
 * A progress display for long CLI runs: on a terminal one line redrawn in place (a bar, the count
 * and what is being done); otherwise plain lines, one per event, so logs and pipes stay readable.
 * Written here rather than taken from npm because it is 40 lines that write through the command's
 * Io (tests capture it), where the bar libraries write to process.stderr themselves.
 */
import type { Io } from './io.js';

/** A progress display. */
export interface Progress {
  /** Show the state: `done` of `total` finished, `what` is under way. */
  update(done: number, total: number, what: string): void;
  /** A line that stays (a finished item, a retry): printed above the bar on a terminal. */
  log(line: string): void;
  /** Remove the bar. */
  end(): void;
}

/**
 * A progress display on stderr.
 *
 * @param io where to write; `isTTY` chooses the bar
 */
export function progress(io: Io): Progress {
  const tty = io.isTTY;
  let shown = false;
  const clear = () => {
    if (shown) io.stderr('\r\x1b[2K');
    shown = false;
  };
  let last = '';
  return {
    update(done, total, what) {
      if (!tty) return;
      const width = Math.max(10, Math.min(30, (io.columns ?? 80) - 50));
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${what}`;
      last = text.slice(0, Math.max(20, (io.columns ?? 80) - 1));
      io.stderr(`\r\x1b[2K${last}`);
      shown = true;
    },
    log(line) {
      const redraw = shown;
      clear();
      io.stderr(`${line}\n`);
      if (redraw && tty) {
        io.stderr(last);
        shown = true;
      }
    },
    end() {
      clear();
    },
  };
}
