import { describe, expect, it } from 'vitest';
import { redactUrl } from './redactUrl.js';

describe('redactUrl', () => {
  it('should hide the authorization code and state of a sign-in callback but keep the rest', () => {
    expect(redactUrl('/auth/callback?code=abc123&state=xyz&iss=http%3A%2F%2Fop')).toBe(
      '/auth/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&iss=http%3A%2F%2Fop',
    );
  });

  it('should leave a URL without credentials as it is', () => {
    expect(redactUrl('/api/v1/org/users?q=%CE%B1&limit=5')).toBe('/api/v1/org/users?q=%CE%B1&limit=5');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
