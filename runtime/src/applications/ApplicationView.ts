import type { ApplicationStatus, StatusLabel } from '../projections/ApplicationStatus.js';
import type { AwaitingReply } from '../projections/applicationStatusProjection.js';
import type { TimelineEntry } from '../projections/applicationProgressOf.js';
import type { ReplyView } from '../replies/ReplyView.js';
import type { IssuedDocument } from '../documents/IssuedDocument.js';

/** An application as its citizen and the staff who handle it see it. */
export interface ApplicationView {
  readonly applicationId: string;
  readonly serviceId: string;
  readonly protocolNumber: string;
  readonly registeredAt: Date;
  /** Where it stands in the citizen's words (the application-status projection; `submitted` until it starts). */
  readonly status: ApplicationStatus;
  readonly statusLabel: StatusLabel;
  readonly statusChangedAt: Date;
  readonly timeline: readonly TimelineEntry[];
  /** What the process waits for from the citizen (a message answered with a form), or null. */
  readonly awaitingReply: AwaitingReply | null;
  readonly dueDate: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly processInstanceKey: string | null;
  readonly citizenUserId: string;
  readonly ownerUnitId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly attachments: readonly {
    readonly id: string;
    readonly originalName: string;
    readonly mediaType: string;
    readonly size: number;
  }[];
  /** The citizen's replies to requests for more information, oldest first (their files are not in attachments). */
  readonly replies: readonly ReplyView[];
  /** The documents issued for it (receipt, outcome, letters), oldest first; bytes at /documents/:id/content. */
  readonly documents: readonly IssuedDocument[];
}
