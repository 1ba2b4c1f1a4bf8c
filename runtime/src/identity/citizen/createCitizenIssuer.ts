import type { CitizenIdentity } from '../../config/Config.js';
import type { CitizenIssuer } from './CitizenIssuer.js';
import { oidcCitizenIssuer } from './oidcCitizenIssuer.js';
import { taxisNetIssuer } from './taxisNetIssuer.js';

/** The citizens' issuer the configuration names, or undefined when citizens sign in at the main issuer. */
export function createCitizenIssuer(identity: CitizenIdentity | undefined): CitizenIssuer | undefined {
  if (identity === undefined) return undefined;
  if (identity.kind === 'oidc') return oidcCitizenIssuer(identity);
  const { kind: _kind, ...settings } = identity;
  return taxisNetIssuer(settings);
}
