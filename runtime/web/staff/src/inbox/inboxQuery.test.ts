import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, dueBeforeOf, fromQuery, toRouteQuery, toSavedQuery, toTaskQuery } from './inboxQuery';

// A Wednesday afternoon, local time.
const wednesday = new Date(2026, 10, 25, 15, 30);

describe('the inbox filters', () => {
  it('should ask for my units’ active tasks by due date when nothing is set', () => {
    expect(toTaskQuery(DEFAULT_FILTERS, wednesday)).toEqual({
      filter: 'units',
      status: 'active',
      sort: 'due',
      pageSize: 50,
    });
  });

  it('should send the citizen, protocol number, process and cursor the clerk gave, trimmed', () => {
    const query = toTaskQuery(
      { ...DEFAULT_FILTERS, view: 'mine', citizen: ' Παπαδ ', protocolNumber: 'ΕΙΣ-2026/000001 ', processId: 'x' },
      wednesday,
      'c1',
    );
    expect(query).toMatchObject({
      filter: 'mine',
      citizen: 'Παπαδ',
      protocolNumber: 'ΕΙΣ-2026/000001',
      processId: 'x',
      cursor: 'c1',
    });
  });

  it('should turn the due filter into the instant tasks must be due before', () => {
    expect(dueBeforeOf('overdue', wednesday)).toEqual(wednesday);
    expect(dueBeforeOf('today', wednesday)).toEqual(new Date(2026, 10, 26));
    // the week ends on Sunday night: next Monday's midnight
    expect(dueBeforeOf('week', wednesday)).toEqual(new Date(2026, 10, 30));
    expect(dueBeforeOf('week', new Date(2026, 10, 29, 23))).toEqual(new Date(2026, 10, 30));
    expect(dueBeforeOf('week', new Date(2026, 10, 30, 8))).toEqual(new Date(2026, 11, 7));
    expect(dueBeforeOf('', wednesday)).toBeUndefined();
    expect(toTaskQuery({ ...DEFAULT_FILTERS, due: 'today' }, wednesday).dueBefore).toBe(
      new Date(2026, 10, 26).toISOString(),
    );
    // overdue is left to the server's clock
    expect(toTaskQuery({ ...DEFAULT_FILTERS, due: 'overdue' }, wednesday)).toMatchObject({ overdue: 'true' });
    expect(toTaskQuery({ ...DEFAULT_FILTERS, due: 'overdue' }, wednesday).dueBefore).toBeUndefined();
  });

  it('should save a filter without its relative due date or paging, and apply it back', () => {
    const filters = { ...DEFAULT_FILTERS, view: 'mine' as const, due: 'overdue' as const, sort: 'created' as const };
    const saved = toSavedQuery(filters);
    expect(saved).toEqual({ filter: 'mine', status: 'active', sort: 'created' });
    expect(fromQuery(saved)).toEqual({ ...filters, due: '' });
  });

  it('should keep only what differs from the defaults in the page address, and read it back', () => {
    const filters = { ...DEFAULT_FILTERS, due: 'week' as const, citizen: 'Μαρία' };
    const address = toRouteQuery(filters);
    expect(address).toEqual({ due: 'week', citizen: 'Μαρία' });
    expect(fromQuery(address)).toEqual(filters);
    expect(fromQuery({ view: 'everything', sort: 1 })).toEqual(DEFAULT_FILTERS);
  });
});
