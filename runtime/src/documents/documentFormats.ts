import { formatAthensDate } from './formatAthensDate.js';

/** A tax number (ΑΦΜ) with all but its last three digits hidden: `******783`. */
export function maskTaxId(taxId: string): string {
  return taxId.length <= 3 ? taxId : `${'*'.repeat(taxId.length - 3)}${taxId.slice(-3)}`;
}

const EURO = new Intl.NumberFormat('el-GR', { style: 'currency', currency: 'EUR' });
const NUMBER = new Intl.NumberFormat('el-GR', { maximumFractionDigits: 2 });

/** An amount in euros as Greek documents write it: `1.200,00 €`. */
export const formatEuro = (amount: number): string => EURO.format(amount);

/** A number with Greek separators: `12,5`. */
export const formatNumber = (value: number): string => NUMBER.format(value);

/** A date (yyyy-mm-dd, or an instant) as a day in Athens, `01-05-2026`; other text is kept as it is. */
export function formatDay(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}-${plain[2]}-${plain[1]}`;
  const instant = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(instant.getTime()) ? formatAthensDate(instant) : value;
}

/** The municipality's name in the genitive, for running text: Δήμος Αμαρουσίου → Δήμου Αμαρουσίου. */
export const genitiveOf = (municipality: string): string => municipality.replace(/^Δήμος /, 'Δήμου ');
