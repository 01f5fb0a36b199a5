import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningModule, startModule } from "@omdp/edge-module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub, until } from "./helpers";

const Config = z.object({
  resolution: z.enum(["PT1M", "PT15M", "PT1H"]).default("PT15M"),
  maxGapSeconds: z.number().int().min(1).default(300),
});
type Config = z.infer<typeof Config>;

describe("edge hub with the real SDK: twin and direct methods", () => {
  let t: TestHub;
  let mod: RunningModule;
  const applied: Config[] = [];

  beforeAll(async () => {
    t = await startTestHub();
    mod = await startModule(
      "analytics",
      (host) => {
        host.onDesired(Config, (c) => {
          applied.push(c);
        });
        host.onMethod("echo", z.object({ text: z.string().min(1) }), (p) => ({ echoed: p.text }));
        host.onMethod("fail", z.object({}), () => {
          throw new Error("store unavailable");
        });
      },
      { connectionString: t.hub.connectionStringFor("analytics"), ca: t.hub.ca, logger: quiet },
    );
  });
  afterAll(async () => {
    await mod?.stop();
    await t?.close();
  });

  it("delivers the manifest's desired properties at start", async () => {
    await until(() => applied.length >= 1, 5_000, "initial config");
    expect(applied[0]).toEqual({ resolution: "PT15M", maxGapSeconds: 300 });
  });

  it("keeps sharing's short upstream period locally although the production manifest sets 7200 s", () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "deployment.template.json"), "utf8"));
    expect(manifest.modulesContent.sharing["properties.desired"].cloud.batchSeconds).toBe(7200);
    expect(t.hub.twin("sharing").desired.cloud).toMatchObject({ enabled: true, batchSeconds: 0 });
  });

  it("pushes a desired patch, merged, and reports it applied", async () => {
    const version = t.hub.patchDesired("analytics", { resolution: "PT1H" });
    await until(() => applied.some((c) => c.resolution === "PT1H"), 5_000, "patched config");
    expect(applied.at(-1)).toEqual({ resolution: "PT1H", maxGapSeconds: 300 });
    await until(
      () =>
        (t.hub.twin("analytics").reported.config as { version?: number } | undefined)?.version === version,
      5_000,
      "reported config",
    );
    expect(t.hub.twin("analytics").reported.config).toMatchObject({ status: "applied", version });
  });

  it("does not apply an invalid patch and reports why", async () => {
    const before = applied.length;
    const version = t.hub.patchDesired("analytics", { maxGapSeconds: -5 });
    await until(
      () =>
        (t.hub.twin("analytics").reported.config as { version?: number } | undefined)?.version === version,
      5_000,
      "rejection reported",
    );
    const reported = t.hub.twin("analytics").reported.config as { status: string; error: string };
    expect(reported.status).toBe("rejected");
    expect(reported.error).toContain("maxGapSeconds");
    expect(applied.length).toBe(before);
  });

  it("reports running status in reported properties", () => {
    expect(t.hub.twin("analytics").reported.status).toBe("running");
  });

  it("answers a direct method with 200 and the result", async () => {
    expect(await t.hub.invoke("analytics", "echo", { text: "hi" })).toEqual({
      status: 200,
      payload: { echoed: "hi" },
    });
  });

  it("answers 400 with a message for a bad payload", async () => {
    const r = await t.hub.invoke("analytics", "echo", { text: 5 });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.payload)).toContain("text");
  });

  it("answers 500 when the handler throws", async () => {
    const r = await t.hub.invoke("analytics", "fail", {});
    expect(r).toEqual({
      status: 500,
      payload: { error: { code: "method.failed", message: "store unavailable" } },
    });
  });

  it("invokes through the admin HTTP endpoint", async () => {
    const res = await fetch(`http://127.0.0.1:${t.hub.adminPort}/modules/analytics/methods/echo`, {
      method: "POST",
      body: JSON.stringify({ text: "via admin" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 200, payload: { echoed: "via admin" } });
  });

  it("answers 404 for a module that is not connected", async () => {
    expect((await t.hub.invoke("events", "getStatus", {})).status).toBe(404);
  });
});
