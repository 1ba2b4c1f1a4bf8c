import PDFDocument from 'pdfkit';
import type { DocumentBlock, DocumentContent } from './DocumentContent.js';
import { formatAthensDate } from './formatAthensDate.js';
import { pdfFonts, type PdfFonts } from './pdfFonts.js';

/** Thrown when a text holds a character the embedded font cannot draw: the PDF would silently lose it. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
}

type Doc = PDFKit.PDFDocument;

const A4_MARGIN = { top: 56, bottom: 84, left: 62, right: 62 };
const GREY = '#555555';
const RULE = '#999999';

function textsOf(content: DocumentContent): string[] {
  const texts = [
    content.title.el,
    content.title.en,
    ...content.issuer,
    ...(content.recipient ?? []),
    content.number,
    content.verificationCode,
    content.verificationUrl,
  ];
  for (const block of content.blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') texts.push(block.text, block.en ?? '');
    else if (block.kind === 'fields') texts.push(...block.rows.flatMap((r) => [r.label, r.value]));
    else if (block.kind === 'list') texts.push(...block.items);
    else texts.push(...block.lines);
  }
  return texts.concat(Object.values(LABELS).flat());
}

/** Checks every character against the fonts, because pdfkit draws a missing one as an empty box without a word. */
function assertDrawable(fonts: PdfFonts['coverage'], texts: readonly string[]): void {
  for (const [fontName, font] of Object.entries(fonts) as [string, PdfFonts['coverage']['regular']][])
    for (const text of texts)
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        if (codePoint < 0x20 || /\s/u.test(char)) continue;
        if (!font.hasGlyphForCodePoint(codePoint))
          throw new MissingGlyphError(
            `The ${fontName} document font has no glyph for "${char}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}) in "${text}"`,
          );
      }
}

/** The fixed wording of every document's frame, Greek first. */
const LABELS = {
  republic: ['ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ'],
  date: ['Ημερομηνία / Date:'],
  number: ['Αρ. Πρωτ. / Ref. no.:'],
  to: ['ΠΡΟΣ / TO:'],
  code: ['Κωδικός επαλήθευσης / Verification code:'],
  verify: ['Επαλήθευση / Verify at:'],
  page: ['Σελίδα', 'Page'],
} as const;

function header(doc: Doc, content: DocumentContent): void {
  const { left } = A4_MARGIN;
  const width = doc.page.width - A4_MARGIN.left - A4_MARGIN.right;
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(9.5)
    .text(LABELS.republic[0], left, top, { width: width * 0.58 });
  content.issuer.forEach((line, i) =>
    doc
      .font(i === 0 ? 'bold' : 'regular')
      .fontSize(9.5)
      .text(i === 0 ? line.toLocaleUpperCase('el') : line, { width: width * 0.58 }),
  );
  const leftBottom = doc.y;
  const rightX = left + width * 0.62;
  const rightWidth = width * 0.38;
  doc.font('regular').fontSize(9.5);
  doc.text(`${LABELS.date[0]} ${formatAthensDate(content.issuedAt)}`, rightX, top, { width: rightWidth });
  doc.text(LABELS.number[0], { width: rightWidth, continued: true }).font('bold').text(` ${content.number}`);
  if (content.recipient) {
    doc.moveDown(0.8).font('bold').text(LABELS.to[0], { width: rightWidth });
    for (const line of content.recipient) doc.font('regular').text(line, { width: rightWidth });
  }
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + 24;
  doc.font('bold').fontSize(15).fillColor('black').text(content.title.el, left, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(9.5).fillColor(GREY).text(content.title.en, { width, align: 'center' });
  doc.fillColor('black').moveDown(1.2);
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - A4_MARGIN.bottom) doc.addPage();
}

