import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import lockfile from "proper-lockfile";
import { StoreError } from "./storeError.js";

/**
 * A lock that keeps a second process away from an embedded database directory. SQLite
 * would let two processes open one file, but two app instances on one file means two
 * schedulers and two in-memory caches that disagree: one process per directory.
 *
 * proper-lockfile holds `shihyo.lock` (a directory, created atomically) and refreshes its
 * mtime. Its staleness rule is time-based, and a long synchronous write (better-sqlite3
 * blocks the event loop) must not make a live lock look stale, so the threshold is long;
 * a lock left by a process that died is instead recognised at once by the pid written
 * beside it, on the same host.
 */
export interface DirectoryLock {
  release(): Promise<void>;
}

const STALE_MS = 5 * 60_000;
const LOCK_NAME = "shihyo.lock";
const OWNER_NAME = "shihyo.lock.owner";

interface Owner {
  pid: number;
  host: string;
}

export async function lockDirectory(
  directory: string,
  onWarning: (message: string) => void,
): Promise<DirectoryLock> {
  const dir = resolve(directory);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_NAME);
  const ownerPath = join(dir, OWNER_NAME);
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    retries: 0,
    onCompromised: (error: Error) => onWarning(`database directory lock compromised: ${error.message}`),
  };

  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    if (!isLocked(error)) throw error;
    const owner = readOwner(ownerPath, lockPath);
    if (owner === null || isAlive(owner)) {
      throw new StoreError("locked", { directory: dir, pid: owner?.pid ?? null }, { cause: error });
    }
    // The process that held the lock is gone: take its place.
    rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await lockfile.lock(dir, options);
    } catch (retryError) {
      if (!isLocked(retryError)) throw retryError;
      throw new StoreError("locked", { directory: dir, pid: null }, { cause: retryError });
    }
  }
  writeFileSync(ownerPath, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
  return {
    async release() {
      rmSync(ownerPath, { force: true });
      await release();
    },
  };
}

function isLocked(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "ELOCKED";
}

/**
 * The owner recorded for the current lock, or null when it cannot be trusted: missing (the
 * holder is between taking the lock and writing its pid), from another host, or older
 * than the lock itself (left by an earlier holder).
 */
function readOwner(ownerPath: string, lockPath: string): Owner | null {
  try {
    const lockBorn = statSync(lockPath).birthtimeMs;
    const ownerStat = statSync(ownerPath);
    if (lockBorn > 0 && ownerStat.mtimeMs + 1000 < lockBorn) return null;
    const owner = JSON.parse(readFileSync(ownerPath, "utf8")) as Partial<Owner>;
    if (typeof owner.pid !== "number" || owner.host !== hostname()) return null;
    return { pid: owner.pid, host: owner.host };
  } catch {
    return null;
  }
}

function isAlive(owner: Owner): boolean {
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
