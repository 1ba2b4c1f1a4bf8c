/** A citizen's reply to a request for more information, as the citizen and the staff who handle it see it. */
export interface ReplyView {
  readonly replyId: string;
  readonly messageName: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly submittedAt: Date;
  /** When the engine accepted the message; null while it waits in the outbox. */
  readonly publishedAt: Date | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly attachments: readonly {
    readonly id: string;
    readonly originalName: string;
    readonly mediaType: string;
    readonly size: number;
  }[];
}
