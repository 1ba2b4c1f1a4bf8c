import type { SubmissionDependencies } from './submitApplication.js';
import type { FormVersionRef, SubmissionValidator } from './SubmissionValidator.js';

const FORM: FormVersionRef = { formId: 'residence-form', version: 3, fileFieldKeys: ['documents'] };
const KNOWN = ['fullName', 'year', 'category', 'documents'];

/**
 * Test support: one e-service (`residence-certificate`, process of the same id, owned by DD.DHM, 5 working
 * days, 2 for a `category` of `urgent`) whose form (`residence-form` v3) requires `fullName` and has a file field `documents`; weekends skipped.
 */
export function testSubmissionDependencies(
  overrides: Partial<SubmissionDependencies> & { processId?: string } = {},
): SubmissionDependencies {
  const validator: SubmissionValidator = {
    async latest(formId) {
      return formId === FORM.formId ? FORM : undefined;
    },
    async validate(_form, data) {
      const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
      if (typeof record.fullName !== 'string' || record.fullName.trim() === '')
        return {
          ok: false,
          errors: [
            {
              field: 'fullName',
              key: 'fullName',
              message: { el: 'Συμπληρώστε το ονοματεπώνυμο.', en: 'Fill in the full name.' },
            },
          ],
        };
      return { ok: true, value: Object.fromEntries(Object.entries(record).filter(([k]) => KNOWN.includes(k))) };
    },
  };
  return {
    catalog: {
      find: (serviceId) =>
        serviceId === 'residence-certificate'
          ? {
              serviceId,
              processId: overrides.processId ?? 'residence-certificate',
              startFormId: FORM.formId,
              expectedWorkingDays: 5,
              workingDaysByValue: { variable: 'category', workingDays: { urgent: 2 } },
              ownerUnitCode: 'DD.DHM',
            }
          : undefined,
    },
    validator,
    addWorkingDays(isoDate, n) {
      const day = new Date(`${isoDate}T12:00:00Z`);
      for (let left = n; left > 0;) {
        day.setUTCDate(day.getUTCDate() + 1);
        if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left--;
      }
      return day.toISOString().slice(0, 10);
    },
    ...overrides,
  };
}
