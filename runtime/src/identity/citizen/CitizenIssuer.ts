/** Why a citizen's sign-in was refused: a stable id and a reason for the log (never personal data or tokens). */
export interface CitizenRefusal {
  readonly id:
    | 'issuer_refused'
    | 'issuer_unreachable'
    | 'state_mismatch'
    | 'code_missing'
    | 'userinfo_invalid'
    | 'claims_missing'
    | 'tax_id_invalid'
    | 'staff_tax_id'
    | 'citizen_inactive'
    | 'citizen_not_created';
  readonly reason: string;
}

/** A citizen step's outcome: its value, or a refusal as a value (never thrown). */
export type CitizenResult<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & CitizenRefusal);

/** Builds a refusal. */
export const refuse = (id: CitizenRefusal['id'], reason: string): { ok: false } & CitizenRefusal => ({
  ok: false,
  id,
  reason,
});

/** The secrets of one sign-in, kept in the signed flow cookie between /auth/login and /auth/callback. */
export interface CitizenFlowSecrets {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

/** The issuer citizens sign in at: TaxisNet (plain OAuth 2.0) or an OpenID Connect provider. */
export interface CitizenIssuer {
  readonly profile: 'oidc' | 'taxisnet';
  /** Where to send the browser to sign in. */
  authorizationUrl(flow: CitizenFlowSecrets, redirectUri: string, language: string): Promise<URL>;
  /** Checks the callback against the flow, redeems its code and returns the issuer's claims about the person. */
  completeSignIn(
    callbackUrl: URL,
    flow: CitizenFlowSecrets,
    redirectUri: string,
  ): Promise<CitizenResult<Readonly<Record<string, unknown>>>>;
  /** Where the browser goes to end its session at the issuer, or undefined when the issuer has no such page. */
  logoutUrl(postLogoutRedirectUri: string): Promise<string | undefined>;
}
