import { isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { FormEntry } from './FormEntry';
import type { PolisCatalog } from './PolisCatalog';
import { UnitEntry } from './UnitEntry';
import type { DiagramElement } from './zeebeExtension';

interface Group {
  readonly id: string;
  readonly label: string;
  readonly entries: readonly object[];
}

interface PropertiesPanel {
  registerProvider(priority: number, provider: PolisPropertiesProvider): void;
}

const isType = (element: DiagramElement, type: string) => element.businessObject.$type === type;

/**
 * Adds the "Polis" group to the properties panel: the form of a user task or (process) start event from the
 * form library, and the unit a user task is assigned to from the org chart.
 */
export class PolisPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.polis'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly catalog: PolisCatalog,
  ) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: DiagramElement): (groups: Group[]) => Group[] {
    return (groups) => {
      const userTask = isType(element, 'bpmn:UserTask');
      const processStart =
        isType(element, 'bpmn:StartEvent') &&
        (element.businessObject.$parent?.$type === 'bpmn:Process' ||
          element.businessObject.$parent?.$type === 'bpmn:Participant');
      if (!userTask && !processStart) return groups;
      const entries: object[] = [
        { id: 'polis-form', element, catalog: this.catalog, component: FormEntry, isEdited: isSelectEntryEdited },
      ];
      if (userTask)
        entries.push({
          id: 'polis-unit',
          element,
          catalog: this.catalog,
          component: UnitEntry,
          isEdited: isSelectEntryEdited,
        });
      // Right after "General", where a person looks first.
      groups.splice(1, 0, { id: 'polis', label: this.catalog.t('polis.group'), entries });
      return groups;
    };
  }
}
