import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signS3Request } from './s3AttachmentStoreSigning.js';

describe('signS3Request', () => {
  it('should sign the GET Object example of the S3 SigV4 documentation to its published signature', () => {
    // given the documented example: examplebucket, test.txt, a range, the documented example keys and time
    const url = new URL('https://examplebucket.s3.amazonaws.com/test.txt');
    // when
    const headers = signS3Request(
      { method: 'GET', url, payloadSha256: EMPTY_SHA256, headers: { range: 'bytes=0-9' } },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      new Date('2013-05-24T00:00:00Z'),
    );
    // then
    expect(headers).toMatchObject({
      host: 'examplebucket.s3.amazonaws.com',
      'x-amz-date': '20130524T000000Z',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });

  it('should encode each path segment once and sort the query, as S3 canonicalises them', () => {
    // given the same request with a key that needs encoding and a query in another order
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret', region: 'eu-central-1' };
    const at = new Date('2026-03-14T10:42:00Z');
    const sign = (url: string) =>
      signS3Request({ method: 'GET', url: new URL(url), payloadSha256: EMPTY_SHA256 }, credentials, at).authorization;
    // when / then the spelling of the same resource does not change the signature, a different resource does
    expect(sign('https://h.example/b/a%20b(1).pdf?b=2&a=1')).toBe(sign('https://h.example/b/a b(1).pdf?a=1&b=2'));
    expect(sign('https://h.example/b/a%20b.pdf')).not.toBe(sign('https://h.example/b/a%2520b.pdf'));
  });
});
