import type {
  AttachmentRef,
  FormComponent,
  FormDefinition,
  UploadedAttachment,
} from '../../../shared/formio/formTypes';

export type { AttachmentRef, FormComponent, FormDefinition, UploadedAttachment };

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

/** The receipt of a registered application. */
export interface Receipt {
  readonly applicationId: string;
  readonly protocolNumber: string;
  readonly registeredAt: string;
  readonly registeredAtText: string;
  readonly dueDate?: string;
}

/** What the application's process waits for from its citizen: a message they answer with a form. */
export interface AwaitingReply {
  readonly messageName: string;
  readonly formId: string;
  /** ISO 8601: since when. */
  readonly since: string;
}

/** One step of an application's timeline. */
export interface TimelineEntry {
  readonly status: string;
  readonly statusLabel?: Bilingual;
  readonly at: string;
}

/** One of the citizen's applications. */
export interface ApplicationSummary extends Receipt {
  readonly serviceId: string;
  readonly status: string;
  /** The status in the service's words (older servers send only `status`). */
  readonly statusLabel?: Bilingual;
  readonly statusChangedAt?: string;
  readonly timeline?: readonly TimelineEntry[];
  readonly awaitingReply?: AwaitingReply | null;
}

/** An uploaded file of an application or a reply. */
export interface AttachmentInfo {
  readonly id: string;
  readonly originalName: string;
  readonly mediaType: string;
  readonly size: number;
}

/** A reply the citizen sent to a request for more information. */
export interface Reply {
  readonly replyId: string;
  readonly messageName: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly submittedAt: string;
  readonly publishedAt: string | null;
  readonly data: Record<string, unknown>;
  readonly attachments: readonly AttachmentInfo[];
}

/** What GET /applications/:id/replies answers. */
export interface ReplyState {
  readonly awaitingReply: AwaitingReply | null;
  readonly replies: readonly Reply[];
}

/** A document the municipality issued for an application (certificate, permit, letter). */
export interface IssuedDocument {
  readonly documentId: string;
  readonly kind: string;
  readonly template: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly issuedAt: string;
}

/** One application with what was submitted. */
export interface Application extends ApplicationSummary {
  readonly formId: string;
  readonly formVersion: number;
  readonly data: Record<string, unknown>;
  readonly attachments: readonly AttachmentInfo[];
  readonly replies?: readonly Reply[];
  readonly documents?: readonly IssuedDocument[];
}

/** The citizen's draft application to a service. */
export interface Draft {
  readonly serviceId: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly data: Record<string, unknown>;
  readonly savedAt: string;
}

/** One notification of the signed-in person (GET /me/notifications). */
export interface PortalNotification {
  readonly id?: string;
  readonly notificationId?: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly applicationId: string | null;
}

/** A page of notifications. */
export interface NotificationPage {
  readonly notifications: readonly PortalNotification[];
  readonly unreadCount: number;
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
