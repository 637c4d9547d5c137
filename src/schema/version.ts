/**
 * Bumped only when a field of the JSON output is renamed or removed; adding a field keeps it.
 * 2: every share and threshold is a fraction (share `thresholds` and `bands`, dynamics
 * `thresholds.abc`, `xyz`, `maxManagerShare`, `key`, the MANAGER_SHARE warning's and the
 * golden, critical and manager-share findings' limits were percentages); the report's top
 * clients carry a null `previousShare`/`change` for a new client.
 */
export const SCHEMA_VERSION = 2;
