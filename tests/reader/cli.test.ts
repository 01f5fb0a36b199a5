/**
 * The user's path: `omdp simulate --tcp 0 --keys-out F --config-out C` in one process, `omdp read --config C`
 * in another; readings come out as JSON lines on stdout, diagnostics as JSON lines on stderr. And
 * `omdp simulate --hex` prints telegrams the codec decodes with the keys it wrote.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodePush } from "@omdp/dlms";
import { decodeTelegramHex } from "@omdp/mbus";
import { MeterReading } from "@omdp/model";
import { afterAll, describe, expect, it } from "vitest";
import * as read from "../../packages/cli/src/commands/read";
import * as simulate from "../../packages/cli/src/commands/simulate";
import { waitFor } from "./helpers";

const BIN = join(import.meta.dirname, "../../packages/cli/bin/omdp.js");
const dir = mkdtempSync(join(tmpdir(), "omdp-cli-"));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      const gone = new Promise((r) => c.once("exit", r));
      c.kill("SIGTERM");
      await gone;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function omdp(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d) => (out.stdout += String(d)));
  child.stderr!.on("data", (d) => (out.stderr += String(d)));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, out, exited };
}

describe("omdp simulate / omdp read", () => {
  it("simulate on a TCP port, read with the written config: readings as JSON lines", async () => {
    const keys = join(dir, "keys.json");
    const config = join(dir, "reader.json");
    const sim = omdp([
      "simulate",
      "--meters",
      "2",
      "--tcp",
      "0",
      "--speed",
      "50",
      "--keys-out",
      keys,
      "--config-out",
      config,
    ]);
    expect(await waitFor(() => sim.out.stdout.includes("\n"), 20_000)).toBe(true);
    const info = JSON.parse(sim.out.stdout.split("\n")[0]!) as {
      meters: string[];
      transport: { port: number };
    };
    expect(info.meters).toEqual(["KFM1000000001", "KFM1000000002"]);
    expect(JSON.parse(readFileSync(config, "utf8")).transport.port).toBe(info.transport.port);
    const read = omdp(["read", "--config", config, "--diagnostics-every", "0.5"]);
    expect(await waitFor(() => read.out.stdout.split("\n").length > 6, 20_000)).toBe(true);
    const lines = read.out.stdout.split("\n").filter(Boolean).slice(0, 6);
    for (const l of lines) expect(MeterReading.safeParse(JSON.parse(l)).success).toBe(true);
    expect(new Set(lines.map((l) => JSON.parse(l).meterId))).toEqual(new Set(info.meters));
    expect(await waitFor(() => read.out.stderr.includes('"kind":"diagnostics"'), 5000)).toBe(true);
    // keys never reach the output
    for (const k of Object.values(JSON.parse(readFileSync(keys, "utf8")) as Record<string, string>)) {
      expect(read.out.stdout + read.out.stderr).not.toContain(k);
    }
    read.child.kill("SIGTERM");
    sim.child.kill("SIGTERM");
    expect(await read.exited).toBe(0);
    expect(await sim.exited).toBe(0);
  });

  it("simulate --hex: one telegram per line that the codec decodes (DLMS with --keys-out, M-Bus as is)", async () => {
    const keys = join(dir, "hexkeys.json");
    const dlms = await inProcess(simulate, [
      "--meters",
      "2",
      "--hex",
      "--duration",
      "30s",
      "--keys-out",
      keys,
      "--seed",
      "3",
    ]);
    expect(dlms.status).toBe(0);
    const k = JSON.parse(readFileSync(keys, "utf8")) as Record<string, string>;
    const lines = dlms.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBe(12); // 2 meters, a push every 5 s, 30 s
    for (const line of lines) {
      const ok = Object.values(k).some(
        (key) => decodePush(Buffer.from(line, "hex"), { key: Buffer.from(key, "hex") }).ok,
      );
      expect(ok).toBe(true);
    }
    const mbus = await inProcess(simulate, ["--meters", "4", "--kind", "mbus", "--hex", "--duration", "10s"]);
    expect(mbus.status).toBe(0);
    const frames = mbus.stdout.split("\n").filter(Boolean);
    expect(frames.length).toBe(3 * 6); // 3 steps x (electricity 2 + water 1 + heat 2 + gas 1)
    for (const f of frames) expect(decodeTelegramHex(f).ok).toBe(true);
  });

  it("rejects bad options with exit status 2", async () => {
    expect((await inProcess(read, ["--tcp", "nohostport"])).status).toBe(2);
    expect((await inProcess(read, [])).status).toBe(2);
    expect((await inProcess(simulate, ["--kind", "water"])).status).toBe(2);
    expect((await inProcess(simulate, ["--tcp", "1", "--hex"])).status).toBe(2);
    expect((await inProcess(simulate, ["--duration", "soon", "--hex"])).status).toBe(2);
    // an output that cannot open is one line and status 1, not a stack trace
    const blocked = await inProcess(simulate, ["--serial", "/proc/omdp-no-such-dir/ttyA", "--duration", "1"]);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/^omdp simulate: /);
  });
});

/** Runs a command module in this process, capturing what it writes. */
async function inProcess(cmd: { run(argv: string[]): Promise<number> }, argv: string[]) {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const status = await cmd.run(argv);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
