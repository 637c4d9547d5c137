// The DuckDB peer: read + group-by + sum, as an analyst would write it; on one thread unless
// a thread count follows the file.
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(':memory:', { threads: process.argv[3] ?? '1' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT client, sum(amount) FROM read_csv('${process.argv[2]}') GROUP BY client`,
);
console.log(reader.getRows().length);
