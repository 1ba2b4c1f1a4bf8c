import type { DeploymentProblem } from './DeploymentProblem.js';
import { expressionOf, expressionProblem } from './expressionOf.js';
import { child, extensions, list, readBpmnXml, text, type ModdleElement } from './moddle.js';
import type {
  BpmnElementType,
  BpmnEventType,
  ElementDefinition,
  Expression,
  Mapping,
  ProcessDefinitionModel,
  SequenceFlow,
} from './ProcessModel.js';
import { blankElement } from './ProcessModel.js';
import { scheduleTimer } from '../timer/timerSchedule.js';

/** The executable processes of one BPMN resource, or every problem that keeps it from deploying. */
export interface ReadResult {
  readonly processes: readonly ProcessDefinitionModel[];
  readonly problems: readonly DeploymentProblem[];
}

const ELEMENT_TYPES: Readonly<Record<string, BpmnElementType>> = {
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
};

const UNSUPPORTED: Readonly<Record<string, string>> = {
  'bpmn:Transaction': 'transaction sub-processes are not supported; use an embedded sub-process',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported yet; use an embedded sub-process',
  'bpmn:ComplexGateway': 'complex gateways are not supported; use an inclusive or exclusive gateway',
  'bpmn:ImplicitThrowEvent': 'implicit throw events are not supported',
};

const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const EVENT_TYPES: Readonly<Record<string, BpmnEventType>> = {
  'bpmn:MessageEventDefinition': 'MESSAGE',
  'bpmn:TimerEventDefinition': 'TIMER',
  'bpmn:ErrorEventDefinition': 'ERROR',
  'bpmn:SignalEventDefinition': 'SIGNAL',
  'bpmn:EscalationEventDefinition': 'ESCALATION',
  'bpmn:TerminateEventDefinition': 'TERMINATE',
  'bpmn:LinkEventDefinition': 'LINK',
};

const UNSUPPORTED_EVENTS: Readonly<Record<string, string>> = {
  'bpmn:CompensateEventDefinition': 'compensation events are not supported yet',
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported; use a message or signal event',
  'bpmn:CancelEventDefinition': 'cancel events belong to transactions, which are not supported',
};

/** Which event definitions each event type accepts (NONE: without a definition). */
const ALLOWED_EVENTS: Readonly<Partial<Record<BpmnElementType, readonly BpmnEventType[]>>> = {
  START_EVENT: ['NONE', 'MESSAGE', 'TIMER', 'SIGNAL'],
  END_EVENT: ['NONE', 'TERMINATE', 'ERROR', 'ESCALATION', 'MESSAGE', 'SIGNAL'],
  INTERMEDIATE_CATCH_EVENT: ['MESSAGE', 'TIMER', 'SIGNAL', 'LINK'],
  INTERMEDIATE_THROW_EVENT: ['NONE', 'ESCALATION', 'SIGNAL', 'LINK', 'MESSAGE'],
  BOUNDARY_EVENT: ['ERROR', 'TIMER', 'MESSAGE', 'SIGNAL', 'ESCALATION'],
};

const EVENT_SUB_PROCESS_STARTS: readonly BpmnEventType[] = ['MESSAGE', 'TIMER', 'SIGNAL', 'ERROR', 'ESCALATION'];

const TARGET = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

const USER_TASK_HEADER_KEYS = ['io.camunda.zeebe:'];

type MutableElement = { -readonly [K in keyof ElementDefinition]: ElementDefinition[K] } & {
  incoming: string[];
  outgoing: SequenceFlow[];
  boundaryEventIds: string[];
  eventSubProcessIds: string[];
  startEventIds: string[];
};

class ProcessReader {
  readonly elements = new Map<string, MutableElement>();
  readonly flows = new Map<string, SequenceFlow>();
  readonly problems: DeploymentProblem[] = [];

  constructor(
    private readonly resourceName: string,
    private readonly process: ModdleElement,
  ) {}

  problem(elementId: string | undefined, message: string): void {
    this.problems.push({ resourceName: this.resourceName, elementId, message });
  }

  checkExpression(elementId: string, expression: Expression | undefined, attribute: string): void {
    const problem = expressionProblem(expression, attribute);
    if (problem) this.problem(elementId, problem);
  }

