import type { BilingualText } from './DocumentContent.js';

/** What a template may use: the application as registered, its citizen, the issuer and the process's variables. */
export interface DocumentFacts {
  readonly application: {
    readonly id: string;
    readonly protocolNumber: string;
    readonly registeredAt: Date;
    /** yyyy-mm-dd. */
    readonly dueDate: string;
    readonly data: Readonly<Record<string, unknown>>;
  };
  readonly service: {
    readonly title: BilingualText;
    readonly legalBasis: BilingualText | undefined;
  };
  readonly citizen: { readonly name: string; readonly taxId: string | null };
  /** The municipality's name (the root of the org chart), e.g. Δήμος Αμαρουσίου. */
  readonly municipality: string;
  /** The municipality, then the directorate and department that own the service, for the letterhead. */
  readonly issuer: readonly string[];
  /** The submitted fields with the labels of the exact form version, values as a person reads them. */
  readonly submittedFields: readonly { readonly label: string; readonly value: string }[];
  readonly attachments: readonly { readonly name: string; readonly size: number }[];
  /** The process instance's variables (none for a receipt): they win over the submitted data. */
  readonly variables: Readonly<Record<string, unknown>>;
}
