import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDirectory } from './DirectoryLock.js';

describe('lockDirectory', () => {
  it('should refuse a directory that a live process holds, naming the directory and the process', () => {
    // given a lock file written by a live process (our parent)
    const dir = join(mkdtempSync(join(tmpdir(), 'polis-lock-')), 'pglite');
    writeFileSync(`${dir}.lock`, String(process.ppid));
    // when / then
    expect(() => lockDirectory(dir)).toThrow(`${dir} is in use by another Polis process (pid ${process.ppid})`);
  });

  it('should take over a lock left by a process that has died', () => {
    // given a lock file of a pid that cannot exist
    const dir = join(mkdtempSync(join(tmpdir(), 'polis-lock-')), 'pglite');
    writeFileSync(`${dir}.lock`, '2147483646');
    // when
    const lock = lockDirectory(dir);
    // then the lock is ours, and gone after release
    expect(existsSync(`${dir}.lock`)).toBe(true);
    lock.release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('should refuse to open the same directory twice in one process', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'polis-lock-')), 'pglite');
    const lock = lockDirectory(dir);
    expect(() => lockDirectory(dir)).toThrow('already open in this process');
    lock.release();
  });
});
