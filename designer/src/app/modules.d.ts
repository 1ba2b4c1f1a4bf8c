// The bpmn-io packages the modeler uses ship no TypeScript types: what the designer relies on.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const ZeebePropertiesProviderModule: Record<string, unknown>;
  export function useService<T = unknown>(name: string): T;
}
declare module 'bpmn-js-bpmnlint' {
  const lintModule: Record<string, unknown>;
  export default lintModule;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const behaviors: Record<string, unknown>;
  export default behaviors;
}
declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
}
declare module 'bpmnlint/rules/*' {
  const rule: (config?: unknown) => unknown;
  export default rule;
}
declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, string> };
  export default config;
}
