import { describe, expect, it } from 'vitest';
import { describeDetails } from './describeDetails';

describe('describeDetails', () => {
  it('should show only what changed between before and after', () => {
    const lines = describeDetails({
      before: { id: 'u1', code: 'DD.PROT', nameEl: 'Τμήμα Πρωτοκόλλου', headUserId: null },
      after: { id: 'u1', code: 'DD.PROT', nameEl: 'Τμήμα Πρωτοκόλλου & Αρχείου', headUserId: 'p1' },
    });
    expect(lines).toEqual([
      { key: 'nameEl', before: 'Τμήμα Πρωτοκόλλου', after: 'Τμήμα Πρωτοκόλλου & Αρχείου' },
      { key: 'headUserId', before: '—', after: 'p1' },
    ]);
  });

  it('should list the fields of a creation or of plain details', () => {
    expect(describeDetails({ after: { code: 'X', active: true } })).toEqual([
      { key: 'code', value: 'X' },
      { key: 'active', value: 'true' },
    ]);
    expect(describeDetails({ reason: 'άδεια' })).toEqual([{ key: 'reason', value: 'άδεια' }]);
    expect(describeDetails({})).toEqual([]);
  });
});
