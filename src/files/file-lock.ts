/**
 * A lock on a file being saved, so that two processes that extend the same
 * index one after the other never lose each other's documents: a lock file
 * `<path>.lock` created with O_EXCL (atomic on local file systems and NFSv3+),
 * holding the owner's pid, host and start time. A lock whose owner is dead
 * (same host, no such process) or whose file has not been refreshed for
 * `staleMs` (another host, a frozen process) is stale and broken.
 *
 * Written here rather than taken from a package: the rule is twenty lines,
 * and the packages made for it (proper-lockfile) lock with mkdir and mtime
 * only, without the dead-pid check that frees a lock at once after kill -9.
 */
import { hostname } from 'node:os';
import { link, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { SaochepError } from '../errors.js';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** How long to wait for another process's lock, in ms. Default 10 minutes. */
  waitMs?: number;
  /** A lock not refreshed for this long is stale, in ms. Default 10 minutes. */
  staleMs?: number;
  /** Who locks, named in errors ("PlanIndex.save"). */
  who?: string;
  /** Called once when the lock is held by another process and this one waits. */
  onWait?: (owner: LockOwner) => void;
}

/** Who holds a lock, as its lock file says. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Locks this process holds, by resolved path: a save inside a locked update does not wait for itself. */
const HELD = new Map<string, number>();

/** Lock files this process created and holds, with their content. */
const OWN_LOCKS = new Map<string, string>();

/**
 * Remove the lock files this process holds, at once: for a SIGINT or SIGTERM
 * handler, which exits before any promise settles.
 */
export function releaseLocksSync(): void {
  for (const [lock, text] of OWN_LOCKS) {
    try {
      if (readFileSync(lock, 'utf8') === text) unlinkSync(lock);
    } catch {
      // Already gone.
    }
  }
  OWN_LOCKS.clear();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether process `pid` of this host is alive (EPERM: alive, owned by another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string')
      return { pid: value.pid, host: value.host, started: String(value.started ?? '') };
  } catch {
    // A lock file being written, or not one of ours: judged by its age.
  }
  return undefined;
}

/** Whether the lock file's owner is gone: dead on this host, or silent for `staleMs`. */
async function isStale(lock: string, text: string, staleMs: number): Promise<boolean> {
  const owner = parseOwner(text);
  if (owner && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid))
    return true;
  try {
    return Date.now() - (await stat(lock)).mtimeMs > staleMs;
  } catch {
    return false; // Gone already: the next attempt takes it.
  }
}

/** Break a stale lock, unless another process replaced it meanwhile (then it is put back). */
async function breakLock(lock: string, staleText: string): Promise<void> {
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const taken = await readFile(aside, 'utf8').catch(() => '');
  if (taken !== staleText) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/**
 * Run `fn` holding the lock of `path` (the file `<path>.lock`), waiting for
 * another process's lock up to `waitMs` (then ERR_SAOCHEP_LOCKED). The lock
 * is refreshed while `fn` runs and removed after it, whatever it does.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const key = resolve(path);
  const held = HELD.get(key) ?? 0;
  if (held > 0) {
    HELD.set(key, held + 1);
    try {
      return await fn();
    } finally {
      HELD.set(key, HELD.get(key)! - 1);
      if (HELD.get(key) === 0) HELD.delete(key);
    }
  }
  const waitMs = options.waitMs ?? 600_000;
  const staleMs = options.staleMs ?? 600_000;
  const lock = `${path}.lock`;
  const text = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
  });
  const until = Date.now() + waitMs;
  let waited = false;
  let pause = 20;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new SaochepError(
          'ERR_SAOCHEP_IO',
          `${options.who ?? 'withFileLock'}: could not write ${path}: cannot create the lock file ${lock}: ${(error as Error).message}`,
          { cause: error },
        );
    }
    const other = await readFile(lock, 'utf8').catch(() => undefined);
    if (other === undefined) continue; // Released meanwhile.
    if (await isStale(lock, other, staleMs)) {
      await breakLock(lock, other);
      continue;
    }
    const owner = parseOwner(other);
    if (!waited && owner) options.onWait?.(owner);
    waited = true;
    if (Date.now() >= until)
      throw new SaochepError(
        'ERR_SAOCHEP_LOCKED',
        `${path} is being saved by another process (${owner ? `pid ${owner.pid} on ${owner.host} since ${owner.started}` : 'unknown'}): tried for ${Math.round(waitMs / 1000)} s. ` +
          `Wait for it to finish; if no saochep runs, remove ${lock}.`,
      );
    await sleep(pause + Math.floor(Math.random() * pause));
    pause = Math.min(pause * 2, 500);
  }
  HELD.set(key, 1);
  OWN_LOCKS.set(lock, text);
  const refresh = setInterval(
    () => {
      const now = new Date();
      void utimes(lock, now, now).catch(() => undefined);
    },
    Math.max(1000, Math.floor(staleMs / 4)),
  );
  refresh.unref();
  try {
    return await fn();
  } finally {
    clearInterval(refresh);
    HELD.delete(key);
    OWN_LOCKS.delete(lock);
    // Only our own lock is removed: a broken-and-retaken one belongs to another process now.
    const current = await readFile(lock, 'utf8').catch(() => undefined);
    if (current === text) await unlink(lock).catch(() => undefined);
  }
}
