import type { InboundMessage } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import fc from "fast-check";
import mqtt from "mqtt";
import { generate, type IConnectPacket } from "mqtt-packet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSasToken, createSasToken, generateKey, readSasToken } from "../../src/edgehub/index";
import { startTestHub, type TestHub, until } from "./helpers";
import { sendRaw } from "./raw-mqtt";

const HOST = "omdp-local.azure-devices.net";
const MODULE = "edge-local/events";
const USERNAME = `${HOST}/${MODULE}/?api-version=2021-04-12`;

/** Field values that break percent-decoding, the issue's repro first. */
const BAD_ENCODINGS = ["%E0%A4%A", "%", "%ZZ", "%E0", "%C0%AF", "%ED%A0%80", "%%", "%0"];

function connectPacket(clientId: string, username?: string, password?: string): Buffer {
  return generate({
    cmd: "connect",
    protocolId: "MQTT",
    protocolVersion: 4,
    clean: false,
    keepalive: 60,
    clientId,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password: Buffer.from(password) } : {}),
  });
}

describe("SAS parser on malformed tokens", () => {
  const key = generateKey();
  const uri = `${HOST}/devices/edge-local/modules/events`;

  it("reports bad percent-encoding in sig and sr as 'malformed' naming the field, without the value", () => {
    const sig = readSasToken("SharedAccessSignature sr=a&sig=s3cr3t%E0%A4%A&se=1");
    expect(sig.ok).toBe(false);
    if (sig.ok) return;
    expect(sig.error.reason).toBe("malformed");
    expect(sig.error.evidence.field).toBe("sig");
    expect(sig.error.message).not.toContain("s3cr3t");
    const sr = checkSasToken("SharedAccessSignature sr=%E0%A4%A&sig=abc&se=9999999999", uri, key, 0);
    expect(sr.ok).toBe(false);
    if (!sr.ok) expect([sr.error.reason, sr.error.evidence.field]).toEqual(["malformed", "sr"]);
  });

  it("never throws, whatever the token text (a valid token still checks out)", () => {
    const field = fc.oneof(fc.constantFrom(...BAD_ENCODINGS), fc.string({ unit: "binary", maxLength: 30 }));
    const token = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .tuple(field, field, fc.oneof(field, fc.integer().map(String)), fc.boolean())
        .map(
          ([sr, sig, se, skn]) =>
            `SharedAccessSignature sr=${sr}&sig=${sig}&se=${se}${skn ? `&skn=${sig}` : ""}`,
        ),
    );
    fc.assert(
      fc.property(token, (t) => {
        const r = checkSasToken(t, uri, key, 0);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
    expect(checkSasToken(createSasToken(uri, key, 2_000_000_000), uri, key, 0).ok).toBe(true);
  });
});

describe("the hub's unauthenticated MQTT surface, fuzzed with raw CONNECT packets", () => {
  let t: TestHub;
  const lines: string[] = [];
  beforeAll(async () => {
    // A short CONNECT timeout: a packet the parser cannot finish must still end in a closed connection.
    t = await startTestHub({
      connectTimeoutMs: 500,
      logger: createLogger("hub", { level: "warn", write: (l) => lines.push(l) }),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a known module's CONNECT whose SAS fields are badly percent-encoded (CONNACK 5), counted and logged without the secret", async () => {
    const before = t.hub.counters().refusedConnections;
    for (const password of [
      "SharedAccessSignature sr=%E0%A4%A&sig=s3cr3t%E0%A4%A&se=9999999999",
      `SharedAccessSignature sr=${encodeURIComponent(`${HOST}/devices/edge-local/modules/events`)}&sig=s3cr3t%E0%A4%A&se=9999999999`,
    ]) {
      const outcome = await sendRaw(t.hub.mqttPort, t.hub.ca, connectPacket(MODULE, USERNAME, password));
      expect(outcome.connackCode).toBe(5);
    }
    const counters = t.hub.counters();
    expect(counters.refusedConnections).toBe(before + 2);
    expect(counters.refusedByReason["sas malformed"]).toBe(2);
    const refusals = lines.filter((l) => l.includes("connection refused"));
    expect(refusals.some((l) => l.includes("sas malformed"))).toBe(true);
    expect(lines.some((l) => l.includes("s3cr3t"))).toBe(false);
  });

  it("answers every fuzzed CONNECT with a refusal or a closed connection, never an acceptance, and keeps serving modules", {
    timeout: 120_000,
  }, async () => {
    const knownIds = ["edge-local/events", "edge-local/analytics", "edge-local", "reader-leaf-1", ""];
    const text = fc.string({ unit: "binary", maxLength: 60 });
    const clientId = fc.oneof(fc.constantFrom(...knownIds), text);
    const sasField = fc.oneof(
      fc.constantFrom(...BAD_ENCODINGS),
      text,
      fc.constant(encodeURIComponent(`${HOST}/devices/edge-local/modules/events`)),
      fc.integer().map(String),
    );
    const password = fc.oneof(
      fc.constant(undefined),
      text,
      fc
        .array(fc.tuple(fc.constantFrom("sr", "sig", "se", "skn", "", "x"), sasField), { maxLength: 6 })
        .map((kv) => `SharedAccessSignature ${kv.map(([k, v]) => `${k}=${v}`).join("&")}`),
    );
    const packet = fc.record({
      clientId,
      username: fc.oneof(
        fc.constant(undefined),
        fc.constant(USERNAME),
        clientId.map((c) => `${HOST}/${c}/?api-version=2021-04-12`),
        text,
      ),
      password,
      protocolVersion: fc.constantFrom(3, 4, 5),
      clean: fc.boolean(),
      keepalive: fc.integer({ min: 0, max: 65_535 }),
      will: fc.option(
        fc.record({
          topic: fc.oneof(fc.constant("devices/edge-local/modules/events/messages/events/"), text),
          payload: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
          qos: fc.constantFrom(0, 1, 2),
          retain: fc.boolean(),
        }),
        { nil: undefined },
      ),
      sessionExpiryInterval: fc.option(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { nil: undefined }),
      userProperties: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), {
        nil: undefined,
      }),
    });

    const accepted: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(packet, async (p) => {
        let bytes: Buffer;
        try {
          bytes = generate({
            cmd: "connect",
            protocolId: p.protocolVersion === 3 ? "MQIsdp" : "MQTT",
            protocolVersion: p.protocolVersion as 3 | 4 | 5,
            clean: p.clean,
            keepalive: p.keepalive,
            clientId: p.clientId,
            ...(p.username !== undefined ? { username: p.username } : {}),
            ...(p.password !== undefined ? { password: Buffer.from(p.password) } : {}),
            ...(p.will ? { will: { ...p.will, qos: p.will.qos as 0 | 1 | 2 } } : {}),
            ...(p.protocolVersion === 5
              ? {
                  properties: {
                    ...(p.sessionExpiryInterval !== undefined
                      ? { sessionExpiryInterval: p.sessionExpiryInterval }
                      : {}),
                    ...(p.userProperties ? { userProperties: p.userProperties } : {}),
                  },
                }
              : {}),
          } as IConnectPacket);
        } catch {
          fc.pre(false); // a combination MQTT itself cannot encode (e.g. a password without a username)
          return;
        }
        const outcome = await sendRaw(t.hub.mqttPort, t.hub.ca, bytes);
        if (outcome.connackCode === 0) accepted.push(p);
      }),
      { numRuns: 150 },
    );
    // Truncated and garbage CONNECTs: the stream ends after them.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (tail) => {
        const outcome = await sendRaw(t.hub.mqttPort, t.hub.ca, Buffer.from([0x10, ...tail]), { end: true });
        if (outcome.connackCode === 0) accepted.push(tail);
      }),
      { numRuns: 60 },
    );
    expect(accepted).toEqual([]);
    expect(t.hub.counters().refusedConnections).toBeGreaterThan(0);

    // The hub is still up: a real ModuleClient connects and a message is routed to another.
    const reader = await t.connect("mbusReader");
    const analytics = await t.connect("analytics");
    const got: InboundMessage[] = [];
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    await until(() => t.hub.connected().includes("edge-local/analytics"), 5_000, "analytics connected");
    await reader.send("readings", { meterId: "m-1" }, { kind: "reading" });
    await until(() => got.length === 1, 5_000, "routed message after the fuzzing");
    expect(got[0]!.body).toEqual({ meterId: "m-1" });
  });
});

