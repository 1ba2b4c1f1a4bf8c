/** Test support: what a PDF reader gets from a document, page by page, read back with Mozilla's PDF.js. */
export interface ExtractedPdf {
  /** The text of each page, its runs joined by spaces. */
  readonly pages: string[];
  readonly info: Record<string, unknown>;
}

/**
 * Reads a PDF's text as a reader (or a screen reader, or a search index) would: through the embedded fonts'
 * ToUnicode maps. A glyph drawn without a mapping comes back as nothing, which is what the tests look for.
 */
export async function extractPdfText(pdf: Buffer): Promise<ExtractedPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}