  read(): ProcessDefinitionModel | undefined {
    const processId = this.process.id ?? '';
    if (!processId) {
      this.problem(undefined, 'a process has no id; give it one (the BPMN process id)');
      return undefined;
    }
    if (extensions(this.process, 'zeebe:ExecutionListeners').length > 0) {
      this.problem(processId, 'execution listeners are not supported yet; remove zeebe:executionListeners');
    }
    const startEventIds = this.readScope(this.process, undefined);
    this.connectFlows();
    this.checkScopes();
    const rootStarts = startEventIds.map((id) => this.elements.get(id)!);
    if (rootStarts.length === 0) {
      this.problem(processId, 'the process has no start event; add a none, message, timer or signal start event');
    }
    if (rootStarts.filter((e) => e.eventType === 'NONE').length > 1) {
      this.problem(processId, 'the process has more than one none start event; keep one');
    }
    return {
      bpmnProcessId: processId,
      name: text(this.process, 'name'),
      elements: this.elements,
      flows: this.flows,
      startEventIds,
    };
  }

  /** Reads the flow elements of a process or sub-process; returns its start event ids. */
  private readScope(container: ModdleElement, scopeId: string | undefined): string[] {
    const starts: string[] = [];
    const flowElements = list(container, 'flowElements');
    for (const element of flowElements) {
      if (element.$type === 'bpmn:SequenceFlow') {
        this.readFlow(element);
        continue;
      }
      if (IGNORED.has(element.$type)) continue;
      const id = element.id ?? '';
      if (!id) {
        this.problem(scopeId ?? this.process.id, `a ${element.$type.replace('bpmn:', '')} has no id`);
        continue;
      }
      const unsupported = UNSUPPORTED[element.$type];
      const type = ELEMENT_TYPES[element.$type];
      if (unsupported || !type) {
        this.problem(id, unsupported ?? `${element.$type} is not a supported BPMN element`);
        continue;
      }
      const definition = this.readElement(element, type, scopeId);
      this.elements.set(id, definition);
      if (type === 'START_EVENT') starts.push(id);
      if (definition.type === 'SUB_PROCESS' || definition.type === 'EVENT_SUB_PROCESS') {
        definition.startEventIds = this.readScope(element, id);
      }
    }
    return starts;
  }

  private readFlow(flow: ModdleElement): void {
    const id = flow.id ?? '';
    const sourceId = child(flow, 'sourceRef')?.id;
    const targetId = child(flow, 'targetRef')?.id;
    if (!sourceId || !targetId) {
      this.problem(id, `the sequence flow has no ${sourceId ? 'target' : 'source'}; connect both ends`);
      return;
    }
    const body = text(child(flow, 'conditionExpression'), 'body');
    const condition = body === undefined ? undefined : expressionOf(body);
    if (condition && !condition.feel) {
      this.problem(
        id,
        `the condition '${body ?? ''}' is not a FEEL expression; write a FEEL expression that starts with '=' (e.g. = amount > 100)`,
      );
    }
    this.checkExpression(id, condition, 'the condition');
    this.flows.set(id, { id, sourceId, targetId, condition });
  }

  private readElement(element: ModdleElement, type: BpmnElementType, scopeId: string | undefined): MutableElement {
    const id = element.id!;
    const isEventSubProcess = type === 'SUB_PROCESS' && element.triggeredByEvent === true;
    const definition = {
      ...blankElement(id, isEventSubProcess ? 'EVENT_SUB_PROCESS' : type, text(element, 'name'), scopeId),
      defaultFlowId: child(element, 'default')?.id,
    } as MutableElement;
    // Before the event definition: which timers are allowed depends on whether the event interrupts.
    if (type === 'BOUNDARY_EVENT') definition.interrupting = element.cancelActivity !== false;
    if (type === 'START_EVENT') definition.interrupting = element.isInterrupting !== false;
    this.readMappings(element, definition);
    this.readEvent(element, definition);
    this.readTask(element, definition);
    this.readMultiInstance(element, definition);
    if (type === 'BOUNDARY_EVENT') {
      definition.attachedToId = child(element, 'attachedToRef')?.id;
      if (!definition.attachedToId) this.problem(id, 'the boundary event is not attached to an activity');
    }
    if (type === 'CALL_ACTIVITY') {
      const called = extensions(element, 'zeebe:CalledElement')[0];
      const processId = text(called, 'processId');
      if (!processId) {
        this.problem(id, 'no zeebe:calledElement processId; name the process to call');
      } else {
        definition.calledElement = {
          processId: expressionOf(processId),
          propagateAllChildVariables: called?.propagateAllChildVariables !== false,
          propagateAllParentVariables: called?.propagateAllParentVariables !== false,
        };
        this.checkExpression(id, definition.calledElement.processId, 'the called process id');
      }
    }
    for (const unsupported of ['zeebe:ExecutionListeners', 'zeebe:TaskListeners', 'zeebe:AdHoc']) {
      if (extensions(element, unsupported).length > 0) {
        this.problem(id, `${unsupported.replace('zeebe:', 'zeebe:')} is not supported yet; remove it`);
      }
    }
    if (element.isForCompensation === true) this.problem(id, 'compensation activities are not supported yet');
    return definition;
  }

