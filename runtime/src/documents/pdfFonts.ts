import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

/** Where the TrueType files are: Noto Sans, from its npm package. */
export const PDF_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

/** The fonts' files, read once, and their glyph coverage, parsed once. */
export interface PdfFonts {
  /** The bytes, for pdfkit to parse for each document: fontkit objects shared between documents mix up their
   * ToUnicode maps (Latin letters came back as others), so each document gets its own. */
  readonly files: { readonly regular: Buffer; readonly bold: Buffer };
  /** For asking which characters the fonts can draw; never handed to pdfkit. */
  readonly coverage: { readonly regular: Font; readonly bold: Font };
}

let loaded: PdfFonts | undefined;

function parse(path: string, bytes: Buffer): Font {
  const font = create(bytes);
  if ('fonts' in font) throw new Error(`Expected ${path} to hold one font, but it is a collection`);
  return font;
}

/**
 * The TrueType fonts the documents are set in: Noto Sans (SIL Open Font License 1.1), whose Latin-Greek-Cyrillic
 * build covers monotonic and polytonic Greek; embedded as subsets, so a PDF carries only the glyphs it uses.
 * Read from disk once: given a path, pdfkit would read the file again for every document.
 */
export function pdfFonts(): PdfFonts {
  if (!loaded) {
    const regular = readFileSync(PDF_FONT_FILES.regular);
    const bold = readFileSync(PDF_FONT_FILES.bold);
    loaded = {
      files: { regular, bold },
      coverage: { regular: parse(PDF_FONT_FILES.regular, regular), bold: parse(PDF_FONT_FILES.bold, bold) },
    };
  }
  return loaded;
}
