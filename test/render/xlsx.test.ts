import { describe, expect, it } from 'vitest';
import { columnLetters, escapeXml, excelDay, sheetName, workbookParts } from '../../src/render/xlsx.js';
import type { DataTable } from '../../src/render/document.js';

describe('the pieces of a workbook', () => {
  it('names columns as Excel does: A…Z, AA…AZ, BA; XFD is the last of 16,384', () => {
    expect([0, 25, 26, 51, 52, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD']);
  });

  it('counts days from 1899-12-30 (1900-03-01 is 61, 2026-10-01 is 46296), and reads only ISO days', () => {
    // By hand: 2025-01-01 is 45658 (as Excel shows it), 2026-01-01 is 365 days later, 46023, and
    // January to September 2026 hold 273 days.
    expect(excelDay('1900-03-01')).toBe(61);
    expect(excelDay('2026-10-01')).toBe(46_296);
    expect(excelDay('01.10.2026')).toBeNull();
  });

  it('escapes what XML and Excel would misread, and nothing else', () => {
    expect(escapeXml('ООО «Ромашка» & Co')).toBe('ООО «Ромашка» &amp; Co');
    expect(escapeXml('<b>"x"</b>')).toBe('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    // A control character is no XML; Excel writes it _x000B_, so a literal _x0041_ keeps its underscore escaped.
    expect(escapeXml('a\u000bb')).toBe('a_x000B_b');
    expect(escapeXml('code _x0041_ here')).toBe('code _x005F_x0041_ here');
    expect(escapeXml('tab\tand\nline')).toBe('tab\tand\nline');
    expect(escapeXml('emoji 😀, lone \ud800.')).toBe('emoji 😀, lone \ufffd.');
  });

  it('names sheets within 31 characters, without []:*?/\\, each once', () => {
    const taken = new Set<string>();
    expect(sheetName('Revenue share', taken)).toBe('Revenue share');
    expect(sheetName('revenue SHARE', taken)).toBe('revenue SHARE (2)');
    expect(sheetName('a/b: [c]?', taken)).toBe('a b   c');
    expect(sheetName('A name that is far too long for a sheet', taken)).toBe('A name that is far too long for');
    expect(sheetName('A name that is far too long for a tab', taken)).toBe('A name that is far too long (2)');
  });

  it('writes each cell by its column type and a record as name-value rows', () => {
    const list: DataTable = {
      section: 'x',
      title: 'List',
      columns: [
        { key: 'n', label: 'N', type: 'integer' },
        { key: 'd', label: 'Day', type: 'date' },
        { key: 's', label: 'Share', type: 'share' },
        { key: 'b', label: 'Yes', type: 'boolean' },
        { key: 't', label: 'Text', type: 'text' },
      ],
      rows: [{ n: 3, d: '2026-10-01', s: 0.25, b: true, t: '=1+1' }, { n: null }],
    };
    const record: DataTable = {
      section: 'r',
      title: 'Rec',
      record: true,
      columns: [{ key: 'total', label: 'Total', type: 'decimal' }],
      rows: [{ total: 12.5 }],
    };
    const parts = workbookParts([list, record], { recordHeader: ['Figure', 'Value'], dateFormat: 'yyyy-mm-dd' });
    const text = (path: string): string => [...(parts.find((p) => p.path === path)?.chunks ?? [])].join('');
    const sheet1 = text('xl/worksheets/sheet1.xml');
    // Styles by index (styles.xml): 2 integer, 4 share, 5 date; a formula-looking text stays text.
    expect(sheet1).toContain(
      '<row r="2"><c r="A2" s="2"><v>3</v></c><c r="B2" s="5"><v>46296</v></c><c r="C2" s="4"><v>0.25</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="inlineStr"><is><t>=1+1</t></is></c></row>',
    );
    // An empty value leaves no cell (a null is not a zero).
    expect(sheet1).toContain('<row r="3"></row>');
    expect(sheet1).toContain('<autoFilter ref="A1:E3"/>');
    expect(sheet1).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const sheet2 = text('xl/worksheets/sheet2.xml');
    expect(sheet2).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Total</t></is></c><c r="B2" s="3"><v>12.5</v></c></row>',
    );
    expect(text('xl/workbook.xml')).toContain(
      '<sheet name="List" sheetId="1" r:id="rId1"/><sheet name="Rec" sheetId="2" r:id="rId2"/>',
    );
    expect(text('xl/styles.xml')).toContain(
      '<numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>',
    );
  });
});