  private readMappings(element: ModdleElement, definition: MutableElement): void {
    const io = extensions(element, 'zeebe:IoMapping')[0];
    const read = (property: string, label: string): Mapping[] =>
      list(io, property).flatMap((parameter) => {
        const target = text(parameter, 'target') ?? '';
        const sourceText = text(parameter, 'source');
        if (!TARGET.test(target)) {
          this.problem(definition.id, `the ${label} mapping target '${target}' is not a variable name or path (a.b.c)`);
          return [];
        }
        const source = expressionOf(sourceText ?? '=null');
        this.checkExpression(definition.id, source, `the ${label} mapping to '${target}'`);
        return [{ source, target }];
      });
    definition.inputs = read('inputParameters', 'input');
    definition.outputs = read('outputParameters', 'output');
  }

  private readEvent(element: ModdleElement, definition: MutableElement): void {
    if (!element.$type.endsWith('Event')) return;
    const id = definition.id;
    const eventDefinitions = list(element, 'eventDefinitions');
    if (eventDefinitions.length > 1) {
      this.problem(id, 'an event with several event definitions is not supported; keep one');
      return;
    }
    const eventDefinition = eventDefinitions[0];
    if (eventDefinition && UNSUPPORTED_EVENTS[eventDefinition.$type]) {
      this.problem(id, UNSUPPORTED_EVENTS[eventDefinition.$type]!);
      return;
    }
    const eventType: BpmnEventType = eventDefinition ? (EVENT_TYPES[eventDefinition.$type] ?? 'UNSPECIFIED') : 'NONE';
    definition.eventType = eventType;
    const inEventSubProcess =
      definition.scopeId !== undefined && this.elements.get(definition.scopeId)?.type === 'EVENT_SUB_PROCESS';
    const allowed =
      definition.type === 'START_EVENT' && inEventSubProcess
        ? EVENT_SUB_PROCESS_STARTS
        : (ALLOWED_EVENTS[definition.type] ?? []);
    const kind = definition.type.toLowerCase().replace(/_/g, ' ');
    if (!allowed.includes(eventType)) {
      const article = /^[aeiou]/.test(eventType.toLowerCase()) ? 'an' : 'a';
      this.problem(
        id,
        `${article} ${eventType.toLowerCase()} ${kind} is not supported; use one of: ${allowed.join(', ').toLowerCase()}`,
      );
      return;
    }
    switch (eventType) {
      case 'MESSAGE':
        if (definition.type === 'END_EVENT' || definition.type === 'INTERMEDIATE_THROW_EVENT') {
          this.readJob(element, definition, 'a message throw event');
        } else {
          this.readMessage(child(eventDefinition, 'messageRef'), definition);
        }
        break;
      case 'TIMER':
        this.readTimer(eventDefinition!, definition);
        break;
      case 'SIGNAL': {
        const name = text(child(eventDefinition, 'signalRef'), 'name');
        if (!name) this.problem(id, 'the signal event has no signal with a name; reference a bpmn:signal with a name');
        else {
          definition.signal = { name: expressionOf(name) };
          this.checkExpression(id, definition.signal.name, 'the signal name');
        }
        break;
      }
      case 'ERROR': {
        const error = child(eventDefinition, 'errorRef');
        const code = text(error, 'errorCode');
        if (definition.type === 'END_EVENT' && !code) {
          this.problem(id, 'the error end event has no error code; reference a bpmn:error with an errorCode');
        }
        definition.code = code === undefined ? undefined : expressionOf(code);
        this.checkExpression(id, definition.code, 'the error code');
        break;
      }
      case 'ESCALATION': {
        const code = text(child(eventDefinition, 'escalationRef'), 'escalationCode');
        const throwing = definition.type === 'END_EVENT' || definition.type === 'INTERMEDIATE_THROW_EVENT';
        if (throwing && !code) {
          this.problem(id, 'the escalation event has no escalation code; reference a bpmn:escalation with a code');
        }
        definition.code = code === undefined ? undefined : expressionOf(code);
        this.checkExpression(id, definition.code, 'the escalation code');
        break;
      }
      case 'LINK': {
        const name = text(eventDefinition, 'name');
        if (!name) this.problem(id, 'the link event has no link name; name it so throw and catch events pair up');
        definition.link = name;
        break;
      }
      default:
        break;
    }
  }

