import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStore, StagedContent } from './AttachmentStore.js';
import { SIGNATURE_BYTES } from './detectMediaType.js';

class TooLarge extends Error {}

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
  const staging = join(dir, 'tmp');
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async receive(content: Readable, maxBytes: number) {
      await mkdir(staging, { recursive: true });
      const temp = join(staging, `${Date.now()}-${randomBytes(8).toString('hex')}`);
      const hash = createHash('sha256');
      let size = 0;
      const heads: Buffer[] = [];
      let headBytes = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new TooLarge());
          hash.update(chunk);
          if (headBytes < SIGNATURE_BYTES) {
            heads.push(chunk);
            headBytes += chunk.length;
          }
          done(null, chunk);
        },
      });
      const file = createWriteStream(temp, { flags: 'wx' });
      try {
        // The source is piped, not part of the pipeline: when it is too large, the rest of it is drained, not
        // destroyed, so that an HTTP request still gets its answer.
        content.on('error', (error) => meter.destroy(error));
        content.pipe(meter);
        await pipeline(meter, file);
        // Flush before the rename: after a crash, a file under its digest is the whole content.
        const handle = await open(temp, 'r+');
        await handle.sync().finally(() => handle.close());
      } catch (error) {
        content.unpipe(meter);
        content.resume();
        await rm(temp, { force: true });
        if (error instanceof TooLarge) return 'too_large';
        throw error;
      }
      const sha256 = hash.digest('hex');
      const staged: StagedContent = {
        sha256,
        size,
        head: Buffer.concat(heads).subarray(0, SIGNATURE_BYTES),
        async commit() {
          const target = pathOf(sha256);
          if (await exists(target)) return rm(temp, { force: true });
          await mkdir(join(dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
          await rename(temp, target);
        },
        discard: () => rm(temp, { force: true }),
      };
      return staged;
    },
    open(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Expected a SHA-256 digest, but got ${sha256}`);
      return createReadStream(pathOf(sha256));
    },
  };
}
