import type { DeploymentProblem } from '../model/DeploymentProblem.js';
import { findDeploymentProblems } from './deploy.js';

/**
 * Checks a BPMN document exactly as deploying it would, without deploying anything: the problems that would
 * make the deployment fail, each naming its element, or none. Never throws for bad input.
 */
export async function validateBpmn(resourceName: string, xml: string): Promise<readonly DeploymentProblem[]> {
  return (await findDeploymentProblems([{ name: resourceName, content: xml }])).problems;
}
