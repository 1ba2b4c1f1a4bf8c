/** A text in Greek, the official language of the document, and in English beneath it where that helps. */
export interface BilingualText {
  readonly el: string;
  readonly en: string;
}

/** One part of a document's body, laid out top to bottom. */
export type DocumentBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly en?: string }
  | { readonly kind: 'heading'; readonly text: string; readonly en?: string }
  /** Label–value rows, e.g. the submitted fields of a receipt. */
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** The closing of the signing officer, right-aligned. */
  | { readonly kind: 'signature'; readonly lines: readonly string[] };

/** What a template makes of an application: everything on the page but the issue-time facts. */
export interface DocumentBody {
  readonly title: BilingualText;
  /** The addressee of a letter, one line each (e.g. the police department); none for a certificate. */
  readonly recipient?: readonly string[];
  readonly blocks: readonly DocumentBlock[];
}

/** Everything a PDF shows: the body, who issues it, its number and date, and how to verify it. */
export interface DocumentContent extends DocumentBody {
  /** The issuing authority, top left: the municipality, then the directorate or department. */
  readonly issuer: readonly string[];
  /** The number printed as Αρ. Πρωτ. (the application's for a receipt, an outgoing number otherwise). */
  readonly number: string;
  /** The issue date and time; also the PDF's creation date, so that the same content gives the same bytes. */
  readonly issuedAt: Date;
  readonly verificationCode: string;
  readonly verificationUrl: string;
}
