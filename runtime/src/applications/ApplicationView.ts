/** An application as its citizen and the staff who handle it see it. */
export interface ApplicationView {
  readonly applicationId: string;
  readonly serviceId: string;
  readonly protocolNumber: string;
  readonly registeredAt: Date;
  readonly status: 'submitted' | 'in_progress';
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
}
