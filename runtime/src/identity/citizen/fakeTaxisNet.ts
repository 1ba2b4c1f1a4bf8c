import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** The person the fake TaxisNet signs in next: its userinfo attributes. */
export type TaxisNetPerson = Readonly<Record<string, string>>;

const xmlAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * Test helper: a stand-in for the GSIS OAuth 2.0 server on a free loopback port. /authorize signs in
 * `person` at once and redirects with a code; /token checks client, redirect URI and PKCE; /userinfo
 * answers XML padded as TaxisNet does.
 */
export async function startFakeTaxisNet(client: { clientId: string; clientSecret: string }) {
  const codes = new Map<string, { redirectUri: string; challenge: string | undefined; person: TaxisNetPerson }>();
  const tokens = new Map<string, TaxisNetPerson>();
  const fake = {
    baseUrl: '',
    person: {} as TaxisNetPerson,
    tokenRequests: 0,
    close: () => Promise.resolve(),
  };
  const app = express();
  app.get('/oauth2server/oauth/authorize', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.client_id !== client.clientId || q.response_type !== 'code' || !q.redirect_uri) {
      return res.status(400).send('invalid_request');
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, { redirectUri: q.redirect_uri, challenge: q.code_challenge, person: fake.person });
    const back = new URL(q.redirect_uri);
    back.searchParams.set('code', code);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    res.redirect(302, back.href);
  });
  app.post('/oauth2server/oauth/token', express.urlencoded({ extended: false }), (req, res) => {
    fake.tokenRequests++;
    const body = req.body as Record<string, string | undefined>;
    const grant = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const verifierOk =
      grant?.challenge === undefined ||
      createHash('sha256')
        .update(body.code_verifier ?? '')
        .digest('base64url') === grant.challenge;
    if (body.client_id !== client.clientId || body.client_secret !== client.clientSecret) {
      return res.status(401).json({ error: 'invalid_client' });
    }
    if (body.grant_type !== 'authorization_code' || !grant || grant.redirectUri !== body.redirect_uri || !verifierOk) {
      return res.status(400).json({ error: 'invalid_grant' });
    }
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, grant.person);
    res.json({ access_token: accessToken, token_type: 'bearer', expires_in: 60, scope: 'read' });
  });
  app.get('/oauth2server/userinfo', (req, res) => {
    const person = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!person || req.query.format !== 'xml') return res.status(401).json({ error: 'invalid_token' });
    const attributes = Object.entries(person)
      .map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`)
      .join('');
    res.type('application/xml').send(`<?xml version="1.0" encoding="UTF-8"?><root><userinfo${attributes}/></root>`);
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2server`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
