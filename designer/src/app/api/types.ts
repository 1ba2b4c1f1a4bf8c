import type { LintProblem } from '../../lint/LintProblem';

/** Who last touched something. */
export interface Author {
  readonly userId: string | null;
  readonly displayNameEl: string | null;
  readonly displayNameEn: string | null;
}

/** A design in the library list. */
export interface DesignSummary {
  readonly designId: string;
  readonly name: string;
  readonly bpmnProcessId: string;
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: Author;
  readonly sourceFile: string | null;
  readonly deployedVersion: number | null;
}

/** A design with its XML. */
export interface Design extends DesignSummary {
  readonly xml: string;
  readonly createdAt: string;
}

/** A deployment of a design. */
export interface Deployment {
  readonly deploymentId: string;
  readonly designId: string;
  readonly designRevision: number;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly processDefinitionKey: string;
  readonly deployedAt: string;
  readonly deployedBy: Author;
}

/** A problem as the server reports it (elementId null for the document). */
export type ServerProblem = Omit<LintProblem, 'elementId'> & { readonly elementId: string | null };

/** Who is signed in. */
export interface Me {
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly displayNameEl: string;
    readonly displayNameEn: string;
    readonly kind: 'staff' | 'citizen';
    readonly roles: readonly { readonly role: string }[];
  };
  readonly csrfToken: string;
}

/** An org unit of the tree. */
export interface OrgUnit {
  readonly id: string;
  readonly code: string;
  readonly nameEl: string;
  readonly nameEn: string;
  readonly children: readonly OrgUnit[];
}

/** A form of the library. */
export interface FormSummary {
  readonly formId: string;
  readonly latestVersion: number;
  readonly titleEl: string;
  readonly titleEn: string;
}
