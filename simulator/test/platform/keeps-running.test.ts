/**
 * The platform under the `npm start` supervisor on free ports and a temp data dir, at --speed 60 (meter
 * time running ahead of the wall clock, which the edge used to reject as "from the future"):
 * intervals reach the sharing API; the data files are private (0600 files, 0700 folders); no token is
 * in the JSON logs and the tokens file works against the cloud; a SIGKILLed cloud and a SIGKILLed hub
 * come back and data flows again, the dead hub's modules do not survive it; after the stop nothing is
 * left. Then `omdp start --speed 60 --json-logs` on the same data dir (the CLI as a user runs it,
 * stdout not a terminal): simulated time continues, new intervals arrive and none counts as late.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simNow } from "@omdp/edge-module";
import { afterAll, describe, expect, it } from "vitest";
import { until } from "../../../tests/support/until";
import { groupMembers } from "../../src/platform/child";
import { resolveConfig } from "../../src/platform/config";
import { type PlatformHandle, REPO_ROOT, startPlatform } from "../../src/platform/platform";
import { resolvePorts } from "../../src/platform/ports";

const METER = "KFM1000000001";
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;
const dataDir = mkdtempSync(join(tmpdir(), "omdp-keeps-running-"));
const lines: string[] = [];
let p: PlatformHandle | undefined;
let cli: ReturnType<typeof spawn> | undefined;

afterAll(async () => {
  await p?.stop().catch(() => {});
  if (cli && cli.exitCode === null) {
    cli.kill("SIGINT");
    await once(cli, "exit");
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Alive and not a zombie (a non-reaping PID 1 leaves zombies of orphans; they are dead). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !["Z", "X"].includes(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]!);
  } catch {
    return false;
  }
}

async function json(
  url: string,
  token: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Body }> {
  try {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      signal: AbortSignal.timeout(5_000),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return { status: 0, body: null };
  }
}

/** Polls `probe` until it gives a value that `ok` accepts (bounded); returns that value. */
async function poll<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number, what: string): Promise<T> {
  let last: T | undefined;
  let busy = false;
  let done = false;
  await until(
    () => {
      if (!busy && !done) {
        busy = true;
        void probe().then((v) => {
          last = v;
          done = ok(v);
          busy = false;
        });
      }
      return done;
    },
    ms,
    what,
    200,
  );
  return last as T;
}

// biome-ignore lint/suspicious/noExplicitAny: API answers are read field by field in the assertions
type Body = any;

interface Interval {
  intervalStart: string;
  flags: string[];
}

const edgeIntervals = async (apiPort: number, token: string, simMs: number): Promise<Interval[]> => {
  const q = `from=${new Date(simMs - 86_400_000).toISOString()}&to=${new Date(simMs + 86_400_000).toISOString()}`;
  const r = await json(`http://127.0.0.1:${apiPort}/api/meters/${METER}/intervals?${q}`, token);
  // the intervals page envelope of @omdp/series (items, continuationToken)
  return r.status === 200 ? (r.body.items as Interval[]) : [];
};

