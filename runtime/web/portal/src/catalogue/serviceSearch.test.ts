import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import { groupByCategory, longestDuration, searchServices, shortDescription } from './serviceSearch';

function service(processId: string, category: Service['category'], titleEl: string, titleEn: string): Service {
  return {
    processId,
    category,
    title: { el: titleEl, en: titleEn },
    description: { el: `Περιγραφή ${titleEl}. Δεύτερη πρόταση.`, en: `About ${titleEn}. Second sentence.` },
    startFormId: `${processId}-application`,
    expectedDuration: { workingDays: 5 },
    fee: { el: 'Χωρίς τέλος', en: 'Free of charge' },
    requiredDocuments: [],
  };
}

const services = [
  service('public-space-permit', 'permits', 'Άδεια χρήσης κοινόχρηστου χώρου', 'Permit to use public space'),
  service('residence-certificate', 'certificates', 'Βεβαίωση μόνιμης κατοικίας', 'Certificate of permanent residence'),
  service('citizen-request', 'requests', 'Αίτημα πολίτη', 'Citizen request'),
];

describe('the catalogue search', () => {
  it('should find a service by words typed without accents, in either language', () => {
    expect(searchServices(services, 'βεβαιωση  ΚΑΤΟΙΚΙΑΣ').map((s) => s.processId)).toEqual(['residence-certificate']);
    expect(searchServices(services, 'public space').map((s) => s.processId)).toEqual(['public-space-permit']);
    expect(searchServices(services, 'χώρος')).toHaveLength(0);
    expect(searchServices(services, '')).toHaveLength(3);
  });

  it('should group services by category in the catalogue order', () => {
    expect(groupByCategory(services, 'el').map((g) => g.category)).toEqual(['certificates', 'permits', 'requests']);
  });

  it('should shorten a description to its first sentence', () => {
    expect(shortDescription('Πρώτη πρόταση. Δεύτερη.')).toBe('Πρώτη πρόταση.');
    expect(shortDescription('Χωρίς τελεία')).toBe('Χωρίς τελεία');
  });

  it('should give the longest duration when it depends on the request', () => {
    const varying = {
      ...services[2]!,
      expectedDuration: { workingDays: 5, byVariable: { variable: 'category', workingDays: { a: 2, b: 15 } } },
    };
    expect(longestDuration(varying)).toEqual({ days: 15, varies: true });
    expect(longestDuration(services[0]!)).toEqual({ days: 5, varies: false });
  });
});
