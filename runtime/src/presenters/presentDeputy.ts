import type { JsonSchema } from '../http/ApiRoute.js';
import type { Deputy } from '../orgchart/Deputy.js';

/** A deputy arrangement as the API shows it. */
export const presentDeputy = (deputy: Deputy) => ({
  id: deputy.id,
  absentUserId: deputy.absentUserId,
  deputyUserId: deputy.deputyUserId,
  fromDate: deputy.fromDate,
  toDate: deputy.toDate,
  reason: deputy.reason,
});

const isoDate = { type: 'string', format: 'date', description: 'ISO date yyyy-mm-dd, inclusive.' } as const;

/** The JSON Schema of {@link presentDeputy}'s output. */
export const deputySchema: JsonSchema = {
  type: 'object',
  required: ['id', 'absentUserId', 'deputyUserId', 'fromDate', 'toDate', 'reason'],
  properties: {
    id: { type: 'string', pattern: '^[1-9][0-9]*$' },
    absentUserId: { type: 'string', format: 'uuid' },
    deputyUserId: { type: 'string', format: 'uuid' },
    fromDate: isoDate,
    toDate: isoDate,
    reason: { type: 'string' },
  },
};
