import type { Knex } from 'knex';

/** At most maxFailures failed sign-ins within any windowSeconds. */
export interface LoginRateLimit {
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

/** Who is trying to sign in, and from where. */
export interface LoginAttempt {
  readonly username: string;
  /** Undefined when the address is unknown; then only the username is limited. */
  readonly ip: string | undefined;
}

/** Whether a sign-in may be tried now, and if not, when it may. */
export type LoginRateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Limits and clock of a limiter; the clock is injected by tests. */
export interface LoginRateLimiterOptions {
  readonly perUsername?: LoginRateLimit;
  readonly perIp?: LoginRateLimit;
  readonly now?: () => Date;
}

/** Counts failed sign-ins per username and per IP address in the database, so every runtime process shares them. */
export interface LoginRateLimiter {
  /** Decides whether an attempt may proceed; call before checking the password. */
  check(attempt: LoginAttempt): Promise<LoginRateDecision>;
  /** Counts a failed attempt against the username and the address. */
  recordFailure(attempt: LoginAttempt): Promise<void>;
  /** Clears the username's failures after a successful sign-in; the address keeps its count. */
  recordSuccess(attempt: LoginAttempt): Promise<void>;
}

/** By default, 5 failures per username in 15 minutes. */
export const DEFAULT_PER_USERNAME: LoginRateLimit = { maxFailures: 5, windowSeconds: 15 * 60 };
/** By default, 20 failures per address in 15 minutes: an office behind one NAT address shares it. */
export const DEFAULT_PER_IP: LoginRateLimit = { maxFailures: 20, windowSeconds: 15 * 60 };

type Scope = 'username' | 'ip';

/** Builds a sliding-window limiter over the login_attempt table. */
export function loginRateLimiter(knex: Knex, options: LoginRateLimiterOptions = {}): LoginRateLimiter {
  const limits: Record<Scope, LoginRateLimit> = {
    username: options.perUsername ?? DEFAULT_PER_USERNAME,
    ip: options.perIp ?? DEFAULT_PER_IP,
  };
  const now = options.now ?? (() => new Date());
  // "Admin" and "admin" are one account to the identity provider, so they share one counter.
  const keys = (attempt: LoginAttempt): [Scope, string][] => [
    ['username', attempt.username.trim().toLowerCase()],
    ...(attempt.ip ? [['ip', attempt.ip] as [Scope, string]] : []),
  ];
  const windowStart = (scope: Scope, at: Date) => new Date(at.getTime() - limits[scope].windowSeconds * 1000);

  /** Seconds until this key drops below its limit, or 0 when it is below already. */
  async function waitFor(scope: Scope, key: string, at: Date): Promise<number> {
    const { maxFailures, windowSeconds } = limits[scope];
    const recent = (await knex('login_attempt')
      .where({ scope, key })
      .where('at', '>', windowStart(scope, at))
      .orderBy('at', 'desc')
      .limit(maxFailures)
      .select('at')) as { at: Date | string }[];
    if (recent.length < maxFailures) return 0;
    // When the oldest of the last maxFailures failures leaves the window, one more attempt is allowed.
    const oldest = new Date(recent[recent.length - 1]!.at).getTime();
    return Math.max(1, Math.ceil((oldest + windowSeconds * 1000 - at.getTime()) / 1000));
  }

  return {
    async check(attempt) {
      const at = now();
      let wait = 0;
      for (const [scope, key] of keys(attempt)) wait = Math.max(wait, await waitFor(scope, key, at));
      return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: wait };
    },
    async recordFailure(attempt) {
      const at = now();
      await knex.transaction(async (trx) => {
        for (const [scope, key] of keys(attempt)) {
          // Failures that left the window no longer count; dropping them keeps the table to recent ones.
          await trx('login_attempt').where({ scope, key }).where('at', '<=', windowStart(scope, at)).delete();
          await trx('login_attempt').insert({ scope, key, at });
        }
      });
    },
    async recordSuccess(attempt) {
      const [[scope, key]] = keys(attempt) as [[Scope, string]];
      await knex('login_attempt').where({ scope, key }).delete();
    },
  };
}
