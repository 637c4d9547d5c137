import {
  type ColumnMapping,
  type ColumnOverrides,
  type FieldSpec,
  fitColumns,
  missingError,
} from '../../src/normalize/columns.js';

/**
 * A header row mapped to fields, or the located error that names what is missing: what the
 * readers do with the header they settle on (src/load/table-source.ts), for tests that
 * start from a header row.
 */
export function mapColumns(
  file: string,
  headers: string[],
  specs: readonly FieldSpec[],
  overrides: ColumnOverrides = {},
  hasHeader = true,
): ColumnMapping {
  const fit = fitColumns(file, headers, { specs }, overrides, 1);
  if (fit.duplicate) throw fit.duplicate;
  if (fit.missing.length > 0) throw missingError(file, 1, fit, overrides, hasHeader);
  return fit.mapping;
}
