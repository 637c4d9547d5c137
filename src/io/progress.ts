/**
 * Where reading reports its progress. Nothing listens by default; the CLI attaches a
 * listener only when stderr is a terminal and the output is not JSON.
 */
export interface ProgressListener {
  read(file: string, bytes: number, totalBytes: number | null): void;
  done(): void;
}

let listener: ProgressListener | null = null;

export function setProgressListener(l: ProgressListener | null): void {
  listener = l;
}

export function reportProgress(file: string, bytes: number, totalBytes: number | null): void {
  listener?.read(file, bytes, totalBytes);
}

export function progressDone(): void {
  listener?.done();
}
