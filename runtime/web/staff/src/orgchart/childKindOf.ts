import type { UnitKind } from '../api/types';

/** The usual kind of a unit created under one of a kind (ΟΕΥ: directorate → department → office). */
export function childKindOf(parent: UnitKind): UnitKind {
  switch (parent) {
    case 'municipality':
    case 'general_directorate':
      return 'directorate';
    case 'directorate':
      return 'department';
    default:
      return 'office';
  }
}
