/** The application a citizen is still filling in for one service: saved as it is, not validated. */
export interface Draft {
  readonly serviceId: string;
  readonly formId: string;
  readonly formVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly savedAt: Date;
}
