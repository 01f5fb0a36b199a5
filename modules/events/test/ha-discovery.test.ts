import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import type { MeterReading } from "@omdp/model";
import { Aedes } from "aedes";
import { connectAsync, type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MqttSettings } from "../src/config";
import { setupEvents } from "../src/module";
import { discoveryFor, statePayload } from "../src/mqtt/discovery";

const log = createLogger("test", { write: () => {} });

/**
 * The Home Assistant MQTT sensor discovery schema, the keys we use
 * (homeassistant/components/mqtt/sensor.py, abbreviations spelled out; strict: unknown keys fail).
 */
const HaId = z.string().regex(/^[a-zA-Z0-9_-]+$/);
const ENERGY_UNITS = ["Wh", "kWh", "MWh", "GWh", "MJ", "GJ"];
const POWER_UNITS = ["mW", "W", "kW", "MW", "GW"];
const HaDevice = z
  .object({
    identifiers: z.union([z.string(), z.array(z.string()).min(1)]),
    name: z.string().min(1),
    manufacturer: z.string().optional(),
    model: z.string().optional(),
    serial_number: z.string().optional(),
    sw_version: z.string().optional(),
    via_device: z.string().optional(),
  })
  .strict();
const HaSensorConfig = z
  .object({
    name: z.string().nullable(),
    unique_id: z.string().min(1),
    state_topic: z.string().regex(/^[^#+]+$/, "a publish topic has no wildcards"),
    value_template: z.string().regex(/^\{\{ value_json\.[a-z_]+ \}\}$/),
    device_class: z.enum(["energy", "power"]),
    state_class: z.enum(["measurement", "total", "total_increasing"]),
    unit_of_measurement: z.string(),
    suggested_display_precision: z.number().int().min(0),
    availability_topic: z.string().regex(/^[^#+]+$/),
    payload_available: z.string(),
    payload_not_available: z.string(),
    device: HaDevice,
    origin: z
      .object({ name: z.string(), sw_version: z.string().optional(), support_url: z.string().optional() })
      .strict(),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Units and state classes Home Assistant accepts per device class (sensor/const.py).
    const units = c.device_class === "energy" ? ENERGY_UNITS : POWER_UNITS;
    if (!units.includes(c.unit_of_measurement))
      ctx.addIssue({ code: "custom", message: `unit ${c.unit_of_measurement}` });
    if (c.device_class === "energy" && c.state_class === "measurement")
      ctx.addIssue({ code: "custom", message: "energy needs total*" });
  });
const DISCOVERY_TOPIC = /^homeassistant\/sensor\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)\/config$/;

function meterReading(
  meterId: string,
  at: string,
  impWh: number,
  expWh: number,
  pImp: number,
  pExp: number,
): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: at,
    receivedAt: at,
    source: { protocol: "dlms", transport: "raw", gatewayId: "gw" },
    values: [
      { property: "1-0:1.8.0", value: impWh, unit: "Wh" },
      { property: "1-0:2.8.0", value: expWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: pImp, unit: "W" },
      { property: "1-0:2.7.0", value: pExp, unit: "W" },
    ],
  };
}

async function waitFor(cond: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Home Assistant discovery payloads (pure)", () => {
  const s = MqttSettings.parse({ enabled: true });
  const r = meterReading("KFM 5:01", "2026-05-04T12:00:00Z", 1_234_567, 89_000, 0, 1500);

  it("one config per sensor the meter can fill, each valid against the discovery schema, field by field", () => {
    const pubs = discoveryFor(s, r, "Main meter");
    expect(pubs.map((p) => p.topic)).toEqual([
      "homeassistant/sensor/omdp/KFM_5_01_energy_import/config",
      "homeassistant/sensor/omdp/KFM_5_01_energy_export/config",
      "homeassistant/sensor/omdp/KFM_5_01_power/config",
    ]);
    for (const p of pubs) {
      expect(p.retain).toBe(true);
      expect(p.topic).toMatch(DISCOVERY_TOPIC);
      const c = HaSensorConfig.parse(JSON.parse(p.payload));
      expect(c.state_topic).toBe("omdp/KFM_5_01/state");
      expect(c.availability_topic).toBe("omdp/omdp/availability");
      expect([c.payload_available, c.payload_not_available]).toEqual(["online", "offline"]);
      expect(c.device).toEqual({
        identifiers: ["omdp_KFM_5_01"],
        name: "Main meter",
        manufacturer: "Open Meter Data Platform",
        model: "Smart meter (DLMS/COSEM)",
        serial_number: "KFM 5:01",
      });
      expect(HaId.parse(c.unique_id)).toBe(`omdp_${p.topic.split("/")[3]}`);
    }
    const [imp, exp, pow] = pubs.map((p) => JSON.parse(p.payload));
    expect([imp.device_class, imp.state_class, imp.unit_of_measurement, imp.value_template]).toEqual([
      "energy",
      "total_increasing",
      "kWh",
      "{{ value_json.energy_import_kwh }}",
    ]);
    expect([exp.device_class, exp.state_class, exp.unit_of_measurement, exp.value_template]).toEqual([
      "energy",
      "total_increasing",
      "kWh",
      "{{ value_json.energy_export_kwh }}",
    ]);
    expect([pow.device_class, pow.state_class, pow.unit_of_measurement, pow.value_template]).toEqual([
      "power",
      "measurement",
      "W",
      "{{ value_json.power_w }}",
    ]);
  });

  it("the state carries what the templates read: kWh with 3 decimals, net power", () => {
    expect(statePayload(r)).toEqual({
      energy_import_kwh: 1234.567,
      energy_export_kwh: 89,
      power_w: -1500,
      power_import_w: 0,
      power_export_w: 1500,
      reading_time: "2026-05-04T12:00:00Z",
    });
  });

  it("a heat or water meter without electricity registers gets no electricity sensors", () => {
    const gas = { ...r, values: [{ property: "7-0:3.0.0", value: 12.5, unit: "m3" }] };
    expect(discoveryFor(s, gas)).toEqual([]);
  });
});

