import { SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { PolisCatalog } from './PolisCatalog';
import { setZeebeExtension, zeebeAttribute, type DiagramElement } from './zeebeExtension';

/** The form of a user task or start event, picked from the form library (zeebe:formDefinition formId). */
export function FormEntry(props: { id: string; element: DiagramElement; catalog: PolisCatalog }) {
  const { id, element, catalog } = props;
  const modeling = useService<Parameters<typeof setZeebeExtension>[0]['modeling']>('modeling');
  const bpmnFactory = useService<Parameters<typeof setZeebeExtension>[0]['bpmnFactory']>('bpmnFactory');
  const getValue = () => zeebeAttribute(element, 'zeebe:FormDefinition', 'formId');
  const setValue = (value: string) =>
    setZeebeExtension(
      { modeling, bpmnFactory },
      element,
      'zeebe:FormDefinition',
      value ? { formId: value } : undefined,
    );
  const getOptions = () => {
    const current = getValue();
    const options = [
      { value: '', label: catalog.t('polis.form.none') },
      ...catalog.forms.map((form) => ({ value: form.formId, label: `${catalog.formTitle(form)} · ${form.formId}` })),
    ];
    if (current && !catalog.forms.some((f) => f.formId === current))
      options.push({ value: current, label: catalog.t('polis.form.other', { value: current }) });
    return options;
  };
  return h(SelectEntry as never, {
    id,
    element,
    label: catalog.t('polis.form'),
    description: catalog.t('polis.form.description'),
    getValue,
    setValue,
    getOptions,
  });
}
