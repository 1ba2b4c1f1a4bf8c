import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3AttachmentStore, type S3AttachmentStoreConfig } from './s3AttachmentStore.js';

/** s3rver 3 (a fake S3 server in Node: buckets and objects on disk, S3's XML answers); it ships no types. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rverClass = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rver;

const PDF = Buffer.from('%PDF-1.7\nΒεβαίωση μόνιμης κατοικίας\n%%EOF\n');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** What the verifying proxy saw: each request with whether its signature and payload digest held. */
interface Seen {
  readonly method: string;
  readonly path: string;
  readonly signatureValid: boolean;
  readonly payloadValid: boolean;
}

/**
 * A strict front for s3rver, which does not check SigV4 itself: every request's signature is computed again with
 * the aws4 package (an independent implementation) from what arrived, and its body's SHA-256 compared with
 * x-amz-content-sha256; a mismatch is refused with 403 SignatureDoesNotMatch, as S3 does, before s3rver sees it.
 */
function verifyingProxy(target: AddressInfo, region: string, seen: Seen[]): Server {
  return createServer((req: IncomingMessage, res) => {
    void (async () => {
      const body = await buffer(req);
      const authorization = req.headers.authorization ?? '';
      const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
      const headers = Object.fromEntries(
        signed.filter((name) => name !== 'host').map((name) => [name, String(req.headers[name] ?? '')]),
      );
      const expected = aws4.sign(
        { host: req.headers.host, method: req.method, path: req.url, service: 's3', region, headers },
        CREDENTIALS,
      ) as { headers: Record<string, string> };
      const signatureValid = expected.headers.Authorization === authorization;
      const payloadValid = req.headers['x-amz-content-sha256'] === createHash('sha256').update(body).digest('hex');
      seen.push({ method: req.method ?? '', path: req.url ?? '', signatureValid, payloadValid });
      if (!signatureValid || !payloadValid) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const forward = request(
        { host: target.address, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(body);
    })();
  });
}

describe('s3AttachmentStore against s3rver, every request’s SigV4 signature verified', () => {
  const seen: Seen[] = [];
  let s3: S3rver;
  let proxy: Server;
  let config: S3AttachmentStoreConfig;

  beforeAll(async () => {
    s3 = new S3rverClass({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: mkdtempSync(join(tmpdir(), 'polis-s3rver-')),
      configureBuckets: [{ name: 'polis-attachments' }],
    });
    const address = await s3.run();
    proxy = verifyingProxy(address, 'eu-central-1', seen);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    config = {
      endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      bucket: 'polis-attachments',
      region: 'eu-central-1',
      ...CREDENTIALS,
      forcePathStyle: true,
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await s3?.close();
  });

  it('should store content under its digest once, read it back, and sign every request validly', async () => {
    // given an empty bucket
    const staging = mkdtempSync(join(tmpdir(), 'polis-s3-staging-'));
    const store = s3AttachmentStore(config, staging);
    seen.length = 0;
    // when the same content is received and committed twice, in chunks
    for (let i = 0; i < 2; i++) {
      const staged = await store.receive(Readable.from([PDF.subarray(0, 3), PDF.subarray(3)]), 1024);
      if (staged === 'too_large') throw new Error('unexpected');
      expect(staged).toMatchObject({ sha256: sha256(PDF), size: PDF.length });
      expect(staged.head.subarray(0, 5).toString()).toBe('%PDF-');
      await staged.commit();
    }
    // then it was put once, under ab/cd/<digest>, and reads back whole; nothing is left in staging
    const digest = sha256(PDF);
    const key = `/polis-attachments/${digest.slice(0, 2)}/${digest.slice(2, 4)}/${digest}`;
    expect(await buffer(store.open(digest))).toEqual(PDF);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      `HEAD ${key}`,
      `PUT ${key}`,
      `HEAD ${key}`,
      `GET ${key}`,
    ]);
    expect(seen.every((s) => s.signatureValid && s.payloadValid)).toBe(true);
    expect(readdirSync(join(staging, 'tmp'))).toEqual([]);
  });

  it('should answer ENOENT through the stream for content that is not in the bucket', async () => {
    const store = s3AttachmentStore(config, mkdtempSync(join(tmpdir(), 'polis-s3-staging-')));
    await expect(buffer(store.open('0'.repeat(64)))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('should fail a commit that the server refuses, naming S3’s error code, and leave nothing staged', async () => {
    // given a store whose secret key is wrong
    const staging = mkdtempSync(join(tmpdir(), 'polis-s3-staging-'));
    const store = s3AttachmentStore({ ...config, secretAccessKey: 'not-the-secret' }, staging);
    const staged = await store.receive(Readable.from([Buffer.from('%PDF-1.4 other content')]), 1024);
    if (staged === 'too_large') throw new Error('unexpected');
    // when it commits, then the server's refusal comes back as an error with S3's code
    await expect(staged.commit()).rejects.toThrow(/HTTP 403 \(SignatureDoesNotMatch\)/);
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', signatureValid: false });
    expect(readdirSync(join(staging, 'tmp'))).toEqual([]);
  });

  it('should give up on content larger than allowed and keep nothing of it', async () => {
    const staging = mkdtempSync(join(tmpdir(), 'polis-s3-staging-'));
    const store = s3AttachmentStore(config, staging);
    seen.length = 0;
    expect(await store.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).toBe('too_large');
    expect(readdirSync(join(staging, 'tmp'))).toEqual([]);
    expect(seen).toEqual([]);
  });
});
