/** One CSV record: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** Thrown when CSV text is malformed (an unclosed quote, a stray quote); the message names the line. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes with "" for a quote, CRLF or LF
 * line ends; quoted fields may span lines. Blank lines are skipped; a leading BOM is ignored.
 * @throws CsvSyntaxError on an unclosed quoted field or a quote inside an unquoted one.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false; // any cell of the record: a lone "" is a record, a blank line is not
  let cellQuoted = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '' || wasQuoted) records.push({ line: start, cells });
    cells = [];
    cell = '';
    wasQuoted = cellQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') {
      if (cell !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted field; quote the whole field.');
      quoted = wasQuoted = cellQuoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      cellQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (cellQuoted) throw new CsvSyntaxError(line, 'text after a closing quote.');
      cell += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is never closed.');
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}
