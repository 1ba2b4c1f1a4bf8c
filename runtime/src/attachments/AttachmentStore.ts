import type { Readable } from 'node:stream';

/** Content received into the store's staging area, not yet in place. */
export interface StagedContent {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes, for checking the type. */
  readonly head: Buffer;
  /** Puts the content in place under its digest (once: identical content is stored once). */
  commit(): Promise<void>;
  /** Deletes the staged copy. */
  discard(): Promise<void>;
}

/**
 * Where attachment bytes live, addressed by their SHA-256: the local disk by default (fileAttachmentStore);
 * an S3-compatible bucket is another implementation of the same interface.
 */
export interface AttachmentStore {
  /**
   * Reads a stream into staging while hashing it; gives up (and deletes what it read) as soon as it passes
   * maxBytes, answering 'too_large'.
   */
  receive(content: Readable, maxBytes: number): Promise<StagedContent | 'too_large'>;
  /** The stored content. @throws Error (ENOENT) through the stream when it is not there. */
  open(sha256: string): Readable;
}
