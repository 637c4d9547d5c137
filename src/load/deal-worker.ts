import { parentPort } from 'node:worker_threads';
import { readDealPart, type DealPartJob, type PartIds } from './deal-part.js';

// A worker thread reads one part of a deals file (see deal-threads.ts). An error is sent
// back as its message only: the file is then read again on one thread, which reports it
// with its true line.
parentPort?.once('message', (job: DealPartJob) => {
  readDealPart(job, (bytes) => parentPort?.postMessage({ progress: bytes })).then(
    (result) => {
      // A table cannot cross threads: its chunks of entries and its lines go, moved rather than copied.
      let ids: PartIds | null = result.ids;
      if (ids !== null && 'table' in ids) {
        const chunks: Int32Array[] = [];
        ids.table.eachChunk((words) => chunks.push(words));
        ids = { chunks, size: ids.table.size, lines: ids.table.allLines() };
      }
      const transfer =
        ids !== null && 'chunks' in ids
          ? [...ids.chunks.map((c) => c.buffer as ArrayBuffer), ids.lines.buffer as ArrayBuffer]
          : [];
      parentPort?.postMessage({ result: { ...result, ids } }, transfer);
    },
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
