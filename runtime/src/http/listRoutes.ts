import type { Express } from 'express';

/** One route registered in the express app: its method, full path, and its handlers in order. */
export interface RegisteredRoute {
  readonly method: string;
  readonly path: string;
  readonly handlers: readonly unknown[];
}

interface LayerLike {
  readonly rawPath?: unknown;
  readonly handle: unknown;
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean>; readonly stack: LayerLike[] };
}

const stackOf = (handle: unknown): LayerLike[] | undefined => {
  const stack = (handle as { stack?: unknown } | null)?.stack;
  return Array.isArray(stack) ? (stack as LayerLike[]) : undefined;
};

function walk(stack: readonly LayerLike[], prefix: string, out: RegisteredRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all')
          out.push({
            method: method.toUpperCase(),
            path: `${prefix}${layer.route.path}`,
            handlers: layer.route.stack.map((l) => l.handle),
          });
      continue;
    }
    const nested = stackOf(layer.handle);
    if (nested) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(nested, `${prefix}${mount}`, out);
    }
  }
}

/**
 * Every route of an express app, including those of mounted routers, read from the router itself: what the
 * authorization matrix test enumerates so that a route added without a policy cannot go unnoticed.
 */
export function listRoutes(app: Express): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  walk(stackOf((app as unknown as { router: unknown }).router) ?? [], '', out);
  return out;
}
