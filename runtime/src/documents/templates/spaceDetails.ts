import type { VariableReader } from '../defineTemplate.js';
import { formatDay, formatNumber } from '../documentFormats.js';

const ZONES: Readonly<Record<string, string>> = { A: 'Α', B: 'Β', G: 'Γ' };

/** The place, area, zone and period of a public-space application, as rows both the permit and the letter show. */
export function spaceDetails(read: VariableReader): { label: string; value: string }[] {
  const place = [
    `${read.text('street')} ${read.optional('streetNumber') ?? ''}`.trim(),
    `${read.optional('postalCode') ?? ''} ${read.optional('area') ?? ''}`.trim(),
  ]
    .filter((part) => part !== '')
    .join(', ');
  const zone = read.text('zone');
  return [
    { label: 'Θέση', value: place },
    { label: 'Εμβαδόν', value: `${formatNumber(read.number('m2'))} m²` },
    { label: 'Ζώνη', value: `Ζώνη ${ZONES[zone] ?? zone}` },
    { label: 'Περίοδος', value: `${formatDay(read.text('periodFrom'))} έως ${formatDay(read.text('periodTo'))}` },
  ];
}
