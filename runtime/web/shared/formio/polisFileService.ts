import type { UploadedAttachment } from './formTypes';
import { POLIS_STORAGE } from './localiseForm';

/** What Form.io's file field keeps for a file uploaded to Polis; the submission keeps id, name, size and type. */
export interface PolisFileInfo {
  readonly storage: typeof POLIS_STORAGE;
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly url: string;
}

/**
 * The file service Form.io's file fields use in a Polis app (its `fileService` option): a chosen file is uploaded
 * at once (`upload`, e.g. to POST /api/v1/attachments); a failure is shown beside the file as `errorText` words it.
 */
export function polisFileService(
  upload: (file: File) => Promise<UploadedAttachment>,
  errorText: (error: unknown) => string,
) {
  return {
    async uploadFile(
      _storage: string,
      file: File,
      _fileName: string,
      _dir: string,
      _progress: unknown,
      _url: string,
      _options: unknown,
      _fileKey: string,
      _groupPermissions: unknown,
      _groupId: unknown,
      uploadStartCallback?: () => void,
    ): Promise<PolisFileInfo> {
      // Form.io's callback reads the promise this call returns: it may only run once that promise exists.
      await Promise.resolve();
      uploadStartCallback?.();
      try {
        const uploaded = await upload(file);
        return {
          storage: POLIS_STORAGE,
          id: uploaded.attachmentId,
          name: uploaded.originalName,
          size: uploaded.size,
          type: uploaded.mediaType,
          url: `/api/v1/attachments/${uploaded.attachmentId}`,
        };
      } catch (error) {
        // Form.io shows a thrown string as the file's message.
        throw errorText(error);
      }
    },
    async downloadFile(file: PolisFileInfo): Promise<PolisFileInfo> {
      return file;
    },
    // An attachment removed before submission is never part of an application; the server keeps it unreferenced.
    async deleteFile(): Promise<void> {},
  };
}
