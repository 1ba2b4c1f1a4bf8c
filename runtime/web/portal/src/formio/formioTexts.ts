// Form.io's texts are shared by the Polis apps (runtime/web/shared/formio).
export { FORMIO_ENGLISH, FORMIO_GREEK } from '../../../shared/formio/formioTexts';
