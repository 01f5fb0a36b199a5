/** Builds the app with Vite when `app/dist` is missing or older than any of its sources. */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Is `app/dist` missing or stale? */
export function appNeedsBuild(appDir: string): boolean {
  const built = join(appDir, "dist", "index.html");
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(join(appDir, "src")),
    newestMtime(join(appDir, "public")),
    newestMtime(join(appDir, "index.html")),
    newestMtime(join(appDir, "vite.config.ts")),
  );
  return sources > statSync(built).mtimeMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `vite build` in-process when needed; returns whether it built. Several platforms starting at once
 * (parallel test files) build once: a lock directory (atomic mkdir) serialises them, and whoever gets the
 * lock checks again whether a build is still needed. A lock older than two minutes is taken over.
 */
export async function ensureAppBuilt(appDir: string, log: (msg: string) => void): Promise<boolean> {
  if (!appNeedsBuild(appDir)) return false;
  const lock = join(appDir, ".build.lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited too long for another app build (${lock})`);
      else await sleep(250);
    }
  }
  try {
    if (!appNeedsBuild(appDir)) return false;
    log("building the app (vite) ...");
    const vite = await import("vite");
    const configFile = join(appDir, "vite.config.ts");
    await vite.build({
      root: appDir,
      configFile: existsSync(configFile) ? configFile : false,
      logLevel: "warn",
      ...(existsSync(configFile)
        ? {}
        : { base: "./", build: { outDir: join(appDir, "dist"), emptyOutDir: true } }),
    });
    log("app built");
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
