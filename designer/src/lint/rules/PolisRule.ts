import type { BilingualText, PolisLintConfig } from '../LintProblem.js';
import type { ModdleNode } from '../ModdleNode.js';

/** bpmnlint's reporter: one call per problem, on an element id; extra properties travel with the report. */
export interface LintReporter {
  report(id: string, message: string, extra?: Record<string, unknown>): void;
}

/** A bpmnlint rule: bpmnlint calls check on every element of the document. */
export interface PolisRule {
  check(node: ModdleNode, reporter: LintReporter): void;
}

/** A bpmnlint rule factory, given the rule's configuration. */
export type PolisRuleFactory = (config?: PolisLintConfig) => PolisRule;

/** Reports a problem in both languages: `message` in the configured one, `messageEl` and `messageEn` always. */
export function reportBoth(
  reporter: LintReporter,
  config: PolisLintConfig | undefined,
  id: string,
  message: BilingualText,
): void {
  reporter.report(id, config?.language === 'el' ? message.el : message.en, {
    messageEl: message.el,
    messageEn: message.en,
  });
}
