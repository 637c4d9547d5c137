import type { ProgressListener } from '../io/progress.js';

/**
 * One line on stderr, redrawn at most five times a second: file, percent, MB read, MB/s.
 * Only for big inputs (after the first second), only on a terminal.
 */
export function terminalProgress(stderr: NodeJS.WritableStream): ProgressListener {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    read(file, bytes, total) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 200) return;
      last = now;
      const mb = bytes / 1e6;
      const rate = mb / ((now - start) / 1000);
      const pct = total ? ` ${Math.min(100, Math.round((bytes / total) * 100))}%` : '';
      stderr.write(`\r\u001b[K${file}:${pct} ${mb.toFixed(1)} MB · ${rate.toFixed(1)} MB/s`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
