import type { JsonValue } from '../feel/feel.js';
import type { BpmnElementType, BpmnEventType } from '../model/ProcessModel.js';

/** Variables of one scope, by name. */
export type Variables = Record<string, JsonValue>;

/** Where an element instance is in Zeebe's lifecycle while it exists. */
export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

/** A step that failed with an incident and is retried when the incident is resolved. */
export type RetryStep = 'activate' | 'complete';

/** An event subscription an element instance owns (boundary events, catch events, event sub-processes). */
export interface OwnedSubscription {
  readonly kind: 'timer' | 'message' | 'signal';
  readonly key: number;
  /** The catching element: a boundary event, an intermediate catch event, or an event sub-process start. */
  readonly elementId: string;
}

/** A live element instance inside a process instance. */
export interface ElementInstance {
  key: number;
  elementId: string;
  type: BpmnElementType;
  eventType: BpmnEventType;
  flowScopeKey: number;
  state: ElementState;
  /** Child element instances that are alive. */
  children: number;
  /** Tokens waiting at joining gateways in this scope: gateway id → incoming flow id → count. */
  joins?: Record<string, Record<string, number>>;
  jobKey?: number;
  subscriptions?: OwnedSubscription[];
  incidentKey?: number;
  retryStep?: RetryStep;
  /** For inner instances of a multi-instance activity. */
  loopCounter?: number;
  /** For multi-instance bodies. */
  multiInstance?: {
    items: JsonValue[];
    nextIndex: number;
    completed: number;
    active: number;
    /** Set when a completing inner instance satisfied the completion condition. */
    conditionMet?: boolean;
  };
  /** For call activities: the child process instance. */
  calledInstanceKey?: number;
  /** Why it is terminating: what to activate after it (interrupting events), or a cancel. */
  afterTermination?: { activate: string; flowScopeKey: number; variables?: Variables };
  /** Variables a trigger brought (message, job completion) waiting for the output mappings. */
  eventVariables?: Variables;
  /** For event-based gateways and catch events: which event fired. */
  triggeredElementId?: string;
  interrupted?: boolean;
}

/** A process instance with all of its element instances and variables: loaded, locked and written as one. */
export interface ProcessInstanceDoc {
  key: number;
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  parentProcessInstanceKey: number;
  parentElementInstanceKey: number;
  elements: Record<string, ElementInstance>;
  variables: Record<string, Variables>;
  /** For instances started by a message start event with a correlation key. */
  messageStartCorrelationKey?: string;
}

/** A job, as stored. */
export interface JobRow {
  key: number;
  type: string;
  state: 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';
  processInstanceKey: number;
  elementInstanceKey: number;
  retries: number;
  deadline: number | null;
  recurringAt: number | null;
  data: {
    elementId: string;
    bpmnProcessId: string;
    processDefinitionVersion: number;
    processDefinitionKey: number;
    customHeaders: Record<string, string>;
    worker: string;
    errorMessage: string;
    errorCode: string;
    retryBackoff: number;
    /** Variables a failing worker sent, set on the task when the job completes or fails. */
    incidentKey?: number;
  };
}

/** A timer, as stored. */
export interface TimerRow {
  key: number;
  dueDate: number;
  processInstanceKey: number | null;
  processDefinitionKey: number;
  data: {
    elementId: string;
    /** The element instance that owns it (-1 for a timer start event). */
    elementInstanceKey: number;
    /** The catching element, when it differs from the owner (boundary events, event-based gateways). */
    targetElementId: string;
    repetitions: number;
    cycle?: string;
    bpmnProcessId: string;
  };
}

/** A message subscription of a waiting element, as stored. */
export interface MessageSubscriptionRow {
  key: number;
  messageName: string;
  correlationKey: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  data: { elementInstanceKey: number; elementId: string; interrupting: boolean };
}

/** A message start event's subscription, as stored. */
export interface MessageStartSubscriptionRow {
  key: number;
  messageName: string;
  bpmnProcessId: string;
  processDefinitionKey: number;
  data: { startEventId: string; version: number };
}

/** A signal subscription (start event or waiting element), as stored. */
export interface SignalSubscriptionRow {
  key: number;
  signalName: string;
  processInstanceKey: number | null;
  processDefinitionKey: number;
  data: { elementId: string; elementInstanceKey: number; bpmnProcessId: string };
}

/** A buffered message, as stored. */
export interface MessageRow {
  key: number;
  name: string;
  correlationKey: string;
  messageId: string | null;
  deadline: number;
  data: { variables: Variables; timeToLive: number };
}

/** An incident, as stored. */
export interface IncidentRow {
  key: number;
  processInstanceKey: number;
  jobKey: number | null;
  data: {
    errorType: string;
    errorMessage: string;
    elementId: string;
    elementInstanceKey: number;
    bpmnProcessId: string;
    processDefinitionKey: number;
    variableScopeKey: number;
    createdAt: number;
  };
}

/** A deployed process definition, as stored (the model is parsed once and cached). */
export interface ProcessDefinitionRow {
  key: number;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  checksum: string;
  resource: string;
  deploymentKey: number;
  deployedAt: number;
}
