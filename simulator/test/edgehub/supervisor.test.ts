import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restartDelay, shouldRestart } from "../../src/edgehub/index";
import { startTestHub, type TestHub, until } from "./helpers";

const PROBE = join(import.meta.dirname, "fixtures", "probe-module.ts");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("restart policy", () => {
  it("follows IoT Edge's policies", () => {
    expect(shouldRestart("always", 0, null)).toBe(true);
    expect(shouldRestart("on-failure", 0, null)).toBe(false);
    expect(shouldRestart("on-failure", 1, null)).toBe(true);
    expect(shouldRestart("never", 1, null)).toBe(false);
  });
  it("backs off exponentially, bounded", () => {
    expect([0, 1, 2, 3].map(restartDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(restartDelay(40)).toBe(60_000);
  });
});

describe("modules as child processes with the environment IoT Edge gives them", () => {
  let t: TestHub;
  const marker = join(tmpdir(), `omdp-probe-${process.pid}-${Date.now()}.txt`);
  type Ping = { pong: boolean; pid: number; env: Record<string, unknown> };

  beforeAll(async () => {
    t = await startTestHub({
      runModules: ["events"],
      moduleCommand: () => ({ command: process.execPath, args: ["--import", "tsx", PROBE] }),
      moduleEnv: { OMDP_LOG_LEVEL: "error", PROBE_MARKER: marker },
    });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(marker, { force: true });
  });

  /** Pings until the (re)started module answers: methods are registered a moment after it connects. */
  async function ping(): Promise<Ping> {
    for (let i = 0; i < 100; i++) {
      const r = await t.hub.invoke("events", "ping", {}, 2_000);
      if (r.status === 200) return r.payload as Ping;
      await new Promise((res) => setTimeout(res, 200));
    }
    throw new Error("module never answered ping");
  }

  it("starts the module, which connects with its connection string and CA", async () => {
    const p = await ping();
    expect(p.env).toEqual({
      deviceId: "edge-local",
      moduleId: "events",
      gateway: `127.0.0.1:${t.hub.mqttPort}`,
      caFile: true,
      logLevel: "error",
    });
  });

  it("restarts a module that exits (policy always), then stops it gracefully without orphans", async () => {
    const first = await ping();
    expect((await t.hub.invoke("events", "crash", {})).status).toBe(200);
    await until(() => !alive(first.pid), 10_000, "crash");
    await until(() => t.hub.modules()[0]?.restarts === 1, 10_000, "restart");
    const second = await ping();
    expect(second.pid).not.toBe(first.pid);
    await t.hub.stop();
    expect(alive(second.pid)).toBe(false);
    expect(t.hub.modules()[0]?.lastExit?.code).toBe(0);
    expect(existsSync(marker) ? readFileSync(marker, "utf8") : "").toContain(`stopped ${second.pid}`);
  });
});
