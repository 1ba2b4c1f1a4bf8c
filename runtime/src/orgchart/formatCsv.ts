/** Formats rows as RFC 4180 CSV with CRLF line ends, quoting only the cells that need it. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(',') + '\r\n').join('');
}
