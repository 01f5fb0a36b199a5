/**
 * The data dir holds a household's readings, keys and tokens: only its owner may read it. The supervisor
 * sets the process umask to 077 before it spawns anything (children inherit the umask at spawn, and the
 * edge hub's modules inherit it from the hub), so every file is created 0600 and every folder 0700 even
 * where the code asks for 0644/0755; the data dir itself is made (or tightened to) 0700, and what an
 * earlier run left there with looser modes is tightened too.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PRIVATE_UMASK = 0o077;
/** How deep the tightening walks (the data dir's own layout is 3 levels deep). */
const MAX_DEPTH = 8;

/** Sets this process's umask so nothing it (or a child spawned after it) creates is group/other readable. */
export function usePrivateUmask(): void {
  process.umask(PRIVATE_UMASK);
}

/** Creates the data dir 0700 (or tightens an existing one), and tightens what an earlier run left in it. */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0);
}

function tighten(path: string, depth: number): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    if (depth >= MAX_DEPTH) return;
    for (const name of readdirSync(path)) tighten(join(path, name), depth + 1);
  } else if ((st.mode & 0o077) !== 0) {
    chmodSync(path, st.mode & 0o700);
  }
}

/** Writes a private file atomically (temp file, then rename): 0600 whatever the umask. */
export function writePrivateFile(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
