/** BPMN snippets for event scenarios (messages, timers, signals, escalations, links), beside harness.ts. */

/** A bpmn:message (root element, for `bpmn()`'s `extra`), with a correlation key expression unless none. */
export const message = (id: string, name: string, correlationKey?: string) =>
  correlationKey === undefined
    ? `<bpmn:message id="${id}" name="${name}" />`
    : `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements></bpmn:message>`;

/** A bpmn:signal root element. */
export const signal = (id: string, name: string) => `<bpmn:signal id="${id}" name="${name}" />`;

/** A bpmn:escalation root element. */
export const escalation = (id: string, code: string) =>
  `<bpmn:escalation id="${id}" name="${code}" escalationCode="${code}" />`;

/** A bpmn:error root element. */
export const error = (id: string, code: string) => `<bpmn:error id="${id}" name="${code}" errorCode="${code}" />`;

/** A message event definition. */
export const onMessage = (messageRef: string) => `<bpmn:messageEventDefinition messageRef="${messageRef}" />`;

/** A signal event definition. */
export const onSignal = (signalRef: string) => `<bpmn:signalEventDefinition signalRef="${signalRef}" />`;

/** A timer event definition: kind is timeDuration, timeDate or timeCycle. */
export const onTimer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

/** Output mappings of an element (zeebe:ioMapping), for an element's extension elements. */
export const outputs = (mappings: Record<string, string>) =>
  `<bpmn:extensionElements><zeebe:ioMapping>${Object.entries(mappings)
    .map(([target, source]) => `<zeebe:output source="${source}" target="${target}" />`)
    .join('')}</zeebe:ioMapping></bpmn:extensionElements>`;

/** An intermediate catch event with an event definition (and optional extension elements). */
export const catchEvent = (id: string, definition: string, extensions = '') =>
  `<bpmn:intermediateCatchEvent id="${id}">${extensions}${definition}</bpmn:intermediateCatchEvent>`;

/** A boundary event attached to an activity; interrupting unless told. */
export const boundary = (id: string, attachedTo: string, definition: string, interrupting = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${String(interrupting)}">${definition}</bpmn:boundaryEvent>`;

/** A start event with an event definition (none when empty); interrupting unless told (event sub-processes). */
export const startEvent = (id: string, definition = '', interrupting = true) =>
  `<bpmn:startEvent id="${id}" isInterrupting="${String(interrupting)}">${definition}</bpmn:startEvent>`;

/** An end event with an event definition (none when empty). */
export const endEvent = (id: string, definition = '') => `<bpmn:endEvent id="${id}">${definition}</bpmn:endEvent>`;

/** An event sub-process with a body (its start event and the rest). */
export const eventSubProcess = (id: string, body: string) =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">${body}</bpmn:subProcess>`;
