// Shared by the Polis apps (runtime/web/shared/formio).
export { POLIS_STORAGE, fieldsOf, formTitle, localiseForm } from '../../../shared/formio/localiseForm';
