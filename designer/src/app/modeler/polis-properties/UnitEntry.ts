import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { PolisCatalog } from './PolisCatalog';
import { setZeebeExtension, zeebeAttribute, type DiagramElement } from './zeebeExtension';

/**
 * The unit whose staff handle a user task, picked from the org chart: its code becomes the task's candidate group
 * (zeebe:assignmentDefinition candidateGroups). Several groups or a FEEL expression stay editable in the
 * Zeebe "Assignment" group, and show here as they are.
 */
export function UnitEntry(props: { id: string; element: DiagramElement; catalog: PolisCatalog }) {
  const { id, element, catalog } = props;
  const modeling = useService<Parameters<typeof setZeebeExtension>[0]['modeling']>('modeling');
  const bpmnFactory = useService<Parameters<typeof setZeebeExtension>[0]['bpmnFactory']>('bpmnFactory');
  const getValue = () => zeebeAttribute(element, 'zeebe:AssignmentDefinition', 'candidateGroups').trim();
  const setValue = (value: string) =>
    setZeebeExtension(
      { modeling, bpmnFactory },
      element,
      'zeebe:AssignmentDefinition',
      value ? { candidateGroups: value } : undefined,
    );
  const getOptions = () => {
    const current = getValue();
    const options = [
      { value: '', label: catalog.t('polis.unit.none') },
      ...catalog.units.map((unit) => ({ value: unit.code, label: unit.label })),
    ];
    if (current && !catalog.units.some((u) => u.code === current))
      options.push({ value: current, label: catalog.t('polis.unit.other', { value: current }) });
    return options;
  };
  return h(SelectEntry as never, {
    id,
    element,
    label: catalog.t('polis.unit'),
    description: catalog.t('polis.unit.description'),
    getValue,
    setValue,
    getOptions,
  });
}
