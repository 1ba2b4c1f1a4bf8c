import type { BatchContext } from '../../processing/BatchContext.js';
import type { JsonValue } from '../../feel/feel.js';
import type { ProcessInstanceDoc } from '../types.js';

/** Appliers of VARIABLE events: the only code that writes variables. */
export class VariableEvents {
  constructor(private readonly ctx: BatchContext) {}

  /** Sets a variable in a scope, recording CREATED or UPDATED; an unchanged value records nothing. */
  async set(doc: ProcessInstanceDoc, scopeKey: number, name: string, value: JsonValue): Promise<void> {
    const scope = (doc.variables[scopeKey] ??= {});
    const exists = Object.prototype.hasOwnProperty.call(scope, name);
    const text = JSON.stringify(value);
    if (exists && JSON.stringify(scope[name]) === text) return;
    scope[name] = value;
    this.ctx.instances.touch(doc.key);
    this.ctx.record('VARIABLE', exists ? 'UPDATED' : 'CREATED', await this.ctx.nextKey(), {
      name,
      value: text,
      scopeKey,
      processInstanceKey: doc.key,
      processDefinitionKey: doc.processDefinitionKey,
      bpmnProcessId: doc.bpmnProcessId,
      tenantId: '<default>',
    });
  }
}