  private readMessage(message: ModdleElement | undefined, definition: MutableElement): void {
    const id = definition.id;
    const name = text(message, 'name');
    if (!name) {
      this.problem(id, 'no message with a name; reference a bpmn:message with a name');
      return;
    }
    const correlationKey = text(extensions(message!, 'zeebe:Subscription')[0], 'correlationKey');
    const isStart = definition.type === 'START_EVENT' && definition.scopeId === undefined;
    if (!isStart && !correlationKey) {
      this.problem(id, `the message '${name}' has no zeebe:subscription correlationKey; add one (e.g. =orderId)`);
    }
    definition.message = {
      name: expressionOf(name),
      correlationKey: correlationKey === undefined ? undefined : expressionOf(correlationKey),
    };
    this.checkExpression(id, definition.message.name, 'the message name');
    this.checkExpression(id, definition.message.correlationKey, 'the correlation key');
  }

  private readTimer(eventDefinition: ModdleElement, definition: MutableElement): void {
    const id = definition.id;
    const candidates = [
      ['date', child(eventDefinition, 'timeDate')],
      ['duration', child(eventDefinition, 'timeDuration')],
      ['cycle', child(eventDefinition, 'timeCycle')],
    ] as const;
    const found = candidates.filter(([, value]) => value !== undefined);
    const [kind, value] = found[0] ?? [];
    const body = text(value, 'body')?.trim();
    if (!kind || !body) {
      this.problem(id, 'the timer has no date, duration or cycle; set one (e.g. PT15M)');
      return;
    }
    const allowed: Record<string, readonly string[]> = {
      START_EVENT: definition.scopeId === undefined ? ['date', 'cycle'] : ['date', 'duration', 'cycle'],
      INTERMEDIATE_CATCH_EVENT: ['date', 'duration'],
      BOUNDARY_EVENT: definition.interrupting ? ['date', 'duration'] : ['date', 'duration', 'cycle'],
    };
    const permitted = allowed[definition.type] ?? [];
    if (!permitted.includes(kind)) {
      this.problem(id, `a timer ${kind} is not allowed on this event; use ${permitted.join(' or ')}`);
    }
    const expression = expressionOf(body);
    definition.timer = { kind, expression };
    if (expression.feel) this.checkExpression(id, expression, `the timer ${kind}`);
    else {
      const schedule = scheduleTimer(kind, body, Date.now());
      if (typeof schedule === 'string') this.problem(id, `the timer ${kind} ${schedule}`);
    }
  }

  private readJob(element: ModdleElement, definition: MutableElement, what: string): void {
    const id = definition.id;
    const taskDefinition = extensions(element, 'zeebe:TaskDefinition')[0];
    const type = text(taskDefinition, 'type')?.trim();
    if (!type) {
      this.problem(id, `no zeebe:taskDefinition type; ${what} needs a job type for a worker to pick it up`);
      return;
    }
    const headers: Record<string, string> = {};
    for (const header of list(extensions(element, 'zeebe:TaskHeaders')[0], 'values')) {
      const key = text(header, 'key');
      if (key) headers[key] = text(header, 'value') ?? '';
    }
    definition.job = {
      type: expressionOf(type),
      retries: expressionOf(text(taskDefinition, 'retries') ?? '3'),
      headers,
    };
    this.checkExpression(id, definition.job.type, 'the job type');
    this.checkExpression(id, definition.job.retries, 'the job retries');
    if (!definition.job.retries.feel && !/^\d+$/.test(definition.job.retries.source.trim())) {
      this.problem(id, `the job retries '${definition.job.retries.source}' is not a whole number`);
    }
  }

