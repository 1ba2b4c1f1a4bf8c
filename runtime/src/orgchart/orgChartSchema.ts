import { ROLES } from './AppUser.js';
import { ORG_UNIT_KINDS } from './OrgUnit.js';

const text = { type: 'string', minLength: 1 } as const;
const nullableText = { type: ['string', 'null'], minLength: 1 } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date yyyy-mm-dd' } as const;

/**
 * The JSON Schema of a whole org chart, the format of import, export and the demo data. Units and users are
 * matched by code and username, so importing the same document twice changes nothing.
 */
export const orgChartSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://polis.example/schemas/org-chart.json',
  title: 'Polis org chart',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'units', 'users'],
  properties: {
    version: { const: 1 },
    units: {
      type: 'array',
      description: 'Org units; a parent may come before or after its children.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'nameEl', 'nameEn', 'kind', 'parent'],
        properties: {
          code: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(\\.[A-Z0-9]+)*$', description: 'e.g. DD.DHM' },
          nameEl: text,
          nameEn: text,
          kind: { enum: ORG_UNIT_KINDS },
          parent: { ...nullableText, description: 'The parent unit code; null for the root.' },
          head: { ...nullableText, description: 'The username of the head of the unit.' },
        },
      },
    },
    users: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'displayNameEl', 'displayNameEn', 'kind'],
        properties: {
          username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
          displayNameEl: text,
          displayNameEn: text,
          email: nullableText,
          kind: { enum: ['staff', 'citizen'] },
          taxId: { type: ['string', 'null'], pattern: '^[0-9]{9}$', description: 'ΑΦΜ with a valid check digit.' },
          active: { type: 'boolean' },
          memberships: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['unit', 'position'],
              properties: { unit: text, position: text, primary: { type: 'boolean' } },
            },
          },
          roles: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['role'],
              properties: {
                role: { enum: ROLES },
                unit: { ...nullableText, description: 'The unit code the role is scoped to; absent: everywhere.' },
              },
            },
          },
        },
      },
    },
    deputies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['absent', 'deputy', 'from', 'to', 'reason'],
        properties: { absent: text, deputy: text, from: isoDate, to: isoDate, reason: text },
      },
    },
  },
} as const;

/** An org chart document, as described by {@link orgChartSchema}. */
export interface OrgChartDocument {
  version: 1;
  units: {
    code: string;
    nameEl: string;
    nameEn: string;
    kind: (typeof ORG_UNIT_KINDS)[number];
    parent: string | null;
    head?: string | null;
  }[];
  users: {
    username: string;
    displayNameEl: string;
    displayNameEn: string;
    email?: string | null;
    kind: 'staff' | 'citizen';
    taxId?: string | null;
    active?: boolean;
    memberships?: { unit: string; position: string; primary?: boolean }[];
    roles?: { role: (typeof ROLES)[number]; unit?: string | null }[];
  }[];
  deputies?: { absent: string; deputy: string; from: string; to: string; reason: string }[];
}
