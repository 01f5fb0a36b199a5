import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectModule, type SdkModuleHost } from "@omdp/edge-module";
import { createLogger, type Logger } from "@omdp/logger";
import { type EdgeHub, type EdgeHubOptions, startEdgeHub } from "../../src/edgehub/index";

/** Quiet logger for tests (errors only). */
export const quiet: Logger = createLogger("test", { level: "error" });

export interface TestHub {
  hub: EdgeHub;
  dir: string;
  connect(module: string): Promise<SdkModuleHost>;
  close(): Promise<void>;
}

/** A hub on ephemeral ports with a temp data dir; `connect` opens real SDK ModuleClients. */
export async function startTestHub(opts: EdgeHubOptions = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), "omdp-edgehub-"));
  const hub = await startEdgeHub({
    dataDir: dir,
    mqttPort: 0,
    adminPort: 0,
    upstream: null,
    runModules: false,
    logger: quiet,
    ...opts,
  });
  const hosts: SdkModuleHost[] = [];
  return {
    hub,
    dir,
    async connect(module) {
      const h = await connectModule({
        connectionString: hub.connectionStringFor(module),
        ca: hub.ca,
        logger: quiet,
      });
      hosts.push(h);
      return h;
    },
    async close() {
      for (const h of hosts) await h.close().catch(() => {});
      await hub.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when `cond()` holds, polling every 20 ms; rejects after `ms`. */
export async function until(cond: () => boolean, ms = 5_000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
