import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { DatabaseUnavailableError } from '../errors.js';

/** A lock file guarding a PGlite data directory, which PGlite itself does not lock. */
export interface DirectoryLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>.lock` for this process.
 * @throws DatabaseUnavailableError when a live process already holds it.
 */
export function lockDirectory(dir: string): DirectoryLock {
  const path = `${dir}.lock`;
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseUnavailableError(
          `The data directory ${dir} is in use by another Polis process (pid ${pid}); stop it or set DATA_DIR to another directory.`,
        );
      }
      if (pid === process.pid) {
        throw new DatabaseUnavailableError(`The data directory ${dir} is already open in this process.`);
      }
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the data directory ${dir}.`);
}
