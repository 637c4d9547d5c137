// The DuckDB peer: read + group-by + sum on one thread, as an analyst would write it.
import { DuckDBInstance } from '@duckdb/node-api';

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`SELECT client, sum(amount) FROM read_csv('${process.argv[2]}') GROUP BY client`);
console.log(reader.getRows().length);
