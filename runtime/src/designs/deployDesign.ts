import type { Knex } from 'knex';
import type { LintProblem } from '@polis/designer';
import type { EngineClient } from '../engine/EngineClient.js';
import type { Actor } from '../orgchart/Actor.js';
import { checkDesign, resourceNameOf } from './checkDesign.js';
import { getDesign } from './getDesign.js';
import { listDesignDeployments } from './listDesignDeployments.js';
import { recordDeployment } from './recordDeployment.js';
import { failDesign, type DesignDeployment, type DesignResult } from './ProcessDesign.js';

/** The problems in an engine's refusal ("…errors:\nfile.bpmn: Element_1: message"), each on its element. */
export function problemsOfRefusal(message: string): LintProblem[] {
  const lines = message.split('\n').slice(1);
  const problems = lines.flatMap((line): LintProblem[] => {
    const match = /^\S+?\.(?:bpmn|xml): (?:([A-Za-z_][\w.-]*): )?(.+)$/.exec(line.trim());
    if (!match) return [];
    const text = match[2]!;
    return [
      {
        elementId: match[1],
        rule: 'engine',
        severity: 'error',
        message: { en: text, el: `Η μηχανή εκτέλεσης δεν το δέχεται: ${text}` },
      },
    ];
  });
  return problems.length > 0
    ? problems
    : [
        {
          elementId: undefined,
          rule: 'engine',
          severity: 'error',
          message: { en: message, el: `Η μηχανή εκτέλεσης δεν το δέχεται: ${message}` },
        },
      ];
}

/**
 * Deploys the latest revision of a design: checks it first (engine validation and the Polis rules) and, with any
 * error, deploys nothing (design_has_problems, 422, with the problems); else deploys it through the engine client
 * and records the deployment (audited as 'design.deployed'). An unchanged design answers the version deployed.
 */
export async function deployDesign(
  knex: Knex,
  engine: EngineClient,
  actor: Actor,
  designId: string,
): Promise<DesignResult<DesignDeployment>> {
  const design = await getDesign(knex, designId);
  if (!design.ok) return design;
  const { xml, bpmnProcessId, revision } = design.value;
  const resourceName = resourceNameOf(bpmnProcessId);
  const problems = (await checkDesign(knex, resourceName, xml)).filter((p) => p.severity === 'error');
  const refuse = (found: LintProblem[]) =>
    failDesign(
      'design_has_problems',
      422,
      `The design has ${found.length} problem(s) to fix before it can be deployed; nothing was deployed.`,
      undefined,
      { problems: found },
    );
  if (problems.length > 0) return refuse(problems);
  const deployed = await engine.deploy([{ name: resourceName, content: xml }]);
  if (!deployed.ok) {
    if (deployed.error.code === 'INVALID_ARGUMENT') return refuse(problemsOfRefusal(deployed.error.message));
    return failDesign('engine_unavailable', 503, `The engine did not take the deployment: ${deployed.error.message}`);
  }
  const process = deployed.value.processes.find((p) => p.bpmnProcessId === bpmnProcessId);
  if (!process) throw new Error(`Expected the engine to deploy process ${bpmnProcessId}, but it answered without it`);
  const deploymentId = await recordDeployment(knex, actor, { designId, revision, process });
  const deployment = (await listDesignDeployments(knex, designId)).find((d) => d.deploymentId === deploymentId);
  if (!deployment) throw new Error(`Expected deployment ${deploymentId} to be recorded, but it is not`);
  return { ok: true, value: deployment };
}
