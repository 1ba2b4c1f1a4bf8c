/** One reason a resource cannot be deployed: where (resource, element) and what to do about it. */
export interface DeploymentProblem {
  readonly resourceName: string;
  /** The element's id, or the process id, or undefined for the document as a whole. */
  readonly elementId: string | undefined;
  readonly message: string;
}

/** Formats a problem as `resource: Element_1: message`. */
export function formatProblem(problem: DeploymentProblem): string {
  return `${problem.resourceName}: ${problem.elementId ? `${problem.elementId}: ` : ''}${problem.message}`;
}