/** Every file and folder under `dir` with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    out.push({ path, dir: st.isDirectory(), mode: st.mode & 0o777 });
    if (st.isDirectory()) out.push(...modes(path));
  }
  return out;
}

describe("the platform keeps running (speed 60, SIGKILL, private files, tokens)", () => {
  it("starts at --speed 60 and intervals reach the sharing API", { timeout: 150_000 }, async () => {
    const cfg = resolveConfig(
      undefined,
      { PATH: process.env.PATH, HOME: process.env.HOME },
      {
        ports: { app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 },
        dataDir,
        speed: 60,
        build: false,
        logFormat: "json",
        telegramLog: true,
        backfill: "0", // this test is about the live run (the backfill has its own: tests/e2e/backfill)
      },
      REPO_ROOT,
    );
    p = await startPlatform(cfg, { write: (l) => lines.push(l), readyTimeoutMs: 60_000 });
    for (const c of ["cloud", "meters", "edge"] as const) expect(p.status[c].state).toBe("running");
    const h = p;
    // Meter time starts at wall now and runs 60x: every reading is "ahead" of the wall clock.
    const got = await poll(
      () => edgeIntervals(h.config.ports.edgeApi, h.edgeToken(), simNow(h.simEpoch)),
      (v) => v.length >= 1,
      90_000,
      "an interval in the sharing API",
    );
    expect(Date.parse(got[0]!.intervalStart)).toBeGreaterThanOrEqual(h.simEpoch.simMs - 900_000);
    expect(lines.join("")).not.toContain("reading from the future rejected");
  });

  it("creates every data file 0600 and every folder 0700", () => {
    const all = modes(dataDir);
    for (const f of ["cloud.db", "sharing.db", "analytics.db", "keys.json", "tokens.json", "telegrams.jsonl"])
      expect(all.some((e) => e.path.endsWith(f))).toBe(true);
    const loose = all.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600));
    expect(loose.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it("logs no token; the 0600 tokens file holds tokens the cloud accepts", async () => {
    const h = p!;
    const file = JSON.parse(readFileSync(h.tokensFile, "utf8")) as {
      cloud: Record<string, string>;
      edge: string;
    };
    expect(Object.keys(file.cloud).sort()).toEqual(["hh-1", "hh-2"]);
    expect(file.cloud["hh-1"]).toMatch(JWT);
    const log = lines.join("");
    expect(log).not.toMatch(JWT);
    expect(log).not.toContain(file.edge);
    const ok = await json(
      `http://127.0.0.1:${h.config.ports.cloud}/api/meters/${METER}`,
      file.cloud["hh-1"]!,
    );
    expect(ok.status).toBe(200);
    const wrong = await json(`http://127.0.0.1:${h.config.ports.cloud}/api/meters/${METER}`, "not-a-token");
    expect(wrong.status).toBe(401);
  });

  it("restarts a SIGKILLed cloud; intervals reach it again", { timeout: 150_000 }, async () => {
    const h = p!;
    const cloudUrl = `http://127.0.0.1:${h.config.ports.cloud}`;
    const count = async () => {
      const sim = simNow(h.simEpoch);
      const q = `from=${new Date(sim - 86_400_000).toISOString()}&to=${new Date(sim + 86_400_000).toISOString()}&resolution=PT15M`;
      const token = h.cloudTokens()["hh-1"] ?? "";
      const r = await json(`${cloudUrl}/api/meters/${METER}/readings?${q}`, token);
      return r.status === 200 ? (r.body.items as unknown[]).length : -1;
    };
    const before = await poll(count, (n) => n >= 1, 60_000, "an interval in the cloud");
    const pid = h.status.cloud.pid!;
    process.kill(pid, "SIGKILL");
    await until(
      () => h.status.cloud.state === "running" && h.status.cloud.pid !== pid,
      60_000,
      "the cloud restarted",
      100,
    );
    expect(h.status.cloud.restarts).toBe(1);
    expect(running(pid)).toBe(false);
    await poll(count, (n) => n > before, 90_000, "a new interval in the restarted cloud");
    expect(lines.join("")).toMatch(
      /cloud exited unexpectedly \(code null, signal SIGKILL\); restart 1 in \d+ ms/,
    );
  });

  it("restarts a SIGKILLed hub without leaving its modules behind; readings flow again", {
    timeout: 150_000,
  }, async () => {
    const h = p!;
    const pid = h.status.edge.pid!;
    // The hub's group: the hub and its four module processes (mbusReader, analytics, events, sharing).
    const members = groupMembers(pid);
    expect(members.length).toBeGreaterThanOrEqual(5);
    const latest = async () => {
      const r = await json(
        `http://127.0.0.1:${h.config.ports.edgeApi}/api/meters/${METER}/latest`,
        h.edgeToken(),
      );
      return r.status === 200 ? Date.parse(r.body.reading.readingTime as string) : 0;
    };
    const before = await poll(latest, (t) => t > 0, 30_000, "a reading at the edge");
    process.kill(pid, "SIGKILL");
    await until(
      () => h.status.edge.state === "running" && h.status.edge.pid !== pid,
      90_000,
      "the hub restarted",
      100,
    );
    expect(members.filter(running)).toEqual([]);
    expect(h.status.edge.restarts).toBe(1);
    await poll(latest, (t) => t > before, 60_000, "a new reading after the hub restart");
    const health = await json(`http://127.0.0.1:${h.config.ports.edgeApi}/api/health`, "");
    expect(health).toMatchObject({ status: 200, body: { hub: "connected" } });
  });

  it("stops with no process of any component left", { timeout: 60_000 }, async () => {
    const h = p!;
    const groups = h.pids();
    const members = groups.flatMap(groupMembers);
    expect(members.length).toBeGreaterThanOrEqual(7);
    await h.stop();
    p = undefined;
    expect(members.filter(running)).toEqual([]);
  });

  it("`omdp start --speed 60` on the same data dir continues simulated time: new intervals, none late", {
    timeout: 180_000,
  }, async () => {
    const recorded = JSON.parse(readFileSync(join(dataDir, "sim", "clock.json"), "utf8")).simMs as number;
    const firstRun = JSON.parse(readFileSync(join(dataDir, "tokens.json"), "utf8")).edge as string;
    const old = recorded;
    const ports = await resolvePorts({ app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 }, [
      "app",
      "cloud",
      "edgeApi",
      "edgeMqtt",
      "edgeAdmin",
      "simTcp",
    ]);
    let out = "";
    cli = spawn(
      process.execPath,
      [
        join(REPO_ROOT, "packages/cli/bin/omdp.js"),
        "start",
        "--speed",
        "60",
        "--json-logs",
        "--no-build",
        "--data-dir",
        dataDir,
      ],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          OMDP_APP_PORT: String(ports.app),
          OMDP_CLOUD_PORT: String(ports.cloud),
          OMDP_EDGE_API_PORT: String(ports.edgeApi),
          OMDP_EDGE_MQTT_PORT: String(ports.edgeMqtt),
          OMDP_EDGE_ADMIN_PORT: String(ports.edgeAdmin),
          OMDP_SIM_TCP_PORT: String(ports.simTcp),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    cli.stdout!.on("data", (c) => {
      out += c;
    });
    cli.stderr!.on("data", (c) => {
      out += c;
    });
    await until(() => out.includes("Press Ctrl-C to stop."), 120_000, "the banner", 100);
    expect(out).toContain("simulated time continues from");
    expect(out).toContain(`Tokens      ${join(dataDir, "tokens.json")}`);
    const token = JSON.parse(readFileSync(join(dataDir, "tokens.json"), "utf8")).edge as string;
    expect(token).not.toBe("");
    const newer = await poll(
      async () =>
        (await edgeIntervals(ports.edgeApi, token, old)).filter((i) => Date.parse(i.intervalStart) >= old),
      (v) => v.length >= 1,
      90_000,
      "an interval after the recorded simulated time",
    );
    expect(newer.flatMap((i) => i.flags)).not.toContain("late");
    const status = await json(`http://127.0.0.1:${ports.edgeAdmin}/modules/analytics/methods/getStatus`, "", {
      method: "POST",
      body: "{}",
    });
    expect(status.status).toBe(200);
    const counters = status.body.payload.counters as Record<string, number>;
    expect(counters.accepted).toBeGreaterThan(0);
    expect({ late: counters.late, future: counters.future }).toEqual({ late: 0, future: 0 });
    expect(out).not.toMatch(JWT);
    expect(out).not.toContain(token);
    expect(out).not.toContain(firstRun);
    cli.kill("SIGINT");
    const [code] = await once(cli, "exit");
    expect(out).toContain("stopped, no process left");
    expect(code).toBe(0);
  });
});
