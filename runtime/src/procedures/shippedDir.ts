import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A folder shipped at the repository root (`process-definitions`, `forms`), found from the source tree
 * (runtime/src/procedures) and from the compiled one (runtime/dist/src/procedures).
 */
export function shippedDir(name: 'process-definitions' | 'forms'): string {
  const candidates = ['../../..', '../../../..'].map((up) => fileURLToPath(new URL(`${up}/${name}`, import.meta.url)));
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}