  private readTask(element: ModdleElement, definition: MutableElement): void {
    const id = definition.id;
    switch (definition.type) {
      case 'SERVICE_TASK':
        this.readJob(element, definition, 'a service task');
        break;
      case 'SEND_TASK':
        this.readJob(element, definition, 'a send task');
        break;
      case 'BUSINESS_RULE_TASK':
        if (extensions(element, 'zeebe:CalledDecision').length > 0) {
          this.problem(
            id,
            'DMN decisions (zeebe:calledDecision) are not supported yet; use a job worker (zeebe:taskDefinition)',
          );
        } else this.readJob(element, definition, 'a business rule task');
        break;
      case 'SCRIPT_TASK': {
        const script = extensions(element, 'zeebe:Script')[0];
        if (script) {
          const expression = text(script, 'expression');
          const resultVariable = text(script, 'resultVariable');
          if (!expression || !resultVariable) {
            this.problem(id, 'the zeebe:script needs both an expression and a resultVariable');
          } else {
            definition.script = { expression: expressionOf(expression), resultVariable };
            if (!definition.script.expression.feel) {
              this.problem(id, `the script '${expression}' is not a FEEL expression; start it with '='`);
            }
            this.checkExpression(id, definition.script.expression, 'the script');
          }
        } else this.readJob(element, definition, 'a script task without zeebe:script');
        break;
      }
      case 'RECEIVE_TASK':
        this.readMessage(child(element, 'messageRef'), definition);
        break;
      case 'USER_TASK':
        this.readUserTask(element, definition);
        break;
      default:
        break;
    }
  }

  private readUserTask(element: ModdleElement, definition: MutableElement): void {
    const form = extensions(element, 'zeebe:FormDefinition')[0];
    const assignment = extensions(element, 'zeebe:AssignmentDefinition')[0];
    const schedule = extensions(element, 'zeebe:TaskSchedule')[0];
    const priority = extensions(element, 'zeebe:PriorityDefinition')[0];
    const optional = (value: string | undefined) =>
      value === undefined || value === '' ? undefined : expressionOf(value);
    definition.userTask = {
      formKey: text(form, 'formKey') ?? text(form, 'formId') ?? text(form, 'externalReference'),
      assignee: optional(text(assignment, 'assignee')),
      candidateGroups: optional(text(assignment, 'candidateGroups')),
      candidateUsers: optional(text(assignment, 'candidateUsers')),
      dueDate: optional(text(schedule, 'dueDate')),
      followUpDate: optional(text(schedule, 'followUpDate')),
      priority: optional(text(priority, 'priority') ?? (priority?.priority as string | undefined)),
    };
    for (const [attribute, expression] of Object.entries(definition.userTask)) {
      if (attribute !== 'formKey')
        this.checkExpression(definition.id, expression as Expression | undefined, `the ${attribute}`);
    }
    const headers: Record<string, string> = {};
    for (const header of list(extensions(element, 'zeebe:TaskHeaders')[0], 'values')) {
      const key = text(header, 'key');
      if (key && !USER_TASK_HEADER_KEYS.some((prefix) => key.startsWith(prefix)))
        headers[key] = text(header, 'value') ?? '';
    }
    definition.job = {
      type: { source: 'io.camunda.zeebe:userTask', feel: undefined },
      retries: { source: '1', feel: undefined },
      headers,
    };
  }