describe("publishing to a real MQTT broker (aedes, in-process)", () => {
  let broker: Aedes;
  let server: Server;
  let url: string;
  const logins: string[] = [];
  /** Topics clients published to the broker (to subscribe only once the retained ones are stored). */
  const published = new Set<string>();
  let dir: string;

  beforeAll(async () => {
    broker = await Aedes.createBroker();
    broker.authenticate = (client, username, password, done) => {
      logins.push(`${client.id}:${username}`);
      done(null, username === "ha" && password?.toString() === "s3cret");
    };
    broker.on("publish", (packet, client) => {
      if (client) published.add(packet.topic);
    });
    server = createServer(broker.handle);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), "omdp-events-mqtt-"));
  });

  afterAll(async () => {
    await new Promise<void>((r) => broker.close(() => r()));
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes discovery, state, events and availability that an mqtt client reads back", async () => {
    const host = new RecordingModuleHost();
    const running = await setupEvents(host, log, { dataDir: dir, tickMs: 60_000 });
    await host.setDesired({
      mqtt: { enabled: true, url, username: "ha", password: "s3cret", clientId: "omdp-test" },
      meters: { m1: { name: "House" } },
      rules: [{ id: "high", kind: "powerAbove", thresholdW: 3000, forSeconds: 0 }],
    });
    await waitFor(() => running.bridge()?.connected === true, "bridge connection");
    expect(logins).toContain("omdp-test:ha");

    await host.deliver("readings", meterReading("m1", "2026-05-04T12:00:00Z", 1_000_500, 2_000, 3500, 0));
    const retained = [
      "homeassistant/sensor/omdp/m1_energy_export/config",
      "homeassistant/sensor/omdp/m1_energy_import/config",
      "homeassistant/sensor/omdp/m1_power/config",
      "omdp/m1/state",
      "omdp/m1/alerts",
      "omdp/omdp/availability",
    ];
    await waitFor(() => retained.every((t) => published.has(t)), "publications at the broker");

    const client: MqttClient = await connectAsync(url, {
      username: "ha",
      password: "s3cret",
      clientId: "reader",
    });
    const got = new Map<string, { payload: string; retain: boolean }[]>();
    client.on("message", (topic, payload, packet) => {
      got.set(topic, [...(got.get(topic) ?? []), { payload: payload.toString(), retain: packet.retain }]);
    });
    await client.subscribeAsync(["homeassistant/#", "omdp/#"], { qos: 1 });
    // Retained messages arrive on subscription.
    await waitFor(() => retained.every((t) => got.has(t)), "retained messages");
    const configs = [...got.keys()].filter((t) => DISCOVERY_TOPIC.test(t)).sort();
    expect(configs).toEqual([
      "homeassistant/sensor/omdp/m1_energy_export/config",
      "homeassistant/sensor/omdp/m1_energy_import/config",
      "homeassistant/sensor/omdp/m1_power/config",
    ]);
    for (const t of configs) {
      const [msg] = got.get(t)!;
      expect(msg!.retain).toBe(true);
      const c = HaSensorConfig.parse(JSON.parse(msg!.payload));
      expect(c.device.name).toBe("House");
    }
    expect(JSON.parse(got.get("omdp/m1/state")![0]!.payload)).toMatchObject({
      energy_import_kwh: 1000.5,
      power_w: 3500,
    });
    expect(got.get("omdp/omdp/availability")![0]!.payload).toBe("online");
    // The rule fired on that reading; the active alert list is retained for late subscribers.
    expect(JSON.parse(got.get("omdp/m1/alerts")![0]!.payload).map((a: { type: string }) => a.type)).toEqual([
      "threshold.power.exceeded",
    ]);

    // Live: a new event and state while subscribed.
    await host.deliver("readings", meterReading("m1", "2026-05-04T12:01:00Z", 1_000_560, 2_000, 100, 0));
    await host.deliver("readings", meterReading("m1", "2026-05-04T12:02:00Z", 1_000_560, 2_000, 100, 0));
    await waitFor(() => (got.get("omdp/m1/event") ?? []).length >= 1, "event message");
    const ev = JSON.parse(got.get("omdp/m1/event")![0]!.payload);
    expect(ev).toMatchObject({ type: "threshold.power.normal", meterId: "m1", severity: "info" });

    // Home Assistant restarts: it announces `online`, discovery is published again.
    const before = got.get("homeassistant/sensor/omdp/m1_power/config")!.length;
    await client.publishAsync("homeassistant/status", "online");
    await waitFor(
      () => got.get("homeassistant/sensor/omdp/m1_power/config")!.length > before,
      "re-discovery",
    );

    // A clean stop leaves `offline` retained.
    await running.stop();
    await waitFor(() => got.get("omdp/omdp/availability")!.some((m) => m.payload === "offline"), "offline");
    await client.endAsync();
  });

  it("refuses wrong credentials: the bridge stays disconnected and drops instead of queueing", async () => {
    const host = new RecordingModuleHost();
    const running = await setupEvents(host, log, { dataDir: dir, tickMs: 60_000 });
    await host.setDesired({
      mqtt: { enabled: true, url, username: "ha", password: "wrong", clientId: "omdp-bad" },
    });
    await waitFor(() => logins.includes("omdp-bad:ha"), "login attempt");
    await host.deliver("readings", meterReading("m2", "2026-05-04T12:00:00Z", 1, 0, 1, 0));
    expect(running.bridge()!.connected).toBe(false);
    expect(running.bridge()!.counters.dropped).toBeGreaterThan(0);
    await running.stop();
  });
});
