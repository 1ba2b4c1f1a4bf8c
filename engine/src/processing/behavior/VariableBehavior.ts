import { evaluateFeel, type FeelResult, type JsonValue } from '../../feel/feel.js';
import type { Expression, Mapping } from '../../model/ProcessModel.js';
import type { Appliers } from '../../state/appliers/Appliers.js';
import type { ElementInstance, ProcessInstanceDoc, Variables } from '../../state/types.js';
import type { BatchContext } from '../BatchContext.js';

/** Variable scopes, FEEL evaluation and propagation, as Zeebe documents them. */
export class VariableBehavior {
  constructor(
    private readonly ctx: BatchContext,
    private readonly apply: Appliers,
  ) {}

  /** The scope chain from an element instance up to the process instance, innermost first. */
  scopeChain(doc: ProcessInstanceDoc, scopeKey: number): number[] {
    const chain: number[] = [];
    let key: number | undefined = scopeKey;
    while (key !== undefined && key > 0) {
      chain.push(key);
      const ei: ElementInstance | undefined = doc.elements[key];
      if (!ei || ei.flowScopeKey <= 0) break;
      key = ei.flowScopeKey;
    }
    if (!chain.includes(doc.key)) chain.push(doc.key);
    return chain;
  }

  /** Every variable visible from a scope: inner scopes hide outer ones. */
  visible(doc: ProcessInstanceDoc, scopeKey: number): Variables {
    const out: Variables = {};
    for (const key of this.scopeChain(doc, scopeKey).reverse()) Object.assign(out, doc.variables[key]);
    return out;
  }

  evaluate(doc: ProcessInstanceDoc, scopeKey: number, expression: Expression, extra?: Variables): FeelResult {
    if (!expression.feel) return { ok: true, value: expression.source };
    const context = extra ? { ...this.visible(doc, scopeKey), ...extra } : this.visible(doc, scopeKey);
    return evaluateFeel(expression.feel, context, this.ctx.clock);
  }

  /** Sets variables in exactly one scope. */
  async setLocal(doc: ProcessInstanceDoc, scopeKey: number, variables: Variables): Promise<void> {
    for (const [name, value] of Object.entries(variables)) await this.apply.variable.set(doc, scopeKey, name, value);
  }

  /**
   * Merges variables from a scope upward: each goes to the nearest scope that already has it,
   * or to the process instance when none has.
   */
  async propagate(doc: ProcessInstanceDoc, fromScopeKey: number, variables: Variables): Promise<void> {
    const chain = this.scopeChain(doc, fromScopeKey);
    for (const [name, value] of Object.entries(variables)) {
      const owner = chain.find(
        (key) => doc.variables[key] && Object.prototype.hasOwnProperty.call(doc.variables[key], name),
      );
      await this.apply.variable.set(doc, owner ?? doc.key, name, value);
    }
  }

  /**
   * Evaluates mappings in order (each sees the ones before it) into a new variable document.
   * Returns an error sentence when a mapping fails.
   */
  applyMappings(
    doc: ProcessInstanceDoc,
    scopeKey: number,
    mappings: readonly Mapping[],
    base: Variables = {},
  ): Variables | string {
    const result: Variables = {};
    for (const mapping of mappings) {
      const evaluated = this.evaluate(doc, scopeKey, mapping.source, { ...base, ...result });
      if (!evaluated.ok) return evaluated.message;
      setPath(result, mapping.target, evaluated.value, this.visible(doc, scopeKey));
    }
    return result;
  }
}

/** Sets `a.b.c` in a variable document, merging into an existing object value of `a`. */
function setPath(target: Variables, path: string, value: JsonValue, visible: Variables): void {
  const [head, ...rest] = path.split('.');
  if (!head) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const existing = target[head] ?? visible[head];
  const base: { [key: string]: JsonValue } =
    existing && typeof existing === 'object' && !Array.isArray(existing) ? structuredClone(existing) : {};
  let cursor = base;
  for (const part of rest.slice(0, -1)) {
    const next = cursor[part];
    cursor = cursor[part] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
  }
  cursor[rest[rest.length - 1]!] = value;
  target[head] = base;
}
