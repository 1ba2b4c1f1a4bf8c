import { foldForSearch, type VisibleUnit } from './unitTree';

/** What a key press in the tree asks for; the component applies it (focus moves, expansion, selection). */
export type TreeAction =
  | { readonly type: 'focus'; readonly id: string }
  | { readonly type: 'expand'; readonly id: string }
  | { readonly type: 'collapse'; readonly id: string }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'expandSiblings'; readonly ids: readonly string[] }
  | { readonly type: 'none' };

const NONE: TreeAction = { type: 'none' };

/**
 * The WAI-ARIA tree view keyboard pattern over the visible units: ↑/↓ move, → expands or enters, ← collapses
 * or goes to the parent, Home/End jump, Enter/Space select, `*` expands the siblings, and a printable character
 * moves to the next unit whose name (in the shown language) or code starts with it.
 */
export function treeKeyAction(
  key: string,
  focusedId: string | undefined,
  visible: readonly VisibleUnit[],
  expanded: ReadonlySet<string>,
  labelOf: (item: VisibleUnit) => string,
): TreeAction {
  if (visible.length === 0) return NONE;
  const index = Math.max(
    0,
    visible.findIndex((v) => v.unit.id === focusedId),
  );
  const current = visible[index]!;
  const at = (i: number): TreeAction => {
    const target = visible[i];
    return target ? { type: 'focus', id: target.unit.id } : NONE;
  };
  switch (key) {
    case 'ArrowDown':
      return at(index + 1);
    case 'ArrowUp':
      return at(index - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(visible.length - 1);
    case 'ArrowRight':
      if (!current.hasChildren) return NONE;
      if (!expanded.has(current.unit.id)) return { type: 'expand', id: current.unit.id };
      return at(index + 1);
    case 'ArrowLeft':
      if (current.hasChildren && expanded.has(current.unit.id)) return { type: 'collapse', id: current.unit.id };
      return current.parentId ? { type: 'focus', id: current.parentId } : NONE;
    case 'Enter':
    case ' ':
      return { type: 'select', id: current.unit.id };
    case '*':
      return {
        type: 'expandSiblings',
        ids: visible.filter((v) => v.parentId === current.parentId && v.hasChildren).map((v) => v.unit.id),
      };
    default:
      return typeAhead(key, index, visible, labelOf);
  }
}

function typeAhead(
  key: string,
  index: number,
  visible: readonly VisibleUnit[],
  labelOf: (item: VisibleUnit) => string,
): TreeAction {
  if ([...key].length !== 1 || key === ' ') return NONE;
  const wanted = foldForSearch(key);
  for (let step = 1; step <= visible.length; step++) {
    const candidate = visible[(index + step) % visible.length]!;
    const starts = [labelOf(candidate), candidate.unit.code].some((text) => foldForSearch(text).startsWith(wanted));
    if (starts) return { type: 'focus', id: candidate.unit.id };
  }
  return NONE;
}
