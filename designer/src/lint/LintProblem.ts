/** How bad a problem is: an error stops a deployment, a warning does not. */
export type LintSeverity = 'error' | 'warning';

/** A text in both languages of Polis. */
export interface BilingualText {
  readonly el: string;
  readonly en: string;
}

/** One problem of a process model, on the element it is about (undefined: the document as a whole). */
export interface LintProblem {
  readonly elementId: string | undefined;
  /** The rule that found it, e.g. `polis/user-task-form`, or `engine` for the engine's deploy-time validation. */
  readonly rule: string;
  readonly message: BilingualText;
  readonly severity: LintSeverity;
}

/** What the Polis rules need to know beyond the diagram: the form library, the org chart, the language. */
export interface PolisLintConfig {
  /** The language of the `message` bpmnlint shows (both are always reported as messageEl and messageEn). */
  readonly language?: 'el' | 'en';
  /** The form library: each form id with the names of the variables its fields produce. Unset: not checked. */
  readonly formFields?: Readonly<Record<string, readonly string[]>>;
  /** The codes of the org units, which static candidate groups must name. Unset: not checked. */
  readonly orgUnitCodes?: readonly string[];
  /** Variables every process instance has from the start, besides its start form's fields. */
  readonly knownVariables?: readonly string[];
}

/**
 * The variables the runtime sets on every process it starts for an application (see submitApplication), which
 * any condition may read.
 */
export const PLATFORM_VARIABLES: readonly string[] = [
  'applicationId',
  'protocolNumber',
  'serviceId',
  'applicantUserId',
  'registeredAt',
  'dueDate',
];
