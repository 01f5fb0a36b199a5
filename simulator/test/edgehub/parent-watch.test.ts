import { spawn } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { watchParent } from "@omdp/edge-module";
import { describe, expect, it } from "vitest";
import { until } from "./helpers";

const HUB = join(import.meta.dirname, "fixtures", "supervising-hub.ts");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("modules end with their hub", () => {
  it("watchParent fires once when stdin ends, and only when the hub asked for it", () => {
    const pipe = new PassThrough();
    let calls = 0;
    watchParent(() => calls++, { OMDP_EXIT_WITH_PARENT: "1" }, pipe);
    pipe.end();
    pipe.emit("close");
    return until(() => calls > 0, 2_000, "the watch").then(() => expect(calls).toBe(1));
  });

  it("ignores stdin without OMDP_EXIT_WITH_PARENT (IoT Edge runs modules without it)", async () => {
    const pipe = new PassThrough();
    let calls = 0;
    watchParent(() => calls++, {}, pipe);
    pipe.end();
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(0);
    expect(pipe.listenerCount("end")).toBe(0);
  });

  it("a module started by the supervisor dies when the hub is SIGKILLed (no exit handler runs)", async () => {
    // the supervisor forwards a module's output to the hub's stderr, prefixed with its name
    const hub = spawn(process.execPath, ["--import", "tsx", HUB], { stdio: ["ignore", "ignore", "pipe"] });
    let out = "";
    hub.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    await until(() => /"pid":\d+/.test(out), 20_000, "the module's pid");
    const child = (JSON.parse(out.slice(out.indexOf("{"), out.indexOf("}") + 1)) as { pid: number }).pid;
    expect(alive(child)).toBe(true);
    hub.kill("SIGKILL");
    await until(() => !alive(child), 10_000, "the module to end with its hub");
    expect(alive(child)).toBe(false);
  }, 40_000);
});
