import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import lintModule from 'bpmn-js-bpmnlint';
import zeebeBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
// The font files, not the embedded one: the runtime's Content-Security-Policy allows fonts from 'self' only.
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import polisProperties from './polis-properties';
import translateModule from './translateModule';
import type { PolisCatalog } from './polis-properties/PolisCatalog';

/**
 * The BPMN modeler of the designer: bpmn-js with the properties panel and Zeebe's properties and behaviours (task
 * definitions, headers, I/O mappings, messages, timers, multi-instance, called processes), the Polis entries
 * (form and unit pickers) and live linting with the given bpmnlint configuration.
 */
export function createModeler(options: {
  canvas: HTMLElement;
  panel: HTMLElement;
  catalog: PolisCatalog;
  linting: object;
}): BpmnModeler {
  return new BpmnModeler({
    container: options.canvas,
    keyboard: { bind: true },
    propertiesPanel: { parent: options.panel },
    linting: { active: true, bpmnlint: options.linting },
    polis: options.catalog,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      zeebeBehaviors,
      lintModule,
      polisProperties,
      translateModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}
