import type { PolisLintConfig } from './LintProblem.js';
import { feelSyntax } from './rules/feelSyntax.js';
import type { PolisRuleFactory } from './rules/PolisRule.js';
import { userTaskCandidateGroups } from './rules/userTaskCandidateGroups.js';
import { userTaskForm } from './rules/userTaskForm.js';
import { variableContract } from './rules/variableContract.js';

/** The package name bpmnlint resolves `polis/<rule>` to. */
export const POLIS_LINT_PLUGIN = 'bpmnlint-plugin-polis';

/** The Polis rules, by name: the same code lints in the modeler and on the server before a deployment. */
export const POLIS_RULES: Readonly<Record<string, PolisRuleFactory>> = {
  'user-task-form': userTaskForm,
  'user-task-candidate-groups': userTaskCandidateGroups,
  'feel-syntax': feelSyntax,
  'variable-contract': variableContract,
};

/** A bpmnlint `rules` configuration turning every Polis rule on as an error, with what it needs to know. */
export function polisRulesConfig(config: PolisLintConfig): Record<string, ['error', PolisLintConfig]> {
  return Object.fromEntries(Object.keys(POLIS_RULES).map((name) => [`polis/${name}`, ['error', config]]));
}
