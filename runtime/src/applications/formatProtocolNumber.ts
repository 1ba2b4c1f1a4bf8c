/**
 * A protocol number as the municipality writes it: incoming (ΕΙΣ), the year and the year's serial padded to
 * six digits, e.g. `ΕΙΣ-2026/004512`.
 */
export function formatProtocolNumber(year: number, sequence: number): string {
  return `ΕΙΣ-${year}/${String(sequence).padStart(6, '0')}`;
}
