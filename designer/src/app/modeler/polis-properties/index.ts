import { PolisPropertiesProvider } from './PolisPropertiesProvider';

/** The bpmn-js module of the Polis panel entries (give the catalog as the modeler's `polis` config). */
export default {
  __init__: ['polisPropertiesProvider'],
  polisPropertiesProvider: ['type', PolisPropertiesProvider],
};
