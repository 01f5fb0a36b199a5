import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import type { Event } from "@omdp/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DesiredConfig } from "../src/config";
import { setupEvents } from "../src/module";
import { EventsService, type Sender } from "../src/service";
import { SnapshotFile } from "../src/snapshot";
import { power } from "./helpers";

const log = createLogger("test", { write: () => {} });
const T0 = Date.parse("2026-05-04T12:00:00Z");
const HIGH = { id: "high", kind: "powerAbove", thresholdW: 3000, forSeconds: 0, clearForSeconds: 0 };

class Collect implements Sender {
  readonly sent: Event[] = [];
  failing = false;
  async send(_output: string, body: unknown): Promise<void> {
    if (this.failing) throw new Error("edge hub unreachable");
    this.sent.push(body as Event);
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-events-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const open = (sender: Sender, config = DesiredConfig.parse({ rules: [HIGH] })) =>
  new EventsService(new SnapshotFile(join(dir, "events.json")), sender, log, config, () => T0);

describe("EventsService", () => {
  it("survives a restart: a firing alert does not fire again, and resolves after it", async () => {
    const sender = new Collect();
    const a = open(sender);
    a.setConfig(DesiredConfig.parse({ rules: [HIGH] }));
    await a.reading(power("m1", T0, 5000));
    expect(sender.sent.map((e) => e.type)).toEqual(["threshold.power.exceeded"]);
    const b = open(sender);
    b.setConfig(DesiredConfig.parse({ rules: [HIGH] }));
    await b.reading(power("m1", T0 + 1000, 5000));
    await b.reading(power("m1", T0 + 2000, 1000));
    expect(sender.sent.map((e) => e.type)).toEqual(["threshold.power.exceeded", "threshold.power.normal"]);
    expect(sender.sent[1]!.details.resolves).toBe(sender.sent[0]!.id);
  });

  it("keeps events while the edge hub is unreachable and sends them once, in order", async () => {
    const sender = new Collect();
    sender.failing = true;
    const a = open(sender);
    await a.reading(power("m1", T0, 5000));
    await a.reading(power("m1", T0 + 1000, 100));
    expect(a.state.outbox).toHaveLength(2);
    sender.failing = false;
    const b = open(sender); // after a restart
    await b.flush();
    await b.flush();
    expect(sender.sent.map((e) => e.type)).toEqual(["threshold.power.exceeded", "threshold.power.normal"]);
    expect(b.state.outbox).toEqual([]);
  });

  it("rules from the app replace the twin's, are persisted, and new twin rules win again", async () => {
    const sender = new Collect();
    const a = open(sender);
    a.setConfig(DesiredConfig.parse({ rules: [HIGH] }));
    const res = await a.control({
      kind: "control",
      action: "setRules",
      rules: [{ ...HIGH, id: "app", thresholdW: 9000 }],
    });
    expect(res.ok).toBe(true);
    expect(a.report().rulesSource).toBe("app");
    const b = open(sender);
    b.setConfig(DesiredConfig.parse({ rules: [HIGH] })); // the same twin rules as before: app rules stay
    expect(b.rules().map((r) => r.id)).toEqual(["app"]);
    await b.reading(power("m1", T0, 5000));
    expect(sender.sent).toEqual([]); // 5 kW is below the app's 9 kW
    b.setConfig(DesiredConfig.parse({ rules: [{ ...HIGH, thresholdW: 4000 }] }));
    expect(b.report().rulesSource).toBe("twin");
    await b.reading(power("m1", T0 + 1000, 5000));
    expect(sender.sent.map((e) => e.details.ruleId)).toEqual(["high"]);
  });

  it("refuses invalid control messages with a message and acknowledges known events", async () => {
    const sender = new Collect();
    const a = open(sender);
    expect((await a.control({ action: "setRules", rules: [{ id: "x", kind: "powerAbove" }] })).ok).toBe(
      false,
    );
    expect(await a.control({ action: "ackEvent", eventId: "nope" })).toEqual({
      ok: false,
      message: "unknown event nope",
    });
    await a.reading(power("m1", T0, 5000));
    expect(await a.control({ action: "ackEvent", eventId: sender.sent[0]!.id })).toEqual({ ok: true });
    expect(a.report().activeAlerts[0]!.acked).toBe(true);
  });

  it("judges silence on the gateway clock: a replay of old readings is not offline, real silence is", async () => {
    const sender = new Collect();
    let now = Date.parse("2026-11-26T12:00:00Z");
    const svc = new EventsService(
      new SnapshotFile(join(dir, "events.json")),
      sender,
      log,
      DesiredConfig.parse({ rules: [{ id: "silent", kind: "meterSilent", minutes: 15 }] }),
      () => now,
    );
    for (let m = 0; m < 60; m += 5) {
      await svc.reading(power("m1", Date.parse("2026-01-15T09:00:00Z") + m * 60_000, 100));
      now += 1000;
      await svc.tick();
    }
    expect(sender.sent).toEqual([]);
    now += 15 * 60_000;
    await svc.tick();
    expect(sender.sent.map((e) => [e.type, e.details.lastSeen])).toEqual([
      ["meter.offline", "2026-01-15T09:55:00.000Z"],
    ]);
  });

  it("keeps a corrupt snapshot aside and starts empty", () => {
    writeFileSync(join(dir, "events.json"), "{ torn");
    const a = open(new Collect());
    expect(a.state.alerts).toEqual({});
    expect(readdirSync(dir).some((f) => f.startsWith("events.json.corrupt-"))).toBe(true);
  });
});

describe("events module wiring", () => {
  it("routes inputs to rules, sends Events on `alerts`, reports rules, takes setRules on `control`", async () => {
    const host = new RecordingModuleHost();
    const running = await setupEvents(host, log, { dataDir: dir, tickMs: 60_000 });
    await host.setDesired({ rules: [HIGH] });
    await host.deliver("readings", power("m1", T0, 5000));
    expect(host.sent.map((s) => [s.output, (s.body as Event).type, s.properties])).toEqual([
      ["alerts", "threshold.power.exceeded", { kind: "event", meterId: "m1" }],
    ]);
    await host.deliver("control", {
      kind: "control",
      action: "setRules",
      rules: [{ id: "quiet", kind: "meterSilent", minutes: 5 }],
    });
    const last = host.reported[host.reported.length - 1] as {
      events: { rulesSource: string; rules: { id: string }[] };
    };
    expect(last.events.rulesSource).toBe("app");
    expect(last.events.rules.map((r) => r.id)).toEqual(["quiet"]);
    expect((await host.invoke("ackEvent", { eventId: "" })).status).toBe(400);
    await running.stop();
  });
});
