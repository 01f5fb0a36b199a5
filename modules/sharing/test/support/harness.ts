import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import { type SharingModule, startSharing } from "../../src";
import { tempDir } from "./fixtures";

export const T0 = Date.parse("2026-06-15T12:00:00Z");

export interface Harness {
  host: RecordingModuleHost;
  module: SharingModule;
  base: string;
  dir: string;
  clock: { now: number };
  token: string;
  tokenId: string;
  auth: Record<string, string>;
  /** Stops the module (API, store) but keeps the data directory. */
  stop(): Promise<void>;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
}

export const silentLog = createLogger("test", { write: () => {} });

/** A started sharing module on a test-double host with its API on an ephemeral loopback port. */
export async function startHarness(
  desired: Record<string, unknown> = {},
  existing?: { dir: string; clock: { now: number } },
): Promise<Harness> {
  const tmp = existing ? { dir: existing.dir, cleanup: () => {} } : tempDir();
  const clock = existing?.clock ?? { now: T0 };
  const host = new RecordingModuleHost({ moduleId: "sharing", clone: "structured" });
  const module = startSharing(host, { dataDir: tmp.dir, log: silentLog, now: () => clock.now });
  await host.setDesired({ ...desired, api: { port: 0, ...(desired.api as object | undefined) } });
  const made = (await host.invoke("createToken", { name: "household-app" })).payload as {
    id: string;
    token: string;
  };
  const addr = module.apiAddress!;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await module.stop();
  };
  return {
    host,
    module,
    base: `http://127.0.0.1:${addr.port}`,
    dir: tmp.dir,
    clock,
    token: made.token,
    tokenId: made.id,
    auth: { authorization: `Bearer ${made.token}` },
    stop,
    dispose: async () => {
      await stop();
      if (!existing) tmp.cleanup();
    },
  };
}
