import type { BpmnElementType } from '../../model/ProcessModel.js';
import type { ElementProcessor } from '../ElementProcessor.js';
import { CallActivityProcessor } from './CallActivityProcessor.js';
import { CatchEventProcessor, EventOccurredProcessor } from './CatchEventProcessor.js';
import { completeAtOnce } from './completeAtOnce.js';
import { EndEventProcessor } from './EndEventProcessor.js';
import {
  EventBasedGatewayProcessor,
  ExclusiveGatewayProcessor,
  InclusiveGatewayProcessor,
} from './GatewayProcessors.js';
import { IntermediateThrowEventProcessor } from './IntermediateThrowEventProcessor.js';
import { JobWorkerTaskProcessor } from './JobWorkerTaskProcessor.js';
import { MultiInstanceBodyProcessor } from './MultiInstanceBodyProcessor.js';
import { EventSubProcessProcessor, ProcessProcessor, SubProcessProcessor } from './ScopeProcessor.js';
import { ScriptTaskProcessor } from './ScriptTaskProcessor.js';

const PROCESSORS: Record<BpmnElementType, ElementProcessor> = {
  PROCESS: ProcessProcessor,
  SUB_PROCESS: SubProcessProcessor,
  EVENT_SUB_PROCESS: EventSubProcessProcessor,
  START_EVENT: EventOccurredProcessor,
  BOUNDARY_EVENT: EventOccurredProcessor,
  END_EVENT: EndEventProcessor,
  INTERMEDIATE_CATCH_EVENT: CatchEventProcessor,
  RECEIVE_TASK: CatchEventProcessor,
  INTERMEDIATE_THROW_EVENT: IntermediateThrowEventProcessor,
  SERVICE_TASK: JobWorkerTaskProcessor,
  SEND_TASK: JobWorkerTaskProcessor,
  BUSINESS_RULE_TASK: JobWorkerTaskProcessor,
  USER_TASK: JobWorkerTaskProcessor,
  SCRIPT_TASK: ScriptTaskProcessor,
  MANUAL_TASK: completeAtOnce,
  TASK: completeAtOnce,
  EXCLUSIVE_GATEWAY: ExclusiveGatewayProcessor,
  INCLUSIVE_GATEWAY: InclusiveGatewayProcessor,
  PARALLEL_GATEWAY: completeAtOnce,
  EVENT_BASED_GATEWAY: EventBasedGatewayProcessor,
  CALL_ACTIVITY: CallActivityProcessor,
  MULTI_INSTANCE_BODY: MultiInstanceBodyProcessor,
  SEQUENCE_FLOW: completeAtOnce,
};

/** The processor of an element type: one per BPMN element. */
export function processorFor(type: BpmnElementType): ElementProcessor {
  return PROCESSORS[type];
}
