import type { OrgUnitNode } from '../api/types';

/** A unit as the tree shows it: its depth and place among its siblings (for aria-level/-posinset/-setsize). */
export interface VisibleUnit {
  readonly unit: OrgUnitNode;
  readonly level: number;
  readonly parentId: string | null;
  readonly posInSet: number;
  readonly setSize: number;
  readonly hasChildren: boolean;
}

/** The units a user sees, in order: every root, and the children of every expanded unit. */
export function visibleUnits(roots: readonly OrgUnitNode[], expanded: ReadonlySet<string>): VisibleUnit[] {
  const out: VisibleUnit[] = [];
  const walk = (nodes: readonly OrgUnitNode[], level: number, parentId: string | null) => {
    nodes.forEach((unit, i) => {
      out.push({
        unit,
        level,
        parentId,
        posInSet: i + 1,
        setSize: nodes.length,
        hasChildren: unit.children.length > 0,
      });
      if (unit.children.length > 0 && expanded.has(unit.id)) walk(unit.children, level + 1, unit.id);
    });
  };
  walk(roots, 1, null);
  return out;
}

/** Every unit with its depth, in tree order: for pickers such as "move under". */
export function flattenUnits(roots: readonly OrgUnitNode[]): { unit: OrgUnitNode; depth: number }[] {
  const out: { unit: OrgUnitNode; depth: number }[] = [];
  const walk = (nodes: readonly OrgUnitNode[], depth: number) =>
    nodes.forEach((unit) => {
      out.push({ unit, depth });
      walk(unit.children, depth + 1);
    });
  walk(roots, 0);
  return out;
}

/** The unit with an id, anywhere in the tree. */
export function findUnit(roots: readonly OrgUnitNode[], id: string | null | undefined): OrgUnitNode | undefined {
  if (!id) return undefined;
  for (const unit of roots) {
    if (unit.id === id) return unit;
    const found = findUnit(unit.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The ids of a unit's ancestors, from the root down (not the unit itself); empty when it is not found. */
export function ancestorIds(roots: readonly OrgUnitNode[], id: string): string[] {
  const path: string[] = [];
  const walk = (nodes: readonly OrgUnitNode[]): boolean =>
    nodes.some((unit) => {
      if (unit.id === id) return true;
      path.push(unit.id);
      if (walk(unit.children)) return true;
      path.pop();
      return false;
    });
  return walk(roots) ? path : [];
}

/** The ids of a unit and of everything below it: the units it cannot be moved under. */
export function subtreeIds(unit: OrgUnitNode): Set<string> {
  const ids = new Set<string>([unit.id]);
  for (const child of unit.children) for (const id of subtreeIds(child)) ids.add(id);
  return ids;
}

/** Lower-cases and strips accents, so that "διευθυνση" finds "Διεύθυνση" and "tmima" does not need tonos. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('el').replace(/ς/g, 'σ');
}

/** Whether a unit matches a search: its code or either name contains every word of the query. */
export function unitMatches(unit: OrgUnitNode, query: string): boolean {
  const haystack = foldForSearch(`${unit.code} ${unit.nameEl} ${unit.nameEn}`);
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The tree cut down to the units matching a query and their ancestors (so each match keeps its place), with
 * the ancestors to expand so that every match is visible. An empty query leaves the tree as it is. The unit
 * `keepId` (the chosen one, e.g. just created) stays in view too, without counting as a match.
 */
export function filterUnits(
  roots: readonly OrgUnitNode[],
  query: string,
  keepId?: string,
): { roots: OrgUnitNode[]; expand: Set<string>; matches: number } {
  const expand = new Set<string>();
  let matches = 0;
  if (query.trim() === '') return { roots: [...roots], expand, matches: -1 };
  const walk = (nodes: readonly OrgUnitNode[]): OrgUnitNode[] =>
    nodes.flatMap((unit) => {
      const children = walk(unit.children);
      const self = unitMatches(unit, query);
      if (self) matches++;
      if (children.length > 0) expand.add(unit.id);
      return self || unit.id === keepId || children.length > 0 ? [{ ...unit, children }] : [];
    });
  return { roots: walk(roots), expand, matches };
}
