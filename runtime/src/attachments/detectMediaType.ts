/** The media types an attachment may have. */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** One allowed media type. */
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const SIGNATURES: readonly [AttachmentMediaType, readonly number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The number of leading bytes {@link detectMediaType} needs. */
export const SIGNATURE_BYTES = 8;

/**
 * The allowed media type a file's first bytes (its magic number) show it to be, or undefined: what the
 * content is, whatever the uploader declared.
 */
export function detectMediaType(head: Uint8Array): AttachmentMediaType | undefined {
  return SIGNATURES.find(([, bytes]) => bytes.every((b, i) => head[i] === b))?.[0];
}
