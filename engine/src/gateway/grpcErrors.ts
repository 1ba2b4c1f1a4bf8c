import * as grpc from '@grpc/grpc-js';
import type { Rejection, RejectionType } from '../commands/Rejection.js';

const CODES: Record<RejectionType, grpc.status> = {
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  NOT_FOUND: grpc.status.NOT_FOUND,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  INVALID_STATE: grpc.status.FAILED_PRECONDITION,
  PROCESSING_ERROR: grpc.status.INTERNAL,
};

/** A gRPC error carrying a status code and message, as Zeebe's gateway sends them. */
export interface GatewayError extends Partial<grpc.StatusObject> {
  code: grpc.status;
  details: string;
  message: string;
}

/** Zeebe's wording of a rejected command: `Command 'X' rejected with code 'Y': reason`. */
export function rejectionError(command: string, rejection: Rejection): GatewayError {
  const details = `Command '${command}' rejected with code '${rejection.type}': ${rejection.reason}`;
  return { code: CODES[rejection.type], details, message: details };
}

/** A gRPC error with a given status. */
export function statusError(code: grpc.status, details: string): GatewayError {
  return { code, details, message: details };
}