function block(doc: Doc, b: DocumentBlock): void {
  const left = A4_MARGIN.left;
  const width = doc.page.width - A4_MARGIN.left - A4_MARGIN.right;
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, 40);
      doc.moveDown(0.4).font('bold').fontSize(11.5).text(b.text, left, doc.y, { width });
      if (b.en) doc.font('regular').fontSize(8.5).fillColor(GREY).text(b.en, { width }).fillColor('black');
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(11).text(b.text, left, doc.y, { width, align: 'justify', lineGap: 2.5 });
      if (b.en) doc.font('regular').fontSize(8.5).fillColor(GREY).text(b.en, { width, lineGap: 1 }).fillColor('black');
      doc.moveDown(0.7);
      return;
    case 'list':
      for (const item of b.items) {
        doc.font('regular').fontSize(10.5);
        ensureRoom(doc, doc.heightOfString(item, { width: width - 14 }));
        doc.text('•', left, doc.y, { width: 12, continued: false });
        doc.moveUp();
        doc.text(item, left + 14, doc.y, { width: width - 14, lineGap: 1.5 });
      }
      doc.x = left;
      doc.moveDown(0.6);
      return;
    case 'fields': {
      const labelWidth = width * 0.36;
      const valueWidth = width - labelWidth - 10;
      for (const row of b.rows) {
        doc.fontSize(10);
        const height = Math.max(
          doc.font('bold').heightOfString(row.label, { width: labelWidth }),
          doc.font('regular').heightOfString(row.value, { width: valueWidth }),
        );
        ensureRoom(doc, height + 6);
        const y = doc.y;
        doc.font('bold').text(row.label, left, y, { width: labelWidth });
        doc.font('regular').text(row.value, left + labelWidth + 10, y, { width: valueWidth });
        doc.y = y + height + 5;
        doc
          .moveTo(left, doc.y - 2.5)
          .lineTo(left + width, doc.y - 2.5)
          .lineWidth(0.3)
          .strokeColor('#dddddd')
          .stroke();
      }
      doc.x = left;
      doc.moveDown(0.6);
      return;
    }
    case 'signature':
      ensureRoom(doc, 30 + 14 * b.lines.length);
      doc.moveDown(1.5);
      for (const line of b.lines)
        doc
          .font('regular')
          .fontSize(10.5)
          .text(line, left + width * 0.5, doc.y, { width: width * 0.5, align: 'center' });
      doc.x = left;
      return;
  }
}

function footers(doc: Doc, content: DocumentContent): void {
  const range = doc.bufferedPageRange();
  const left = A4_MARGIN.left;
  const width = doc.page.width - A4_MARGIN.left - A4_MARGIN.right;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin while we write there.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - A4_MARGIN.bottom + 18;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(`${LABELS.code[0]} `, left, y + 6, { width: width * 0.8, continued: true });
    doc.font('bold').fillColor('black').text(content.verificationCode);
    doc
      .font('regular')
      .fillColor(GREY)
      .text(`${LABELS.verify[0]} ${content.verificationUrl}`, left, doc.y, {
        width: width * 0.8,
        link: content.verificationUrl,
      });
    doc.text(`${LABELS.page[0]} ${i + 1} / ${range.count}`, left + width * 0.8, y + 6, {
      width: width * 0.2,
      align: 'right',
    });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Lays a document out on A4 pages as a PDF: the issuer and reference top left and right, the title, the body, and
 * on every page a footer with the verification code and URL. The output depends on the content alone (the issue
 * time is the PDF's creation date, pdfkit's file id is derived from it, fonts are subset deterministically), so
 * the same content always gives the same bytes and SHA-256.
 * @throws MissingGlyphError when a text holds a character the fonts cannot draw.
 */
export function renderDocumentPdf(content: DocumentContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: A4_MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    // No default font: pdfkit would parse Helvetica's metrics for every document, and it is never used.
    font: '',
    lang: 'el-GR',
    displayTitle: true,
    info: {
      Title: content.title.el,
      Subject: content.title.en,
      Author: content.issuer[0] ?? '',
      Creator: 'Polis',
      Producer: 'Polis (PDFKit)',
      CreationDate: content.issuedAt,
      ModDate: content.issuedAt,
    },
  });
  const fonts = pdfFonts();
  doc.registerFont('regular', fonts.files.regular);
  doc.registerFont('bold', fonts.files.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    assertDrawable(fonts.coverage, textsOf(content));
    header(doc, content);
    for (const b of content.blocks) block(doc, b);
    footers(doc, content);
  } catch (error) {
    doc.end();
    return done.then(() => Promise.reject(error as Error));
  }
  doc.end();
  return done;
}
