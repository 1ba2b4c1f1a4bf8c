import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './hashPassword.js';

describe('hashPassword', () => {
  it('should store scrypt parameters and a random salt, and verify only the right password', async () => {
    // given two hashes of the same password
    const first = await hashPassword('demo-clerk');
    const second = await hashPassword('demo-clerk');

    // then they carry the parameters, differ by salt, and verify the password and nothing else
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('demo-clerk', first)).toBe(true);
    expect(await verifyPassword('demo-clerk ', first)).toBe(false);
    expect(await verifyPassword('demo-clerk', undefined)).toBe(false);
    expect(await verifyPassword('demo-clerk', 'plain')).toBe(false);
  });
});
