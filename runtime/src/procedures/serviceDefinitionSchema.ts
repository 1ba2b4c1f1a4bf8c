import { APPLICATION_STATUSES, type ApplicationStatus } from '../projections/ApplicationStatus.js';

const text = { type: 'string', minLength: 1 } as const;
const bilingual = {
  type: 'object',
  additionalProperties: false,
  required: ['el', 'en'],
  properties: { el: text, en: text },
} as const;
const kebab = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' } as const;
const workingDays = { type: 'integer', minimum: 0, maximum: 400 } as const;

/** Greek and English versions of a text shown to citizens: Greek first. */
export interface BilingualText {
  readonly el: string;
  readonly en: string;
}

/**
 * A step of the process that the citizen sees as a status: when the element (a task, an event) is activated, the
 * application takes the status; an end event's status becomes final when the instance completes.
 */
export interface ServiceMilestone {
  /** The BPMN element id. */
  readonly elementId: string;
  readonly status: ApplicationStatus;
  /** The text shown instead of the status's own label. */
  readonly label?: BilingualText;
}

/**
 * The e-service metadata of a procedure (`<process-id>.service.json` beside its BPMN): what the portal shows
 * before a citizen applies, and what the runtime needs to start an instance (start form, due date).
 */
export interface ServiceDefinition {
  /** The BPMN process id the service starts; also the file name. */
  readonly processId: string;
  readonly category: 'certificates' | 'permits' | 'requests' | 'payments' | 'social';
  readonly title: BilingualText;
  readonly description: BilingualText;
  /** The unit that owns the service (org unit code). */
  readonly ownerUnit: string;
  /** The form the citizen fills in to apply. */
  readonly startFormId: string;
  /** Forms with which a citizen answers a message the process waits for (e.g. a request for more documents). */
  readonly messageForms?: readonly { readonly messageName: string; readonly formId: string }[];
  /** The process steps the citizen sees as statuses (see runtime/src/projections). */
  readonly milestones?: readonly ServiceMilestone[];
  /**
   * The expected duration in working days from filing, the due date the runtime gives at submission (`dueDate`);
   * `byVariable` sets it per value of a submitted variable (e.g. the category of a request).
   */
  readonly expectedDuration: {
    readonly workingDays: number;
    readonly byVariable?: { readonly variable: string; readonly workingDays: Readonly<Record<string, number>> };
  };
  /** The statutory deadline, in calendar days rolling to a working day (the 50-day rule), when one applies. */
  readonly legalDeadlineDays?: number;
  readonly legalBasis?: BilingualText;
  readonly fee: BilingualText;
  readonly requiredDocuments: readonly (BilingualText & { readonly optional?: boolean })[];
  /** Where a citizen can apply besides the portal. */
  readonly channels?: readonly ('portal' | 'kep' | 'mykeplive' | 'gov-gr' | 'counter')[];
}

/** The JSON Schema of a `<process-id>.service.json` file. */
export const serviceDefinitionSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://polis.example/schemas/service-definition.json',
  title: 'Polis e-service definition',
  type: 'object',
  additionalProperties: false,
  required: [
    'processId',
    'category',
    'title',
    'description',
    'ownerUnit',
    'startFormId',
    'expectedDuration',
    'fee',
    'requiredDocuments',
  ],
  properties: {
    $schema: { type: 'string' },
    processId: kebab,
    category: { enum: ['certificates', 'permits', 'requests', 'payments', 'social'] },
    title: bilingual,
    description: bilingual,
    ownerUnit: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9]*(\\.[A-Z0-9]+)*$',
      description: 'An org unit code, e.g. DD.DHM',
    },
    startFormId: kebab,
    messageForms: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['messageName', 'formId'],
        properties: { messageName: kebab, formId: kebab },
      },
    },
    milestones: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['elementId', 'status'],
        properties: {
          elementId: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
          status: { enum: APPLICATION_STATUSES },
          label: bilingual,
        },
      },
    },
    expectedDuration: {
      type: 'object',
      additionalProperties: false,
      required: ['workingDays'],
      properties: {
        workingDays,
        byVariable: {
          type: 'object',
          additionalProperties: false,
          required: ['variable', 'workingDays'],
          properties: {
            variable: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
            workingDays: { type: 'object', additionalProperties: workingDays },
          },
        },
      },
    },
    legalDeadlineDays: { type: 'integer', minimum: 1 },
    legalBasis: bilingual,
    fee: bilingual,
    requiredDocuments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['el', 'en'],
        properties: { el: text, en: text, optional: { type: 'boolean' } },
      },
    },
    channels: {
      type: 'array',
      uniqueItems: true,
      items: { enum: ['portal', 'kep', 'mykeplive', 'gov-gr', 'counter'] },
    },
  },
} as const;
