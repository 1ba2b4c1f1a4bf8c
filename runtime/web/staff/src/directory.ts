import { reactive } from 'vue';
import { api } from './session';
import type { OrgUnitNode, UserSummary } from './api/types';
import { findUnit } from './orgchart/unitTree';
import { localName } from './i18n';

/** The org chart and the staff, loaded once and refreshed after a change: for names and pickers. */
export const directory = reactive<{ units: OrgUnitNode[]; staff: UserSummary[]; unitsLoaded: boolean }>({
  units: [],
  staff: [],
  unitsLoaded: false,
});

/** Reloads the unit tree. */
export async function loadUnits(): Promise<void> {
  directory.units = await api.units();
  directory.unitsLoaded = true;
}

/** Reloads every member of staff, page by page. */
export async function loadStaff(): Promise<void> {
  const pageSize = 200;
  const all: UserSummary[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await api.users({ kind: 'staff', limit: pageSize, offset });
    all.push(...page.users);
    if (page.users.length < pageSize || all.length >= page.total) break;
  }
  directory.staff = all.sort((a, b) => a.displayNameEl.localeCompare(b.displayNameEl, 'el'));
}

/** The name of a unit in the current language, or its id when it is not (yet) known. */
export function unitName(id: string | null | undefined): string {
  const unit = findUnit(directory.units, id);
  return unit ? localName(unit) : (id ?? '');
}

/** The name of a user in the current language, or their id when they are not (yet) known. */
export function userName(id: string | null | undefined): string {
  const user = directory.staff.find((u) => u.id === id);
  return user ? localName(user) : (id ?? '');
}