describe("an authenticated client publishing badly encoded topics", () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is disconnected (no PUBACK) and the hub keeps routing for others", async () => {
    const key = /SharedAccessKey=([^;]+)/.exec(t.hub.connectionStringFor("mbusReader"))![1]!;
    const raw = await mqtt.connectAsync(`mqtts://127.0.0.1:${t.hub.mqttPort}`, {
      clientId: "edge-local/mbusReader",
      username: `${HOST}/edge-local/mbusReader/?api-version=2021-04-12`,
      password: createSasToken(
        `${HOST}/devices/edge-local/modules/mbusReader`,
        key,
        Math.floor(Date.now() / 1000) + 3600,
      ),
      ca: t.hub.ca,
      reconnectPeriod: 0,
    });
    const closed = new Promise<void>((resolve) => raw.once("close", () => resolve()));
    raw.publish("devices/edge-local/modules/mbusReader/messages/events/%24.on=readings&kind=%E0%A4%A", "{}", {
      qos: 1,
    });
    await closed;
    await raw.endAsync(true);

    const reader = await t.connect("mbusReader");
    const analytics = await t.connect("analytics");
    const got: InboundMessage[] = [];
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    await until(() => t.hub.connected().includes("edge-local/analytics"), 5_000, "analytics connected");
    await reader.send("readings", { ok: true }, { kind: "reading" });
    await until(() => got.length === 1, 5_000, "routed message");
    expect(t.hub.counters().received).toBe(1);
  });
});
