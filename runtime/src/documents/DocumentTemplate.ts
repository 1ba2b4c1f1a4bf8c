import type { BilingualText, DocumentBody } from './DocumentContent.js';
import type { DocumentFacts } from './DocumentFacts.js';

/** The three kinds of document: the receipt of a submission, a procedure's outcome, a letter to another body. */
export type DocumentKind = 'receipt' | 'outcome' | 'outgoing';

/** Why a template could not be filled in: the variable it needs and what is wrong with it. */
export interface TemplateError {
  readonly variable: string;
  readonly message: string;
}

/** A template's result: the body, or the variable at fault. */
export type TemplateResult =
  { readonly ok: true; readonly value: DocumentBody } | { readonly ok: false; readonly error: TemplateError };

/** A document template: a small module that turns an application's facts into a document body. */
export interface DocumentTemplate {
  /** As the BPMN names it in the `template` header, e.g. `residence-certificate`. */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: BilingualText;
  build(facts: DocumentFacts): TemplateResult;
}
