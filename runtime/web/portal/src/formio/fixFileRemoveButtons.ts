// Shared by the Polis apps (runtime/web/shared/formio).
export { fixFileRemoveButtons } from '../../../shared/formio/fixFileRemoveButtons';
