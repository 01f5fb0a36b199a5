import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupAlive, spawnComponent } from "../../src/platform/child";
import { DEFAULT_PORTS } from "../../src/platform/config";
import { PortInUseError, probePort, resolvePorts } from "../../src/platform/ports";

const FIX = join(import.meta.dirname, "fixtures");
const ROOT = join(import.meta.dirname, "..", "..", "..");
const servers: Server[] = [];

/** Alive and not a zombie (a non-reaping PID 1 leaves zombies of orphans; they are dead). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function occupy(): Promise<number> {
  const s = createServer();
  servers.push(s);
  s.listen(0, "127.0.0.1");
  await once(s, "listening");
  return (s.address() as { port: number }).port;
}

describe("ports", () => {
  it("says in one line which port is taken and which variable changes it", async () => {
    const port = await occupy();
    const err = await resolvePorts({ ...DEFAULT_PORTS, app: port }, ["app"]).catch((e) => e);
    expect(err).toBeInstanceOf(PortInUseError);
    expect(err.message).toBe(
      `port ${port} (dashboard) is already in use on 127.0.0.1: stop the program using it or choose another port with OMDP_APP_PORT=<port>`,
    );
  });
  it("chooses distinct free ports for 0", async () => {
    const p = await resolvePorts({ app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 }, [
      "app",
      "cloud",
      "edgeApi",
    ]);
    expect(new Set([p.app, p.cloud, p.edgeApi]).size).toBe(3);
    expect(await probePort(p.app)).toBe(p.app);
  });
});

describe("component processes", () => {
  it("stops the whole process group, escalating to SIGKILL, and leaves nothing behind", async () => {
    const lines: string[] = [];
    const c = spawnComponent({
      name: "fixture",
      script: join(FIX, "group-child.ts"),
      cwd: ROOT,
      env: process.env,
      onLine: (l) => lines.push(l),
    });
    const ready = await c.ready;
    expect(ready.type).toBe("ready");
    const grandchild = Number((ready as unknown as { info: { grandchild: number } }).info.grandchild);
    expect(groupAlive(c.pid)).toBe(true);
    await c.stop(500);
    expect(groupAlive(c.pid)).toBe(false);
    expect(running(grandchild)).toBe(false);
    expect(lines.some((l) => l.includes('"msg":"up"'))).toBe(true);
  });
  it("reports a missing part instead of crashing", async () => {
    const c = spawnComponent({
      name: "missing",
      script: join(FIX, "missing-child.ts"),
      cwd: ROOT,
      env: process.env,
      onLine: () => {},
    });
    expect(await c.ready).toEqual({ type: "missing", what: "a part that is not built yet" });
    await c.stop(500);
  });
});

describe("omdp start", () => {
  it("a port in use gives one clear line and exit status 2, not a stack trace", async () => {
    const port = await occupy();
    const child = spawn(process.execPath, [join(ROOT, "packages/cli/bin/omdp.js"), "start", "--no-build"], {
      cwd: ROOT,
      env: { ...process.env, OMDP_APP_PORT: String(port), OMDP_DATA_DIR: join(ROOT, ".data-never-created") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c) => {
      err += c;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toEqual([
      `omdp start: port ${port} (dashboard) is already in use on 127.0.0.1: stop the program using it or choose another port with OMDP_APP_PORT=<port>`,
    ]);
  });
});
