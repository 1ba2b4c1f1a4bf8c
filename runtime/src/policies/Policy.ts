import type { Role } from '../orgchart/AppUser.js';
import type { Principal } from './Principal.js';

/** What a policy decides: let the request through, ask for credentials, or refuse them. */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/**
 * Who may call a route, decided from the principal alone. Finer checks that need the object (a unit, an
 * application) are made by the route with the scope helpers, after this one has let the request through.
 */
export interface Policy {
  /** How the policy reads to a person, e.g. "role admin, or scope orgchart:write"; shown in OpenAPI. */
  readonly description: string;
  /** The OAuth scopes that admit a client, for the OpenAPI security requirement. */
  readonly scopes: readonly string[];
  decide(principal: Principal): Decision;
}

const refuse = (principal: Principal): Decision => (principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');

function policy(description: string, scopes: readonly string[], admits: (p: Principal) => boolean): Policy {
  return { description, scopes, decide: (principal) => (admits(principal) ? 'allow' : refuse(principal)) };
}

/** Anyone, signed in or not: public pages, health checks, the sign-in flow itself. */
export const anyone: Policy = { description: 'anyone', scopes: [], decide: () => 'allow' };

/** Any person signed in, staff or citizen; not a third-party system. */
export const signedIn: Policy = policy('any signed-in person', [], (p) => p.kind === 'user');

/** Any member of staff, whatever their roles. */
export const staff: Policy = policy('any member of staff', [], (p) => p.kind === 'user' && p.user.kind === 'staff');

/** A citizen signed in as themself. */
export const citizen: Policy = policy('a citizen', [], (p) => p.kind === 'user' && p.user.kind === 'citizen');

/** A member of staff holding one of the roles, in any unit. */
export function hasRole(...roles: Role[]): Policy {
  return policy(
    `role ${roles.join(' or ')}`,
    [],
    (p) => p.kind === 'user' && p.user.roles.some((r) => roles.includes(r.role)),
  );
}

/** A third-party system whose token carries the scope. */
export function hasScope(scope: string): Policy {
  return policy(`scope ${scope}`, [scope], (p) => p.kind === 'client' && p.scopes.includes(scope));
}

/** Admits whom any of the policies admits. */
export function anyOf(...policies: Policy[]): Policy {
  return policy(
    policies.map((p) => p.description).join(', or '),
    [...new Set(policies.flatMap((p) => p.scopes))],
    (principal) => policies.some((p) => p.decide(principal) === 'allow'),
  );
}
