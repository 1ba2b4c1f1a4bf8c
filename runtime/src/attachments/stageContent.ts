import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SIGNATURE_BYTES } from './detectMediaType.js';

/** Content written whole to a staging file and flushed: its digest, size and first bytes (for the type check). */
export interface StagedFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly head: Buffer;
}

class TooLarge extends Error {}

/**
 * Writes content to a new file in the staging folder while measuring it, and flushes it to disk, so that what a
 * store then keeps under the digest is the whole content. More than `maxBytes` → 'too_large', with nothing left
 * behind; the rest of the source is drained, not destroyed, so that an HTTP request still gets its answer.
 */
export async function stageContent(
  stagingDir: string,
  content: Readable,
  maxBytes: number,
): Promise<StagedFile | 'too_large'> {
  await mkdir(stagingDir, { recursive: true });
  const path = join(stagingDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
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
  try {
    // The source is piped, not part of the pipeline: when it is too large, the rest of it is drained.
    content.on('error', (error) => meter.destroy(error));
    content.pipe(meter);
    await pipeline(meter, createWriteStream(path, { flags: 'wx' }));
    const handle = await open(path, 'r+');
    await handle.sync().finally(() => handle.close());
  } catch (error) {
    content.unpipe(meter);
    content.resume();
    await rm(path, { force: true });
    if (error instanceof TooLarge) return 'too_large';
    throw error;
  }
  return { path, sha256: hash.digest('hex'), size, head: Buffer.concat(heads).subarray(0, SIGNATURE_BYTES) };
}
