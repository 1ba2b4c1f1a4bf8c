import { describe, expect, it } from 'vitest';
import { taskActions, type Viewer } from './taskActions';

const petrou = { userId: 'u-petrou', username: 'k.petrou', displayNameEl: 'Κ. Πέτρου', displayNameEn: 'K. Petrou' };
const clerk: Viewer = { userId: 'u-me', actingFor: [], mayAssign: false };
const deputy: Viewer = { userId: 'u-me', actingFor: ['u-petrou'], mayAssign: false };
const head: Viewer = { userId: 'u-head', actingFor: [], mayAssign: true };

describe('the actions a task offers', () => {
  it('should let a clerk take an open task, and work on it only once it is theirs', () => {
    expect(taskActions({ status: 'open', assignee: null }, clerk)).toEqual({
      claim: true,
      unclaim: false,
      assign: false,
      work: false,
    });
    const mine = { status: 'claimed' as const, assignee: { ...petrou, userId: 'u-me' } };
    expect(taskActions(mine, clerk)).toMatchObject({ claim: false, unclaim: true, work: true });
  });

  it('should let a deputy work on an absent colleague’s task on their behalf, and nobody else', () => {
    const theirs = { status: 'claimed' as const, assignee: petrou };
    expect(taskActions(theirs, deputy)).toMatchObject({ work: true, unclaim: true, onBehalfOf: 'u-petrou' });
    expect(taskActions(theirs, clerk)).toMatchObject({ work: false, unclaim: false, claim: false });
  });

  it('should offer assigning to heads of unit while the task is active, and nothing once it is completed', () => {
    expect(taskActions({ status: 'claimed', assignee: petrou }, head)).toMatchObject({ assign: true, work: false });
    expect(taskActions({ status: 'completed', assignee: petrou }, head)).toEqual({
      claim: false,
      unclaim: false,
      assign: false,
      work: false,
    });
  });
});
