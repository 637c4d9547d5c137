import { parentPort } from 'node:worker_threads';
import { readDealPart, type DealPartJob } from './deal-part.js';

// A worker thread reads one part of a deals file (see deal-threads.ts). An error is sent
// back as its message only: the file is then read again on one thread, which reports it
// with its true line.
parentPort?.once('message', (job: DealPartJob) => {
  readDealPart(job).then(
    (result) => {
      const transfer = result.idLines ? [result.idLines.words.buffer as ArrayBuffer, result.idLines.lines.buffer as ArrayBuffer] : [];
      parentPort?.postMessage({ result }, transfer);
    },
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
