/** Bumped only when a field of the JSON output is renamed or removed; adding a field keeps it. */
export const SCHEMA_VERSION = 1;
