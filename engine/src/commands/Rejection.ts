/** Why a command was refused, in Zeebe's rejection types. */
export type RejectionType = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'INVALID_STATE' | 'PROCESSING_ERROR';

/** A refused command: nothing changed, and the reason says what to do. */
export interface Rejection {
  readonly type: RejectionType;
  readonly reason: string;
}

/** The outcome of a command: its value, or a rejection. */
export type CommandResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: Rejection };

export const accept = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const reject = <T = never>(type: RejectionType, reason: string): CommandResult<T> => ({
  ok: false,
  rejection: { type, reason },
});
