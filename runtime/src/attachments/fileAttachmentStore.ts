import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentStore, StagedContent } from './AttachmentStore.js';
import { stageContent } from './stageContent.js';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Attachments on the local disk, content-addressed: `<dir>/ab/cd/<sha256>`. Content is written to
 * `<dir>/tmp`, flushed to disk, then renamed into place, so a crash never leaves a half-written file under a
 * digest; content already present is not written again.
 */
export function fileAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async receive(content: Readable, maxBytes: number) {
      const file = await stageContent(join(dir, 'tmp'), content, maxBytes);
      if (file === 'too_large') return file;
      const staged: StagedContent = {
        sha256: file.sha256,
        size: file.size,
        head: file.head,
        async commit() {
          const target = pathOf(file.sha256);
          if (await exists(target)) return rm(file.path, { force: true });
          await mkdir(join(dir, file.sha256.slice(0, 2), file.sha256.slice(2, 4)), { recursive: true });
          await rename(file.path, target);
        },
        discard: () => rm(file.path, { force: true }),
      };
      return staged;
    },
    open(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Expected a SHA-256 digest, but got ${sha256}`);
      return createReadStream(pathOf(sha256));
    },
  };
}
