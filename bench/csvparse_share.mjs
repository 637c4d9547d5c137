// The csv-parse peer: stream, arrays, group-by and sum with no validation.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const sums = new Map();
const parser = createReadStream(process.argv[2]).pipe(parse({ from_line: 2 }));
for await (const row of parser) sums.set(row[1], (sums.get(row[1]) ?? 0) + Number(row[2]));
console.log(sums.size);
