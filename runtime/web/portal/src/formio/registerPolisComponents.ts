import { registerPolisComponents as registerShared } from '../../../shared/formio/registerPolisComponents';
import { t } from '../i18n';

export { isPolisField } from '../../../shared/formio/registerPolisComponents';

/** Prepares Form.io's renderer for the portal, once: the shared Polis fields, with the portal's messages. */
export function registerPolisComponents(): void {
  registerShared((key) => t(key));
}
