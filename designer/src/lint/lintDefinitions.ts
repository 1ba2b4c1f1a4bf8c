import bpmnlint from 'bpmnlint';
import type { LintProblem, PolisLintConfig } from './LintProblem.js';
import type { ModdleNode } from './ModdleNode.js';
import { POLIS_LINT_PLUGIN, POLIS_RULES, polisRulesConfig } from './polisRules.js';

/** Runs the Polis rules (through bpmnlint, as the modeler does) over a document read by {@link readBpmn}. */
export async function lintDefinitions(definitions: ModdleNode, config: PolisLintConfig): Promise<LintProblem[]> {
  const linter = new bpmnlint.Linter({
    config: { rules: polisRulesConfig(config) },
    resolver: {
      resolveRule: (pkg, ruleName) => (pkg === POLIS_LINT_PLUGIN ? POLIS_RULES[ruleName] : undefined),
      resolveConfig: () => undefined,
    },
  });
  const results = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => {
      if (report.category === 'rule-error')
        throw new Error(`Expected the lint rule ${rule} to run, but it failed: ${report.message}`);
      return {
        elementId: report.id || undefined,
        rule,
        severity: report.category === 'error' ? ('error' as const) : ('warning' as const),
        message: {
          el: typeof report.messageEl === 'string' ? report.messageEl : report.message,
          en: typeof report.messageEn === 'string' ? report.messageEn : report.message,
        },
      };
    }),
  );
}
