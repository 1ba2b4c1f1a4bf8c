import type { ElementDefinition, SequenceFlow } from '../model/ProcessModel.js';
import type { ElementInstance, ProcessInstanceDoc } from '../state/types.js';
import type { Machine } from './Machine.js';

/**
 * The behaviour of one BPMN element type through Zeebe's lifecycle. The machine writes the lifecycle
 * records; a processor decides what the element does in between.
 */
export interface ElementProcessor {
  /** Called once the element is ACTIVATED: create a job, open subscriptions, activate children, or complete. */
  onActivate(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<void>;
  /** Which outgoing flows to take on completion; undefined when an incident was raised instead. */
  selectFlows?(
    m: Machine,
    doc: ProcessInstanceDoc,
    ei: ElementInstance,
    def: ElementDefinition,
  ): Promise<readonly SequenceFlow[] | undefined>;
  /** Work before COMPLETED (e.g. a multi-instance body publishing its output collection); false on incident. */
  onComplete?(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<boolean>;
  /** Work right after COMPLETED, before the flows are taken (a link throw event activating its catch event). */
  onCompleted?(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<void>;
  /** Clean-up when the element is terminated (its job, its child process instance). */
  onTerminate?(m: Machine, doc: ProcessInstanceDoc, ei: ElementInstance, def: ElementDefinition): Promise<void>;
  /** For scopes: a child element instance has completed or terminated. */
  onChildDone?(
    m: Machine,
    doc: ProcessInstanceDoc,
    scope: ElementInstance,
    def: ElementDefinition,
    child: ElementInstance,
  ): Promise<void>;
}
