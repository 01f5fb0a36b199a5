import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { call } from "./support/http";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe("/api/health reports the hub connection", () => {
  it("answers 200 while the module's link to the hub is up and 503 while it is down", async () => {
    const up = await call(h.base, "GET", "/api/health");
    expect(up.status).toBe(200);
    expect(up.json).toMatchObject({ status: "ok", hub: "connected" });

    h.host.connected = false;
    const down = await call(h.base, "GET", "/api/health");
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({ status: "unavailable", hub: "disconnected" });

    h.host.connected = true;
    expect((await call(h.base, "GET", "/api/health")).status).toBe(200);
  });
});
