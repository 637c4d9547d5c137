/**
 * Where folio says how it read a file (the worker threads' parts, or why a file was read
 * again on one thread) under FOLIO_TRACE_THREADS=1. The output never shows it; tests and
 * benchmarks need to know which path ran. The CLI sets the writer for each run from the
 * run's own environment; nothing is written without one.
 */
let writer: ((line: string) => void) | null = null;

export function setTraceWriter(w: ((line: string) => void) | null): void {
  writer = w;
}

export function trace(text: string): void {
  writer?.(`folio threads: ${text}\n`);
}
