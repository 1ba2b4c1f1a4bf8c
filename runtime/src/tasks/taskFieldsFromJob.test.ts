import { describe, expect, it } from 'vitest';
import { taskFieldsFromJob } from './taskFieldsFromJob.js';

const job = (headers: Record<string, string>, variables: Record<string, unknown> = {}) => ({
  customHeaders: headers,
  variables,
});

describe('taskFieldsFromJob', () => {
  it('should take a due date given as a day to expire at the end of office hours in Athens that day', () => {
    // given user tasks due on a winter day and on a summer day, as working-day deadlines give them
    const winter = taskFieldsFromJob(job({ 'io.camunda.zeebe:dueDate': '2026-12-03' }));
    const summer = taskFieldsFromJob(job({ 'io.camunda.zeebe:dueDate': '2026-07-15' }));
    // then each is due at 15:00 Athens time that day, not at midnight UTC before it
    expect(winter.dueDate?.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(summer.dueDate?.toISOString()).toBe('2026-07-15T12:00:00.000Z');
  });

  it('should keep a due date-time as given, and ignore one that is not a date', () => {
    // given a model that gives a full date-time, and one whose expression gave a malformed day
    const exact = taskFieldsFromJob(job({ 'io.camunda.zeebe:dueDate': '2026-12-03T09:30:00+02:00' }));
    const malformed = taskFieldsFromJob(job({ 'io.camunda.zeebe:dueDate': '2026-13-45' }));
    // then the first is kept to the minute and the second leaves the task without a due date
    expect(exact.dueDate?.toISOString()).toBe('2026-12-03T07:30:00.000Z');
    expect(malformed.dueDate).toBeNull();
  });

  it('should read candidate groups as JSON or comma-separated, and the form without the Camunda prefix', () => {
    // given headers as the engine writes them and as an older model wrote them
    const fields = taskFieldsFromJob(
      job({
        'io.camunda.zeebe:candidateGroups': '["DD.DHM","DT.OD"]',
        'io.camunda.zeebe:candidateUsers': 'k.petrou, s.marinos',
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:residence-certificate-check',
      }),
    );
    // then the task names both units, both users and the form by its id
    expect(fields.candidateGroups).toEqual(['DD.DHM', 'DT.OD']);
    expect(fields.candidateUsers).toEqual(['k.petrou', 's.marinos']);
    expect(fields.formId).toBe('residence-certificate-check');
  });

  it('should name the citizen from the form: first and last name, else a full or contact name', () => {
    // given a residence certificate's names, and a complaint that asks only for a contact name
    const certificate = taskFieldsFromJob(job({}, { firstName: 'Ελένη', lastName: 'Παπαδάκη' }));
    const complaint = taskFieldsFromJob(job({}, { contactName: 'Χρήστος Σωτηρίου' }));
    const anonymous = taskFieldsFromJob(job({}, { description: 'Λακκούβα' }));
    // then the inbox shows each by name, and none where the form gives no name
    expect([certificate.citizenName, complaint.citizenName, anonymous.citizenName]).toEqual([
      'Ελένη Παπαδάκη',
      'Χρήστος Σωτηρίου',
      null,
    ]);
  });
});
