import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentContent } from './DocumentContent.js';
import { extractPdfText } from './extractPdfText.js';
import { MissingGlyphError, renderDocumentPdf } from './renderDocumentPdf.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const certificate = (overrides: Partial<DocumentContent> = {}): DocumentContent => ({
  title: { el: 'Βεβαίωση μόνιμης κατοικίας', en: 'Certificate of permanent residence' },
  issuer: ['Δήμος Αμαρουσίου', 'Τμήμα Δημοτικής Κατάστασης (Δημοτολόγιο)'],
  number: 'ΕΞ-2026/000042',
  issuedAt: new Date('2026-03-14T08:42:00Z'),
  verificationCode: 'K7QD-3MXA-PV9T',
  verificationUrl: 'https://polis.example/api/v1/documents/verify/K7QD-3MXA-PV9T',
  blocks: [
    {
      kind: 'paragraph',
      text: 'Βεβαιώνεται ότι η Ελένη Παπανικολάου του Γεωργίου κατοικεί μόνιμα στην οδό Βασ. Σοφίας 12, 15124 Μαρούσι.',
      en: 'This is to certify that Eleni Papanikolaou resides permanently in the municipality.',
    },
    { kind: 'fields', rows: [{ label: 'Έτη κατοικίας', value: '2025, 2026' }] },
    { kind: 'list', items: ['Λογαριασμός ΔΕΗ.pdf', 'Μισθωτήριο — θεωρημένο.pdf'] },
    { kind: 'signature', lines: ['Με εντολή Δημάρχου', 'Ο Προϊστάμενος'] },
  ],
  ...overrides,
});

describe('renderDocumentPdf', () => {
  it('should embed a font whose Greek text a PDF reader can read back, accents and all', async () => {
    // when
    const pdf = await renderDocumentPdf(certificate());
    // then the text comes back through the embedded font, and no standard font stands in for it
    const { pages, info } = await extractPdfText(pdf);
    const text = pages.join(' ');
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(text).toContain('ΔΗΜΟΣ ΑΜΑΡΟΥΣΙΟΥ');
    expect(text).toContain('Βεβαίωση μόνιμης κατοικίας');
    expect(text).toContain('Ελένη Παπανικολάου του Γεωργίου κατοικεί μόνιμα');
    expect(text).toContain('Μισθωτήριο — θεωρημένο.pdf');
    expect(text).toContain('ΕΞ-2026/000042');
    expect(text).toContain('K7QD-3MXA-PV9T');
    expect(text).toContain('https://polis.example/api/v1/documents/verify/K7QD-3MXA-PV9T');
    expect(text).toContain('14-03-2026');
    expect(info).toMatchObject({ Title: 'Βεβαίωση μόνιμης κατοικίας', CreationDate: 'D:20260314084200Z' });
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
  });

  it('should give the same bytes for the same content, and different bytes for another issue time', async () => {
    // when the same document is rendered twice, a moment apart, and once with another issue time
    const first = await renderDocumentPdf(certificate());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderDocumentPdf(certificate());
    const later = await renderDocumentPdf(certificate({ issuedAt: new Date('2026-03-15T08:42:00Z') }));
    // then
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(later)).not.toBe(sha256(first));
  });

  it('should render a document the same whatever was rendered before or beside it', async () => {
    // given a document rendered alone
    const alone = await renderDocumentPdf(certificate());
    // when others with other letters are rendered at once with it, and between it and its next rendering
    const other = (code: string, text: string) =>
      certificate({ verificationCode: code, blocks: [{ kind: 'paragraph', text, en: text.toUpperCase() }] });
    const [beside] = await Promise.all([
      renderDocumentPdf(certificate()),
      renderDocumentPdf(other('ABCD-EFGH-JKMN', 'Permit: Café «Η Πλατεία», Zone A')),
    ]);
    const between = await renderDocumentPdf(other('WXYZ-1234-5678', 'Quick brown fox JUMPS over — ΑΒΓΔ'));
    const after = await renderDocumentPdf(certificate());
    // then the bytes are the same, and each text reads back as written, new letters included
    expect(sha256(beside!)).toBe(sha256(alone));
    expect(sha256(after)).toBe(sha256(alone));
    const betweenText = (await extractPdfText(between)).pages.join(' ');
    expect(betweenText).toContain('Verification code: WXYZ-1234-5678');
    expect(betweenText).toContain('QUICK BROWN FOX JUMPS OVER');
    const text = (await extractPdfText(after)).pages.join(' ');
    expect(text).toContain('This is to certify that Eleni Papanikolaou resides permanently');
    expect(text).toContain('Verification code: K7QD-3MXA-PV9T');
  });

  it('should refuse a character the font cannot draw instead of dropping it silently', async () => {
    // given a name written with a character outside the font (a CJK ideograph)
    const content = certificate({ blocks: [{ kind: 'paragraph', text: 'Αιτών: 王小明' }] });
    // when / then
    await expect(renderDocumentPdf(content)).rejects.toThrow(MissingGlyphError);
    await expect(renderDocumentPdf(content)).rejects.toThrow(/U\+738B.*Αιτών: 王小明/);
  });

  it('should continue a long body on further pages, each with the verification footer', async () => {
    // given a receipt with many fields
    const rows = Array.from({ length: 80 }, (_, i) => ({ label: `Πεδίο ${i + 1}`, value: `Τιμή ${i + 1}` }));
    // when
    const { pages } = await extractPdfText(
      await renderDocumentPdf(certificate({ blocks: [{ kind: 'fields', rows }] })),
    );
    // then
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('K7QD-3MXA-PV9T');
      expect(page).toContain(`${i + 1} / ${pages.length}`);
    }
    expect(pages.join(' ')).toContain('Τιμή 80');
  });
});