  private readMultiInstance(element: ModdleElement, definition: MutableElement): void {
    const loop = child(element, 'loopCharacteristics');
    if (!loop) return;
    const id = definition.id;
    if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
      this.problem(id, 'standard loops are not supported; use a multi-instance marker');
      return;
    }
    const zeebeLoop = extensions(loop, 'zeebe:LoopCharacteristics')[0];
    const inputCollection = text(zeebeLoop, 'inputCollection');
    if (!inputCollection) {
      this.problem(
        id,
        'the multi-instance activity has no zeebe:loopCharacteristics inputCollection; set it (e.g. =items)',
      );
      return;
    }
    const outputCollection = text(zeebeLoop, 'outputCollection') || undefined;
    const outputElement = text(zeebeLoop, 'outputElement') || undefined;
    if (outputCollection && !outputElement) {
      this.problem(id, 'the multi-instance outputCollection is set but outputElement is not; set both or neither');
    }
    const completion = text(child(loop, 'completionCondition'), 'body');
    definition.multiInstance = {
      sequential: loop.isSequential === true,
      inputCollection: expressionOf(inputCollection),
      inputElement: text(zeebeLoop, 'inputElement') || undefined,
      outputCollection,
      outputElement: outputElement === undefined ? undefined : expressionOf(outputElement),
      completionCondition: completion === undefined ? undefined : expressionOf(completion),
    };
    this.checkExpression(id, definition.multiInstance.inputCollection, 'the input collection');
    this.checkExpression(id, definition.multiInstance.outputElement, 'the output element');
    this.checkExpression(id, definition.multiInstance.completionCondition, 'the completion condition');
  }

  private connectFlows(): void {
    for (const flow of this.flows.values()) {
      const source = this.elements.get(flow.sourceId);
      const target = this.elements.get(flow.targetId);
      if (!source || !target) {
        if (!this.problems.some((p) => p.elementId === flow.sourceId || p.elementId === flow.targetId)) {
          this.problem(
            flow.id,
            `the sequence flow connects ${flow.sourceId} to ${flow.targetId}, which is not an executable element of this process`,
          );
        }
        continue;
      }
      if (source.scopeId !== target.scopeId) {
        this.problem(
          flow.id,
          `the sequence flow crosses a sub-process border (from ${source.id} to ${target.id}); connect elements of the same scope`,
        );
      }
      source.outgoing.push(flow);
      target.incoming.push(flow.id);
    }
  }

  private checkScopes(): void {
    const linkCatches = new Map<string, string[]>();
    for (const element of this.elements.values()) {
      const id = element.id;
      if (element.type === 'BOUNDARY_EVENT' && element.attachedToId) {
        const host = this.elements.get(element.attachedToId);
        if (host) host.boundaryEventIds.push(id);
        if (element.incoming.length > 0) this.problem(id, 'a boundary event cannot have incoming sequence flows');
      }
      if (element.type === 'START_EVENT') {
        if (element.incoming.length > 0) this.problem(id, 'a start event cannot have incoming sequence flows');
        const scope = element.scopeId === undefined ? undefined : this.elements.get(element.scopeId);
        if (scope?.type === 'EVENT_SUB_PROCESS') {
          if (!EVENT_SUB_PROCESS_STARTS.includes(element.eventType)) {
            this.problem(
              id,
              'the start event of an event sub-process needs a message, timer, signal, error or escalation definition',
            );
          }
          if (!element.interrupting && element.eventType === 'ERROR') {
            this.problem(id, 'an error start event must be interrupting');
          }
        } else if (scope?.type === 'SUB_PROCESS' && element.eventType !== 'NONE') {
          this.problem(id, 'the start event of an embedded sub-process must be a none start event');
        }
      }
      if (element.type === 'END_EVENT' && element.outgoing.length > 0) {
        this.problem(id, 'an end event cannot have outgoing sequence flows');
      }
      if (element.type === 'INTERMEDIATE_CATCH_EVENT' && element.eventType === 'LINK' && element.link) {
        const key = `${element.scopeId ?? ''}/${element.link}`;
        linkCatches.set(key, [...(linkCatches.get(key) ?? []), id]);
      }
      this.checkOutgoing(element);
    }
    for (const element of this.elements.values()) {
      if (element.type === 'SUB_PROCESS' || element.type === 'EVENT_SUB_PROCESS') {
        const starts = element.startEventIds.map((s) => this.elements.get(s)!);
        if (element.type === 'SUB_PROCESS') {
          const none = starts.filter((s) => s.eventType === 'NONE');
          if (none.length !== 1)
            this.problem(
              element.id,
              `an embedded sub-process needs exactly one none start event (found ${none.length})`,
            );
          element.noneStartEventId = none[0]?.id;
        } else if (starts.length !== 1) {
          this.problem(element.id, `an event sub-process needs exactly one start event (found ${starts.length})`);
        }
      }
      if (element.type === 'EVENT_SUB_PROCESS') {
        const scope = element.scopeId === undefined ? undefined : this.elements.get(element.scopeId);
        if (scope) scope.eventSubProcessIds.push(element.id);
        if (element.incoming.length > 0 || element.outgoing.length > 0) {
          this.problem(element.id, 'an event sub-process cannot have incoming or outgoing sequence flows');
        }
      }
      if (element.type === 'INTERMEDIATE_THROW_EVENT' && element.eventType === 'LINK' && element.link) {
        const catches = linkCatches.get(`${element.scopeId ?? ''}/${element.link}`) ?? [];
        if (catches.length !== 1) {
          this.problem(
            element.id,
            catches.length === 0
              ? `no link catch event named '${element.link}' in the same scope; add one`
              : `several link catch events are named '${element.link}' (${catches.join(', ')}); names must be unique`,
          );
        }
      }
    }
  }

  private checkOutgoing(element: MutableElement): void {
    const id = element.id;
    const gateway = element.type === 'EXCLUSIVE_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY';
    if (element.defaultFlowId && !element.outgoing.some((f) => f.id === element.defaultFlowId)) {
      this.problem(id, `the default flow ${element.defaultFlowId} is not an outgoing flow of this element`);
    }
    if (gateway && element.outgoing.length > 1) {
      for (const flow of element.outgoing) {
        if (!flow.condition && flow.id !== element.defaultFlowId) {
          this.problem(
            id,
            `outgoing flow ${flow.id} has no condition and is not the default flow; add a condition or make it the default`,
          );
        }
      }
    }
    if (!gateway) {
      for (const flow of element.outgoing) {
        if (flow.condition && element.outgoing.length > 0) {
          this.problem(
            flow.id,
            `a condition on a flow leaving a ${element.type.toLowerCase().replace(/_/g, ' ')} is not supported; put an exclusive gateway before the branch`,
          );
        }
      }
    }
    if (element.type === 'EVENT_BASED_GATEWAY') {
      if (element.outgoing.length < 2) this.problem(id, 'an event-based gateway needs at least two outgoing flows');
      for (const flow of element.outgoing) {
        const target = this.elements.get(flow.targetId);
        const ok =
          target &&
          ((target.type === 'INTERMEDIATE_CATCH_EVENT' && ['MESSAGE', 'TIMER', 'SIGNAL'].includes(target.eventType)) ||
            target.type === 'RECEIVE_TASK');
        if (target && !ok)
          this.problem(
            id,
            `flow ${flow.id} leads to ${target.id}; an event-based gateway may only lead to message, timer or signal catch events`,
          );
        if (target && target.incoming.length > 1)
          this.problem(target.id, 'an event after an event-based gateway cannot have other incoming flows');
      }
    }
  }
}

