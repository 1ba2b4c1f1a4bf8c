/** A text in Greek and English, as the server gives it. */
export interface Bilingual {
  readonly el: string;
  readonly en: string;
}

/** The categories of e-services. */
export type ServiceCategory = 'certificates' | 'permits' | 'requests' | 'payments' | 'social';

/** One e-service of the catalogue (GET /services). */
export interface Service {
  readonly processId: string;
  readonly category: ServiceCategory;
  readonly title: Bilingual;
  readonly description: Bilingual;
  readonly startFormId: string;
  readonly expectedDuration: {
    readonly workingDays: number;
    readonly byVariable?: { readonly variable: string; readonly workingDays: Readonly<Record<string, number>> };
  };
  readonly legalDeadlineDays?: number;
  readonly legalBasis?: Bilingual;
  readonly fee: Bilingual;
  readonly requiredDocuments: readonly (Bilingual & { readonly optional?: boolean })[];
  readonly channels?: readonly string[];
}

/** A Form.io component as the portal reads it (the renderer reads the rest). */
export interface FormComponent {
  type?: string;
  key?: string;
  label?: string;
  title?: string;
  legend?: string;
  storage?: string;
  url?: string;
  properties?: Record<string, string>;
  components?: FormComponent[];
  columns?: { components?: FormComponent[] }[];
  rows?: unknown;
  [setting: string]: unknown;
}

/** A Form.io form definition. */
export interface FormDefinition {
  title?: string;
  properties?: Record<string, string>;
  components: FormComponent[];
  [setting: string]: unknown;
}

/** The latest version of a form (GET /forms/:formId). */
export interface FormVersion {
  readonly formId: string;
  readonly version: number;
  readonly titleEl: string;
  readonly titleEn: string;
  readonly definition: FormDefinition;
}

/** One field's error from the server's validation. */
export interface SubmissionError {
  /** e.g. `data.applicant.afm` */
  readonly field: string;
  readonly key: string;
  readonly message: Bilingual;
}

/** What the validate endpoint answers. */
export interface SubmissionCheck {
  readonly valid: boolean;
  readonly errors: readonly SubmissionError[];
}

/** An uploaded file as a submission refers to it. */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** What POST /attachments answers. */
export interface UploadedAttachment {
  readonly attachmentId: string;
  readonly size: number;
  readonly mediaType: string;
  readonly originalName: string;
}

/** The receipt of a registered application. */
export interface Receipt {
  readonly applicationId: string;
  readonly protocolNumber: string;
  readonly registeredAt: string;
  readonly registeredAtText: string;
  readonly dueDate?: string;
}

/** One of the citizen's applications. */
export interface ApplicationSummary extends Receipt {
  readonly serviceId: string;
  readonly status: string;
}

/** One application with what was submitted. */
export interface Application extends ApplicationSummary {
  readonly formId: string;
  readonly formVersion: number;
  readonly data: Record<string, unknown>;
  readonly attachments: readonly { id: string; originalName: string; mediaType: string; size: number }[];
}

/** The signed-in person (GET /me). */
export interface Me {
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly displayNameEl: string;
    readonly displayNameEn: string;
    readonly kind: 'staff' | 'citizen';
  };
  readonly csrfToken: string;
}
