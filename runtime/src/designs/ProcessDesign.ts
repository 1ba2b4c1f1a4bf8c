/** Who last touched something, as the designer shows it. */
export interface DesignAuthor {
  readonly userId: string | undefined;
  readonly displayNameEl: string | undefined;
  readonly displayNameEn: string | undefined;
}

/** A process design as the library lists it: no XML. */
export interface DesignSummary {
  readonly designId: string;
  readonly name: string;
  readonly bpmnProcessId: string;
  readonly revision: number;
  readonly updatedAt: Date;
  readonly updatedBy: DesignAuthor;
  /** The shipped file it was imported from (process-definitions/), if any. */
  readonly sourceFile: string | undefined;
  /** The latest version deployed from this design, if any. */
  readonly deployedVersion: number | undefined;
}

/** A process design (a draft in the designer): its BPMN XML and the revision a save must name. */
export interface ProcessDesign extends DesignSummary {
  readonly xml: string;
  readonly createdAt: Date;
}

/** One deployment of a design to the engine. */
export interface DesignDeployment {
  readonly deploymentId: string;
  readonly designId: string;
  readonly designRevision: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly processDefinitionKey: string;
  readonly deployedAt: Date;
  readonly deployedBy: DesignAuthor;
}

/** Why a design command did not do what it was asked: a stable id, the HTTP status, a message, the field. */
export interface DesignError {
  readonly id: string;
  readonly status: number;
  readonly message: string;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
}

/** A design command's outcome. */
export type DesignResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DesignError };

/** The failure of a design command. */
export function failDesign(
  id: string,
  status: number,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): { ok: false; error: DesignError } {
  return {
    ok: false,
    error: { id, status, message, ...(field ? { field } : {}), ...(details ? { details } : {}) },
  };
}

/** The answer for a design id that names nothing. */
export const designNotFound = (designId: string) =>
  failDesign('design_not_found', 404, `There is no process design ${designId}.`, 'params.designId');
