/**
 * A workbook is an archive from outside: what it may unpack to is capped, counted while it
 * inflates (the sizes an archive declares can lie), so that a zip bomb stops with exit 2
 * instead of filling memory.
 */
export interface UnpackLimits {
  /** Uncompressed bytes over every part read. */
  maxBytes: number;
  /** Cells of the sheet plus entries of its string table. */
  maxCells: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = { maxBytes: 1024 * 1024 * 1024, maxCells: 50_000_000 };
