/** The message an application's process waits for from its citizen, and the form that answers it. */
export interface AwaitedReply {
  readonly messageName: string;
  readonly formId: string;
  /** Since when the process has been waiting. */
  readonly since: Date;
}
