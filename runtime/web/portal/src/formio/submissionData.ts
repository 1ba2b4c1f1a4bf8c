// Shared by the Polis apps (runtime/web/shared/formio).
export { formioPath, submissionData } from '../../../shared/formio/submissionData';
