import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FORM, toAuditQuery } from './auditFilter';

describe('the audit filter', () => {
  it('should leave out what the user did not set', () => {
    expect(toAuditQuery({ ...EMPTY_AUDIT_FORM, actionPrefix: ' org_unit. ' })).toEqual({ actionPrefix: 'org_unit.' });
  });

  it('should include the whole of the last day: to is the next midnight, exclusive', () => {
    const query = toAuditQuery({ ...EMPTY_AUDIT_FORM, fromDay: '2025-03-30', toDay: '2025-03-30' });
    expect(new Date(query.from!).getTime()).toBe(new Date(2025, 2, 30).getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date(2025, 2, 31).getTime());
  });
});
