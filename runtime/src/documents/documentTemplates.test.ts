import { describe, expect, it } from 'vitest';
import type { DocumentBody } from './DocumentContent.js';
import type { DocumentFacts } from './DocumentFacts.js';
import { DOCUMENT_TEMPLATES } from './documentTemplates.js';

const facts = (variables: Record<string, unknown>, data: Record<string, unknown> = {}): DocumentFacts => ({
  application: {
    id: '6f1c2a9e-8d7b-4c3a-9e2f-1a2b3c4d5e6f',
    protocolNumber: 'ΕΙΣ-2026/000314',
    registeredAt: new Date('2026-03-14T08:42:00Z'),
    dueDate: '2026-03-20',
    data,
  },
  service: {
    title: { el: 'Βεβαίωση μόνιμης κατοικίας', en: 'Certificate of permanent residence' },
    legalBasis: undefined,
  },
  citizen: { name: 'Γιάννης Παπανικολάου', taxId: '123456783' },
  municipality: 'Δήμος Αμαρουσίου',
  issuer: ['Δήμος Αμαρουσίου', 'Τμήμα Δημοτικής Κατάστασης'],
  submittedFields: [
    { label: 'Επώνυμο', value: 'Παπανικολάου' },
    { label: 'ΑΦΜ', value: '******783' },
  ],
  attachments: [{ name: 'ΔΕΗ.pdf', size: 52_000 }],
  variables,
});

const textOf = (body: DocumentBody) =>
  body.blocks
    .flatMap((b) =>
      b.kind === 'fields'
        ? b.rows.map((r) => `${r.label}: ${r.value}`)
        : b.kind === 'list'
          ? b.items
          : b.kind === 'signature'
            ? b.lines
            : [b.text],
    )
    .join('\n');

const build = (template: string, f: DocumentFacts) => {
  const result = DOCUMENT_TEMPLATES.get(template)!.build(f);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('the document templates', () => {
  it('should write a receipt with the protocol number and time, the masked tax number, the fields and files', () => {
    const text = textOf(build('receipt', facts({})));
    expect(text).toContain('αριθμό ΕΙΣ-2026/000314 στις 14-03-2026 10:42');
    expect(text).toContain('ΑΦΜ: ******783');
    expect(text).not.toContain('123456783');
    expect(text).toContain('Επώνυμο: Παπανικολάου');
    expect(text).toContain('ΔΕΗ.pdf (51 KB)');
    expect(text).toContain('20-03-2026');
  });

  it('should certify residence with the years the clerk certified over those applied for', () => {
    const body = build(
      'residence-certificate',
      facts(
        { certifiedYears: '2025' },
        {
          firstName: 'Γιάννης',
          lastName: 'Παπανικολάου',
          street: 'Βασ. Σοφίας',
          streetNumber: '12',
          postalCode: '15124',
          years: '2024, 2025',
        },
      ),
    );
    expect(body.title.el).toBe('Βεβαίωση μόνιμης κατοικίας');
    expect(textOf(body)).toContain(
      'Βεβαιώνεται ότι ο/η Γιάννης Παπανικολάου, με διεύθυνση Βασ. Σοφίας 12, 15124, κατοικεί μόνιμα στην περιφέρεια του Δήμου Αμαρουσίου για τα έτη 2025.',
    );
  });

  it('should show the permit’s area, zone, period and fee from the process variables', () => {
    const text = textOf(
      build(
        'public-space-permit',
        facts({
          businessName: 'Καφέ Η Πλατεία',
          street: 'Ερμού',
          streetNumber: '3',
          m2: 12.5,
          zone: 'A',
          periodFrom: '2026-05-01',
          periodTo: '2026-10-31',
          fee: 750,
        }),
      ),
    );
    expect(text).toContain('Εμβαδόν: 12,5 m²');
    expect(text).toContain('Ζώνη: Ζώνη Α');
    expect(text).toContain('Περίοδος: 01-05-2026 έως 31-10-2026');
    expect(text).toMatch(/Τέλος: 750,00\s€/);
  });

  it('should address the police request to the traffic department, naming the application and the enclosures', () => {
    const body = build(
      'police-request',
      facts({
        businessName: 'Καφέ Η Πλατεία',
        street: 'Ερμού',
        m2: 12,
        zone: 'B',
        periodFrom: '2026-05-01',
        periodTo: '2026-10-31',
      }),
    );
    expect(body.recipient).toEqual(['Ελληνική Αστυνομία', 'Τμήμα Τροχαίας Αμαρουσίου']);
    expect(textOf(body)).toContain('αρ. πρωτ. ΕΙΣ-2026/000314/14-03-2026 της επιχείρησης «Καφέ Η Πλατεία»');
    expect(textOf(body)).toContain('ΔΕΗ.pdf');
  });

  it('should name the variable that is missing or not a number', () => {
    const permit = DOCUMENT_TEMPLATES.get('public-space-permit')!;
    const base = {
      businessName: 'Καφέ',
      street: 'Ερμού',
      zone: 'A',
      periodFrom: '2026-05-01',
      periodTo: '2026-10-31',
      fee: 1,
    };
    expect(permit.build(facts({ ...base, m2: 'πολλά' }))).toEqual({
      ok: false,
      error: { variable: 'm2', message: 'the variable m2 must be a number (got "πολλά")' },
    });
    expect(permit.build(facts({ ...base, m2: 3, businessName: '' }))).toMatchObject({
      ok: false,
      error: { variable: 'businessName' },
    });
  });
});
