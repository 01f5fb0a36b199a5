import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Store } from "@omdp/functions";
import { type IntervalRecord, intervalId } from "@omdp/model";
import { type CloudHost, startCloudHost } from "../../src/cloudhost/index";

export interface TestHost extends CloudHost {
  readonly dir: string;
  admin: string;
  close(): Promise<void>;
}

/** A host on a free port with its own temp data dir, two households seeded from a config file. */
export async function startTestHost(env: Record<string, string> = {}, store?: Store): Promise<TestHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-cloudhost-"));
  const configPath = path.join(dir, "omdp.config.json");
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      households: [
        {
          id: "hh-1",
          timeZone: "Europe/Vienna",
          meters: [
            { id: "m-1", kind: "dlms" },
            { id: "m-2", kind: "mbus" },
          ],
        },
        { id: "hh-2", timeZone: "UTC", meters: [{ id: "m-3", kind: "dlms" }] },
      ],
      edge: { deviceId: "edge-local" },
    }),
  );
  const host = await startCloudHost({
    port: 0,
    configPath,
    ...(store ? { store } : {}),
    env: { OMDP_DATA_DIR: dir, REGISTRY_CACHE_SECONDS: "0", ...env },
    log: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
  });
  const admin = await host.issueToken({ sub: "admin", role: "admin" });
  return {
    ...host,
    dir,
    admin,
    async close() {
      await host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function interval(meterId: string, start: string, importWh: number, minutes = 15): IntervalRecord {
  const s = Date.parse(start);
  const intervalStart = new Date(s).toISOString();
  return {
    schemaVersion: 1,
    id: intervalId(meterId, minutes === 60 ? "PT1H" : "PT15M", intervalStart),
    meterId,
    resolution: minutes === 60 ? "PT1H" : "PT15M",
    intervalStart,
    intervalEnd: new Date(s + minutes * 60_000).toISOString(),
    energyImportedWh: importWh,
    energyExportedWh: 0,
    powerMinW: importWh * 2,
    powerAvgW: importWh * 4,
    powerMaxW: importWh * 6,
    registers: { "1-0:1.8.0": 1_000_000 + importWh },
    sampleCount: 15,
    quality: "complete",
    flags: [],
  };
}

/** An Event Hub message as the edge hub's $upstream sink posts it. */
export function message(body: unknown, kind: string, deviceId = "edge-local", seq = 0) {
  return {
    body,
    properties: { kind },
    systemProperties: {
      "iothub-connection-device-id": deviceId,
      "iothub-connection-module-id": "sharing",
      "iothub-enqueuedtime": "2026-01-01T00:00:00.000Z",
      "message-id": `msg-${seq}`,
      "x-opt-sequence-number": seq,
    },
  };
}

export async function ingest(host: CloudHost, messages: unknown[]): Promise<Response> {
  return fetch(`${host.url}/runtime/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages }),
  });
}

// biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
type Json = any;

export async function get(
  host: CloudHost,
  p: string,
  token?: string,
): Promise<{ status: number; type: string; body: Json }> {
  const res = await fetch(`${host.url}${p}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: text ? JSON.parse(text) : undefined,
  };
}

/** A day of 15-minute intervals from `start` (UTC), energy 100 + index Wh. */
export function day(meterId: string, start: string): IntervalRecord[] {
  return Array.from({ length: 96 }, (_, i) =>
    interval(meterId, new Date(Date.parse(start) + i * 900_000).toISOString(), 100 + i),
  );
}
