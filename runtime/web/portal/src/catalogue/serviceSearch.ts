import type { Service, ServiceCategory } from '../api/types';

const CATEGORY_ORDER: readonly ServiceCategory[] = ['certificates', 'permits', 'requests', 'payments', 'social'];

/** Text folded for searching: lower case, without accents or diaeresis, final sigma as sigma. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ');
}

/** The services whose title or description (in either language) hold every word of the query. */
export function searchServices(services: readonly Service[], query: string): Service[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((s) => {
    const haystack = fold([s.title.el, s.title.en, s.description.el, s.description.en].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** Services grouped by category, in the catalogue's order of categories, titles sorted in the language shown. */
export function groupByCategory(
  services: readonly Service[],
  language: 'el' | 'en',
): { category: ServiceCategory; services: Service[] }[] {
  const groups = new Map<ServiceCategory, Service[]>();
  for (const service of services) groups.set(service.category, [...(groups.get(service.category) ?? []), service]);
  return [...groups.entries()]
    .sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b))
    .map(([category, list]) => ({
      category,
      services: list.sort((a, b) => a.title[language].localeCompare(b.title[language], language)),
    }));
}

/** The first sentence of a description, for the catalogue's cards. */
export function shortDescription(text: string): string {
  const match = /^(.+?[.;·])(\s|$)/.exec(text);
  return match?.[1] ?? text;
}

/** The longest expected duration of a service in working days (some depend on the request). */
export function longestDuration(service: Service): { days: number; varies: boolean } {
  const byVariable = Object.values(service.expectedDuration.byVariable?.workingDays ?? {});
  const days = Math.max(service.expectedDuration.workingDays, ...byVariable);
  return { days, varies: byVariable.some((d) => d !== service.expectedDuration.workingDays) };
}
