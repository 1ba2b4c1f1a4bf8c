/** The name of the designer package: the analysts' Vue app (built into runtime/web/dist/designer). */
export const designerPackage = '@polis/designer';

// The Polis lint rules, shared by the modeler (through bpmn-js-bpmnlint) and the runtime's deploy check.
export {
  PLATFORM_VARIABLES,
  type BilingualText,
  type LintProblem,
  type LintSeverity,
  type PolisLintConfig,
} from './lint/LintProblem.js';
export { POLIS_LINT_PLUGIN, POLIS_RULES, polisRulesConfig } from './lint/polisRules.js';
export { lintDefinitions } from './lint/lintDefinitions.js';
export { readBpmn, type BpmnProcessInfo, type ReadBpmnResult } from './lint/readBpmn.js';
export { formFieldNames } from './lint/formFieldNames.js';
export { feelSyntaxError, variablesReadBy } from './lint/feelExpressions.js';
export { renameProcess } from './bpmn/renameProcess.js';
