// bpmnlint ships its types beside its CommonJS code but does not point to them: what Polis uses of it.
declare module 'bpmnlint' {
  interface LintReport {
    readonly id?: string;
    readonly message: string;
    readonly category: string;
    readonly [extra: string]: unknown;
  }
  interface Resolver {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }
  class Linter {
    constructor(options: {
      config?: { rules?: Record<string, unknown>; extends?: string | string[] };
      resolver: Resolver;
    });
    lint(root: unknown): Promise<Record<string, LintReport[]>>;
  }
  const bpmnlint: { Linter: typeof Linter };
  export default bpmnlint;
}
