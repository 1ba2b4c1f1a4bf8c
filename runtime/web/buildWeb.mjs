// Builds the web apps with Vite, unless their build is newer than every source file (so restarts stay quick).
// Usage: node runtime/web/buildWeb.mjs [--force] [app…] (every app unless some are named)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
// Each app's folder holds its vite.config.ts; the designer lives in its own workspace (designer/).
const APPS = { staff: join(here, 'staff'), portal: join(here, 'portal'), designer: join(here, '..', '..', 'designer') };
const SHARED = [join(here, 'shared'), join(here, 'tsconfig.json'), join(here, '..', 'package.json')];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const force = process.argv.includes('--force');
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const [app, dir] of Object.entries(APPS)) {
  if (named.length > 0 && !named.includes(app)) continue;
  const built = join(here, 'dist', app, 'index.html');
  const sources = Math.max(...[dir, ...SHARED].map(newestMtime));
  if (!force && existsSync(built) && statSync(built).mtimeMs > sources) {
    console.log(`web/${app}: up to date`);
    continue;
  }
  await build({ configFile: join(dir, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web/${app}: built into runtime/web/dist/${app}`);
}
