import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStore, StagedContent } from './AttachmentStore.js';
import { stageContent } from './stageContent.js';
import { EMPTY_SHA256, signS3Request, type S3RequestToSign } from './s3AttachmentStoreSigning.js';

/** Where an S3-compatible bucket is and how to reach it (ATTACHMENTS_STORE=s3 and the S3_* variables). */
export interface S3AttachmentStoreConfig {
  /** The service's base URL, e.g. `https://s3.eu-central-1.amazonaws.com` or `http://minio:9000`. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` (MinIO and most S3-compatible servers) instead of `<bucket>.<endpoint host>/<key>`. */
  readonly forcePathStyle: boolean;
}

/** An S3 answer that is not a success, with the code S3 gave in its XML body. */
export class S3RequestError extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string | undefined,
    what: string,
  ) {
    super(`S3 ${what} failed with HTTP ${status}${s3Code ? ` (${s3Code})` : ''}`);
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

const keyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

const enoent = (sha256: string) =>
  Object.assign(new Error(`ENOENT: no attachment content ${sha256} in the bucket`), { code: 'ENOENT' });

async function bodyText(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Attachments in an S3-compatible bucket, content-addressed like the file store (`ab/cd/<sha256>`): content is
 * received into a local staging file while it is hashed and measured, and committed with one PUT signed with its
 * own digest (x-amz-content-sha256), after a HEAD finds it is not there yet. Requests are signed with SigV4
 * (docs/decisions/0009-s3-attachments.md); nothing is listed or deleted in the bucket. `dir` is the local directory
 * whose tmp/ stages uploads (the attachments directory).
 */
export function s3AttachmentStore(config: S3AttachmentStoreConfig, dir: string): AttachmentStore {
  const stagingDir = join(dir, 'tmp');
  const endpoint = new URL(config.endpoint);
  const urlOf = (key: string) => {
    const base = endpoint.pathname.replace(/\/$/, '');
    return config.forcePathStyle
      ? new URL(`${endpoint.protocol}//${endpoint.host}${base}/${config.bucket}/${key}`)
      : new URL(`${endpoint.protocol}//${config.bucket}.${endpoint.host}${base}/${key}`);
  };

  /** Sends a signed request; answers the response, whose body the caller reads or discards. */
  const send = (signed: S3RequestToSign, body?: Readable): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const headers = signS3Request(signed, config);
      const request = (signed.url.protocol === 'https:' ? httpsRequest : httpRequest)(signed.url, {
        method: signed.method,
        headers,
        timeout: REQUEST_TIMEOUT_MS,
      });
      request.once('response', resolve);
      request.once('timeout', () => request.destroy(new Error(`S3 ${signed.method} timed out`)));
      request.once('error', reject);
      if (body) {
        body.once('error', (error) => request.destroy(error));
        body.pipe(request);
      } else request.end();
    });

  const failure = async (response: IncomingMessage, what: string) =>
    new S3RequestError(response.statusCode ?? 0, /<Code>([^<]+)<\/Code>/.exec(await bodyText(response))?.[1], what);

  const exists = async (key: string): Promise<boolean> => {
    const response = await send({ method: 'HEAD', url: urlOf(key), payloadSha256: EMPTY_SHA256 });
    response.resume();
    if (response.statusCode === 200) return true;
    // S3 answers 403 for a missing key to a client without s3:ListBucket; the PUT then says what is wrong, if anything.
    if (response.statusCode === 404 || response.statusCode === 403) return false;
    throw new S3RequestError(response.statusCode ?? 0, undefined, `HEAD ${key}`);
  };

  const upload = async (key: string, file: string, size: number, sha256: string) => {
    const response = await send(
      {
        method: 'PUT',
        url: urlOf(key),
        payloadSha256: sha256,
        headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' },
      },
      createReadStream(file),
    );
    if (response.statusCode !== 200) throw await failure(response, `PUT ${key}`);
    response.resume();
  };

  return {
    async receive(content: Readable, maxBytes: number) {
      const file = await stageContent(stagingDir, content, maxBytes);
      if (file === 'too_large') return file;
      const staged: StagedContent = {
        sha256: file.sha256,
        size: file.size,
        head: file.head,
        async commit() {
          try {
            // Identical content is stored once: a PUT is skipped when the digest is already a key.
            const key = keyOf(file.sha256);
            if (!(await exists(key))) await upload(key, file.path, file.size, file.sha256);
          } finally {
            await rm(file.path, { force: true });
          }
        },
        discard: () => rm(file.path, { force: true }),
      };
      return staged;
    },
    open(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Expected a SHA-256 digest, but got ${sha256}`);
      const out = new PassThrough();
      send({ method: 'GET', url: urlOf(keyOf(sha256)), payloadSha256: EMPTY_SHA256 }).then(
        async (response) => {
          if (response.statusCode === 200) return pipeline(response, out).catch(() => undefined);
          if (response.statusCode === 404) {
            response.resume();
            return out.destroy(enoent(sha256));
          }
          out.destroy(await failure(response, `GET ${keyOf(sha256)}`));
        },
        (error: Error) => out.destroy(error),
      );
      return out;
    },
  };
}
