import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../../src/io/csv-scanner.js';
import { takeSepLine } from '../../src/io/read-table.js';

describe('takeSepLine', () => {
  it("takes Excel's sep= line off and names its delimiter", () => {
    expect(takeSepLine('sep=;\r\nClient;Amount\r\n')).toEqual({ delimiter: ';', rest: 'Client;Amount\r\n' });
    expect(takeSepLine('SEP=|\nClient|Amount\n')).toEqual({ delimiter: '|', rest: 'Client|Amount\n' });
    expect(takeSepLine('sep=\t\nClient\tAmount\n')).toEqual({ delimiter: '\t', rest: 'Client\tAmount\n' });
  });

  it('leaves other first lines alone', () => {
    expect(takeSepLine('separator;Amount\n')).toBeNull();
    expect(takeSepLine('sep=;;\nClient;Amount\n')).toBeNull();
    expect(takeSepLine('Client;Amount\nsep=;\n')).toBeNull();
  });

  it('the scanner numbers lines from the one after it', () => {
    const lines: number[] = [];
    const scanner = new CsvScanner(
      { file: 't.csv', delimiter: ';', maxRecordLength: 1 << 20, firstLine: 2 },
      (_fields, line) => lines.push(line),
    );
    scanner.push('Client;Amount\nAcme;1\n');
    scanner.end();
    expect(lines).toEqual([2, 3]);
  });
});
