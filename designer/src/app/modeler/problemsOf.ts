import type { BilingualText, LintSeverity } from '../../lint/LintProblem';

/** A problem shown in the modeler's list: on an element (undefined: the diagram), from the live lint or the server. */
export interface ShownProblem {
  readonly elementId: string | undefined;
  readonly rule: string;
  readonly message: BilingualText;
  readonly severity: LintSeverity;
}

/** One report of bpmn-js-bpmnlint's `linting.completed` event. */
interface LintIssue {
  readonly id: string;
  readonly actualElementId?: string;
  readonly isChildIssue?: boolean;
  readonly rule: string;
  readonly message: string;
  readonly messageEl?: string;
  readonly messageEn?: string;
  readonly category: string;
}

/** The issues of `linting.completed` (grouped by element) as a list: errors first, then by element. */
export function problemsOf(issues: Readonly<Record<string, readonly LintIssue[]>>, rootId: string): ShownProblem[] {
  return Object.values(issues)
    .flat()
    .filter((issue) => issue.category === 'error' || issue.category === 'warn')
    .map((issue) => {
      const elementId = issue.actualElementId ?? issue.id;
      return {
        elementId: elementId === rootId ? undefined : elementId,
        rule: issue.rule,
        severity: issue.category === 'error' ? ('error' as const) : ('warning' as const),
        message: { el: issue.messageEl ?? issue.message, en: issue.messageEn ?? issue.message },
      };
    })
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
