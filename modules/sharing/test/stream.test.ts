import { afterEach, describe, expect, it } from "vitest";
import { reading, tempDir } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call, openSse } from "./support/http";

const open: Harness[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
  for (const c of cleanups.splice(0)) c();
});

async function harness(existing?: { dir: string; clock: { now: number } }): Promise<Harness> {
  const h = await startHarness({}, existing);
  open.push(h);
  return h;
}

describe("GET /api/stream", () => {
  it("sends one event per stored reading with increasing ids, skipping duplicates", async () => {
    const h = await harness();
    const sse = await openSse(h.base, "/api/stream", h.auth);
    expect(sse.status).toBe(200);
    await h.host.deliver("readings", reading("m1", T0));
    await h.host.deliver("readings", reading("m1", T0)); // duplicate: stored once, streamed once
    await h.host.deliver("readings", reading("m2", T0 + 5000));
    const events = await sse.waitFor(2);
    sse.close();
    expect(events.map((e) => e.event)).toEqual(["reading", "reading"]);
    const ids = events.map((e) => Number(e.id));
    expect(ids[1]!).toBeGreaterThan(ids[0]!);
    expect(JSON.parse(events[1]!.data).meterId).toBe("m2");
  });

  it("requires a token and accepts ?access_token=", async () => {
    const h = await harness();
    expect((await call(h.base, "GET", "/api/stream")).status).toBe(401);
    const sse = await openSse(h.base, `/api/stream?access_token=${encodeURIComponent(h.token)}`);
    expect(sse.status).toBe(200);
    sse.close();
  });

  it("resumes after Last-Event-ID from the in-memory ring", async () => {
    const h = await harness();
    for (let i = 0; i < 5; i++) await h.host.deliver("readings", reading("m1", T0 + i * 5000, 100 + i));
    const first = await openSse(h.base, "/api/stream", { ...h.auth, "last-event-id": "0" });
    const all = await first.waitFor(5);
    first.close();
    const resumeFrom = all[2]!.id!;
    const second = await openSse(h.base, "/api/stream", { ...h.auth, "last-event-id": resumeFrom });
    await h.host.deliver("readings", reading("m1", T0 + 99_000, 999));
    const replay = await second.waitFor(3);
    second.close();
    expect(replay.map((e) => JSON.parse(e.data).values[0].value)).toEqual([103, 104, 999]);
  });

  it("resumes from the store after a restart (the ring is empty)", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const clock = { now: T0 };
    const a = await harness({ dir: tmp.dir, clock });
    for (let i = 0; i < 4; i++) await a.host.deliver("readings", reading("m1", T0 + i * 5000, 200 + i));
    const sse = await openSse(a.base, "/api/stream", { ...a.auth, "last-event-id": "0" });
    const seen = await sse.waitFor(4);
    sse.close();
    await a.stop();

    const b = await harness({ dir: tmp.dir, clock });
    const again = await openSse(b.base, "/api/stream", { ...b.auth, "last-event-id": seen[1]!.id! });
    const replay = await again.waitFor(2);
    await b.host.deliver("readings", reading("m1", T0 + 60_000, 300));
    const withLive = await again.waitFor(3);
    again.close();
    expect(replay.slice(0, 2).map((e) => e.id)).toEqual([seen[2]!.id, seen[3]!.id]);
    expect(Number(withLive[2]!.id)).toBeGreaterThan(Number(seen[3]!.id));
  });

  it("filters by meterId and rejects a malformed Last-Event-ID", async () => {
    const h = await harness();
    const sse = await openSse(h.base, "/api/stream?meterId=m2", h.auth);
    await h.host.deliver("readings", reading("m1", T0));
    await h.host.deliver("readings", reading("m2", T0));
    const ev = await sse.waitFor(1);
    sse.close();
    expect(ev.map((e) => JSON.parse(e.data).meterId)).toEqual(["m2"]);
    const bad = await call(h.base, "GET", "/api/stream", { headers: { ...h.auth, "last-event-id": "abc" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.parameter).toBe("Last-Event-ID");
  });

  it("names the resume parameter the client used: the lastEventId query or the Last-Event-ID header", async () => {
    const h = await harness();
    const viaQuery = await call(h.base, "GET", "/api/stream?lastEventId=-1", { headers: h.auth });
    expect(viaQuery.status).toBe(400);
    expect(viaQuery.headers["content-type"]).toContain("application/problem+json");
    expect(viaQuery.json.parameter).toBe("lastEventId");
    expect(viaQuery.json.error.parameter).toBe("lastEventId");
    expect(viaQuery.json.detail).toContain("lastEventId");
    expect(viaQuery.json.detail).not.toContain("Last-Event-ID");
    const viaHeader = await call(h.base, "GET", "/api/stream", {
      headers: { ...h.auth, "last-event-id": "-1" },
    });
    expect(viaHeader.status).toBe(400);
    expect(viaHeader.json.parameter).toBe("Last-Event-ID");
    expect(viaHeader.json.detail).not.toContain("lastEventId");
  });
});