/** Flattens a bpmn-moddle warning ("unparsable content … line: 4 … nested error: …") into one sentence. */
function describeWarning(message: string): string {
  const [first = message] = message.split('\n');
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  const nested = /nested error: (.+)/.exec(message)?.[1];
  const where = line ? ` at line ${line}${column ? `, column ${column}` : ''}` : '';
  return `${first}${where}${nested ? `: ${nested}` : ''}`;
}

/**
 * Reads every executable process of a BPMN document and validates it against what the engine runs.
 * Never throws for bad input: unreadable XML and invalid models come back as problems.
 */
export async function readProcesses(resourceName: string, xml: string): Promise<ReadResult> {
  const document = await readBpmnXml(xml);
  if (typeof document === 'string') {
    return {
      processes: [],
      problems: [{ resourceName, elementId: undefined, message: `the XML cannot be read: ${document}` }],
    };
  }
  const problems: DeploymentProblem[] = [];
  for (const warning of document.warnings) {
    if (/duplicate ID|unparsable content/i.test(warning.message)) {
      problems.push({ resourceName, elementId: warning.element?.id, message: describeWarning(warning.message) });
    }
  }
  const candidates = list(document.definitions, 'rootElements').filter((root) => root.$type === 'bpmn:Process');
  const executable = candidates.filter((process) => process.isExecutable === true);
  if (executable.length === 0) {
    const named = candidates.map((p) => p.id).join(', ');
    problems.push({
      resourceName,
      elementId: undefined,
      message:
        candidates.length === 0
          ? 'the document contains no process'
          : `no executable process: mark the process to run as executable (isExecutable="true") (processes: ${named})`,
    });
  }
  const processes: ProcessDefinitionModel[] = [];
  for (const process of executable) {
    const reader = new ProcessReader(resourceName, process);
    const model = reader.read();
    problems.push(...reader.problems);
    if (model) processes.push(model);
  }
  return { processes: problems.length > 0 ? [] : processes, problems };
}
