import { Router } from 'express';
import { authorize } from '../../middlewares/authorize.js';
import { anyone } from '../../policies/Policy.js';

/** What /readyz reports: each dependency's state. */
export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, 'ok' | string>>;
}

/** `/healthz` (the process is alive) and `/readyz` (it can serve: database reachable and migrated). */
export function healthRouter(readiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get('/healthz', authorize(anyone), (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', authorize(anyone), async (_req, res) => {
    const result = await readiness();
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ready' : 'not_ready', checks: result.checks });
  });
  return router;
}
