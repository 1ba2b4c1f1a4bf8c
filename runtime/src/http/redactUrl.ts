/** Query parameters that carry credentials: an authorization code, tokens, state and nonce, CSRF tokens, secrets. */
const SECRET_PARAMETERS = new Set([
  'code',
  'state',
  'nonce',
  'session_state',
  'id_token_hint',
  'access_token',
  'refresh_token',
  'token',
  'client_secret',
  'logout_token',
  '_csrf',
]);

/** A request URL fit for the logs: the values of credential-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const key of [...params.keys()])
    if (SECRET_PARAMETERS.has(key.toLowerCase())) {
      params.set(key, '[redacted]');
      changed = true;
    }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}
