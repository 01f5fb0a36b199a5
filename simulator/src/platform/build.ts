/** Builds the app with Vite when `app/dist` is missing or older than any of its sources. */
import { existsSync, readdirSync, statSync } from "node:fs";
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

/** Runs `vite build` in-process (once); returns whether it built. */
export async function ensureAppBuilt(appDir: string, log: (msg: string) => void): Promise<boolean> {
  if (!appNeedsBuild(appDir)) return false;
  log("building the app (vite) ...");
  const vite = await import("vite");
  await vite.build({ root: appDir, configFile: join(appDir, "vite.config.ts"), logLevel: "warn" });
  log("app built");
  return true;
}
