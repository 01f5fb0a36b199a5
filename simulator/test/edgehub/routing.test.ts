import type { InboundMessage } from "@omdp/edge-module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub, until } from "./helpers";

describe("edge hub with the real SDK: routing", () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("routes a module output to the routed modules' inputs, keeping properties and content type", async () => {
    const reader = await t.connect("mbusReader");
    const analytics = await t.connect("analytics");
    const events = await t.connect("events");
    const got: InboundMessage[] = [];
    const gotEvents: InboundMessage[] = [];
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    events.onInput("readings", (m) => {
      gotEvents.push(m);
    });
    await until(() => t.hub.connected().length === 3, 5_000, "three modules");
    await reader.send("readings", { meterId: "m-1", values: [1, 2] }, { kind: "reading", meterId: "m-1" });
    await until(() => got.length === 1 && gotEvents.length === 1, 5_000, "routed message");
    expect(got[0]!.body).toEqual({ meterId: "m-1", values: [1, 2] });
    expect(got[0]!.properties.kind).toBe("reading");
    expect(got[0]!.properties.meterId).toBe("m-1");
    expect(got[0]!.properties["$.cmid"]).toBe("mbusReader");
    expect(got[0]!.contentType).toBe("application/json");
    expect(got[0]!.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
