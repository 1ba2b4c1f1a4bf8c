import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { fileAttachmentStore } from './fileAttachmentStore.js';

const PDF = Buffer.from('%PDF-1.7\nΒεβαίωση μόνιμης κατοικίας\n%%EOF\n');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
/** Every file under a directory, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('fileAttachmentStore', () => {
  it('should store content under its digest once, and read it back', async () => {
    // given an empty store
    const dir = mkdtempSync(join(tmpdir(), 'polis-attachments-'));
    const store = fileAttachmentStore(dir);
    // when the same content is received and committed twice, in chunks
    for (let i = 0; i < 2; i++) {
      const staged = await store.receive(Readable.from([PDF.subarray(0, 3), PDF.subarray(3)]), 1024);
      if (staged === 'too_large') throw new Error('unexpected');
      expect(staged).toMatchObject({ sha256: sha256(PDF), size: PDF.length });
      expect(staged.head.subarray(0, 5).toString()).toBe('%PDF-');
      await staged.commit();
    }
    // then it is stored once, content-addressed, with nothing left in staging
    const digest = sha256(PDF);
    expect(filesUnder(dir)).toEqual([join(digest.slice(0, 2), digest.slice(2, 4), digest)]);
    expect(readFileSync(join(dir, digest.slice(0, 2), digest.slice(2, 4), digest))).toEqual(PDF);
    expect(await text(store.open(digest))).toBe(PDF.toString());
  });

  it('should leave no file behind when the content is too large, the upload breaks off or it is discarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-attachments-'));
    const store = fileAttachmentStore(dir);
    // when a stream passes the limit
    expect(await store.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).toBe('too_large');
    // and a stream fails half-way (the client went away)
    const broken = new Readable({
      read() {
        this.push(PDF);
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.receive(broken, 1024)).rejects.toThrow('connection reset');
    // and staged content is discarded
    const staged = await store.receive(Readable.from([PDF]), 1024);
    if (staged !== 'too_large') await staged.discard();
    // then there is no file, whole or half, anywhere in the store
    expect(filesUnder(dir)).toEqual([]);
  });
});
