import { describe, expect, it } from 'vitest';
import type { OrgUnitNode, UnitKind } from '../api/types';
import { ancestorIds, filterUnits, flattenUnits, subtreeIds, visibleUnits } from './unitTree';
import { treeKeyAction } from './treeKeyboard';

const unit = (
  id: string,
  nameEl: string,
  kind: UnitKind,
  children: OrgUnitNode[] = [],
  parentId: string | null = null,
) =>
  ({
    id,
    code: id.toUpperCase(),
    nameEl,
    nameEn: `${id} en`,
    kind,
    parentId,
    headUserId: null,
    children,
  }) as OrgUnitNode;

// Δήμος → { Διεύθυνση Διοικητικών → { Τμήμα Πρωτοκόλλου, Τμήμα Δημοτολογίου }, Γραφείο Δημάρχου }
const tree = [
  unit('dam', 'Δήμος Αμαρουσίου', 'municipality', [
    unit(
      'dd',
      'Διεύθυνση Διοικητικών Υπηρεσιών',
      'directorate',
      [
        unit('prot', 'Τμήμα Πρωτοκόλλου', 'department', [], 'dd'),
        unit('dhm', 'Τμήμα Δημοτολογίου', 'department', [], 'dd'),
      ],
      'dam',
    ),
    unit('may', 'Γραφείο Δημάρχου', 'office', [], 'dam'),
  ]),
];
const label = (v: { unit: OrgUnitNode }) => v.unit.nameEl;

describe('the unit tree', () => {
  it('should show only the children of expanded units, with their level and place among siblings', () => {
    const visible = visibleUnits(tree, new Set(['dam']));
    expect(visible.map((v) => [v.unit.id, v.level, v.posInSet, v.setSize])).toEqual([
      ['dam', 1, 1, 1],
      ['dd', 2, 1, 2],
      ['may', 2, 2, 2],
    ]);
  });

  it('should move through the tree with the arrow keys as the WAI-ARIA tree pattern says', () => {
    const expanded = new Set(['dam']);
    const visible = visibleUnits(tree, expanded);
    const press = (key: string, focused: string) => treeKeyAction(key, focused, visible, expanded, label);
    expect(press('ArrowDown', 'dam')).toEqual({ type: 'focus', id: 'dd' });
    expect(press('ArrowUp', 'dd')).toEqual({ type: 'focus', id: 'dam' });
    expect(press('ArrowDown', 'may')).toEqual({ type: 'none' });
    // → on a closed unit opens it; on an open one enters its first child; on a leaf does nothing
    expect(press('ArrowRight', 'dd')).toEqual({ type: 'expand', id: 'dd' });
    expect(press('ArrowRight', 'dam')).toEqual({ type: 'focus', id: 'dd' });
    expect(press('ArrowRight', 'may')).toEqual({ type: 'none' });
    // ← on an open unit closes it; on a closed or leaf unit goes to the parent
    expect(press('ArrowLeft', 'dam')).toEqual({ type: 'collapse', id: 'dam' });
    expect(press('ArrowLeft', 'may')).toEqual({ type: 'focus', id: 'dam' });
    expect(press('End', 'dam')).toEqual({ type: 'focus', id: 'may' });
    expect(press('Home', 'may')).toEqual({ type: 'focus', id: 'dam' });
    expect(press('Enter', 'dd')).toEqual({ type: 'select', id: 'dd' });
    expect(press(' ', 'dd')).toEqual({ type: 'select', id: 'dd' });
    expect(press('*', 'may')).toEqual({ type: 'expandSiblings', ids: ['dd'] });
  });

  it('should jump to the next unit whose name starts with a typed letter, accents ignored', () => {
    const expanded = new Set(['dam', 'dd']);
    const visible = visibleUnits(tree, expanded);
    expect(treeKeyAction('τ', 'dam', visible, expanded, label)).toEqual({ type: 'focus', id: 'prot' });
    expect(treeKeyAction('τ', 'prot', visible, expanded, label)).toEqual({ type: 'focus', id: 'dhm' });
    expect(treeKeyAction('γ', 'dhm', visible, expanded, label)).toEqual({ type: 'focus', id: 'may' });
    expect(treeKeyAction('x', 'dhm', visible, expanded, label)).toEqual({ type: 'none' });
  });

  it('should filter to the matching units and their ancestors, ignoring accents and case', () => {
    const { roots, expand, matches } = filterUnits(tree, 'πρωτοκολλου');
    expect(matches).toBe(1);
    expect(flattenUnits(roots).map((f) => f.unit.id)).toEqual(['dam', 'dd', 'prot']);
    expect([...expand].sort()).toEqual(['dam', 'dd']);
    expect(filterUnits(tree, 'MAY').matches).toBe(1);
    expect(filterUnits(tree, 'κανένα').roots).toEqual([]);
    expect(filterUnits(tree, '  ').roots).toHaveLength(1);
    // the chosen unit stays in view while searching, without counting as found
    const kept = filterUnits(tree, 'πρωτοκολλου', 'may');
    expect(flattenUnits(kept.roots).map((f) => f.unit.id)).toEqual(['dam', 'dd', 'prot', 'may']);
    expect(kept.matches).toBe(1);
  });

  it('should know the ancestors of a unit and the units it cannot be moved under', () => {
    expect(ancestorIds(tree, 'dhm')).toEqual(['dam', 'dd']);
    expect(ancestorIds(tree, 'nowhere')).toEqual([]);
    expect([...subtreeIds(tree[0]!.children[0]!)].sort()).toEqual(['dd', 'dhm', 'prot']);
  });
});
