import { describe, expect, it } from 'vitest';
import { formatCsv } from './formatCsv.js';
import { CsvSyntaxError, parseCsv } from './parseCsv.js';

describe('parseCsv', () => {
  it('should read quoted fields with commas, quotes and line breaks, giving each record its first line', () => {
    // given
    const text = 'a,b\r\n"x, ""y""","two\nlines"\r\n\r\nlast,\n';
    // when
    const records = parseCsv(text);
    // then
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'two\nlines'] },
      { line: 5, cells: ['last', ''] },
    ]);
  });

  it('should read back what formatCsv writes', () => {
    const rows = [
      ['κωδικός', 'όνομα'],
      ['DD', 'Δ/νση "Διοικητικών", Υπηρεσιών'],
      ['', 'a\r\nb'],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });

  it('should refuse an unclosed quote, naming the line it starts on', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('line 2');
  });
});
