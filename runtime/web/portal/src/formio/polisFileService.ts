import { polisFileService as sharedFileService } from '../../../shared/formio/polisFileService';
import type { UploadedAttachment } from '../api/types';
import { errorText } from '../components/errorText';

export type { PolisFileInfo } from '../../../shared/formio/polisFileService';

/** The portal's Form.io file service: uploads at once, a failure shown in the citizen's language. */
export function polisFileService(upload: (file: File) => Promise<UploadedAttachment>) {
  return sharedFileService(upload, errorText);
}
