// Builds the web apps with Vite, unless their build is newer than every source file (so restarts stay quick).
// Usage: node runtime/web/buildWeb.mjs [--force]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const APPS = ['staff', 'portal'];
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
for (const app of APPS) {
  const built = join(here, 'dist', app, 'index.html');
  const sources = Math.max(...[join(here, app), ...SHARED].map(newestMtime));
  if (!force && existsSync(built) && statSync(built).mtimeMs > sources) {
    console.log(`web/${app}: up to date`);
    continue;
  }
  await build({ configFile: join(here, app, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web/${app}: built into runtime/web/dist/${app}`);
}
