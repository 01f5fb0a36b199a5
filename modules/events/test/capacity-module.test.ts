/**
 * The capacity warning through the module's alert paths: the twin gives a household the example
 * Flanders tariff (examples/tariffs/be-flanders.json: 40.4 EUR/kW-year, floor 2.5 kW, VAT 6 %), the
 * warning goes out on `alerts` (to sharing: local store, upstream, cloud alerts) and to Home Assistant
 * over MQTT (a real in-process broker). Figures as in capacity.test.ts, case "will exceed".
 */
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import type { Event, MeterReading } from "@omdp/model";
import { Aedes } from "aedes";
import { connectAsync } from "mqtt";
import { expect, it } from "vitest";
import { setupEvents } from "../src/module";
import { quarter } from "./helpers";

const log = createLogger("test", { write: () => {} });

async function waitFor(cond: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function reading(iso: string, registerWh: number, powerW: number): MeterReading {
  return {
    schemaVersion: 1,
    meterId: "p1",
    readingTime: iso,
    receivedAt: iso,
    source: { protocol: "dsmr", transport: "stream", gatewayId: "gw" },
    values: [
      { property: "1-0:1.8.0", value: registerWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: powerW, unit: "W" },
    ],
  };
}

it("a capacity warning leaves on `alerts` and reaches Home Assistant", async () => {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), "omdp-events-capacity-"));
  const tariff = JSON.parse(
    readFileSync(new URL("../../../examples/tariffs/be-flanders.json", import.meta.url), "utf8"),
  );
  const host = new RecordingModuleHost();
  const running = await setupEvents(host, log, { dataDir: dir, tickMs: 60_000 });
  const client = await connectAsync(url, { clientId: "ha" });
  try {
    const got: Event[] = [];
    client.on("message", (_topic, payload) => got.push(JSON.parse(payload.toString()) as Event));
    await client.subscribeAsync("omdp/p1/event", { qos: 1 });
    await host.setDesired({
      mqtt: { enabled: true, url, clientId: "omdp-capacity" },
      households: { "hh-be": { meters: ["p1"], tariff } },
    });
    await waitFor(() => running.bridge()?.connected === true, "bridge connection");

    await host.deliver("intervals", quarter("p1", Date.parse("2026-03-10T08:00:00Z"), 750)); // 3 kW
    await host.deliver("readings", reading("2026-03-10T09:00:00Z", 10_000, 4000));
    await host.deliver("readings", reading("2026-03-10T09:03:00Z", 10_200, 4000));

    const alerts = host.sentOn("alerts");
    const sent = alerts.map((a) => (a.body as Event).type);
    expect(sent).toEqual(["capacity.peak.set", "capacity.peak.warning"]); // 3 kW is above the 2.5 kW floor
    const warning = alerts[1]!;
    expect(warning.properties).toMatchObject({ kind: "event", meterId: "p1" });
    expect((warning.body as Event).details).toMatchObject({
      ruleId: "capacity-peak",
      householdId: "hh-be",
      projectedKw: 4,
      monthPeakKw: 3,
      minutesLeft: 12,
      currency: "EUR",
      costIncrease: 3.568667,
    });
    await waitFor(() => got.some((e) => e.type === "capacity.peak.warning"), "the warning over MQTT");
    expect(got.find((e) => e.type === "capacity.peak.warning")!.id).toBe((warning.body as Event).id);
  } finally {
    await client.endAsync();
    await running.stop();
    await new Promise<void>((r) => broker.close(() => r()));
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  }
});
