import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UpstreamQueue } from "../../src/edgehub/index";

const msg = (n: number, pad = 0) => ({
  body: { n, pad: "x".repeat(pad) },
  properties: { kind: "interval" },
  systemProperties: { "iothub-connection-device-id": "edge-local" },
});

describe("UpstreamQueue", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), "omdp-queue-"));
    dirs.push(d);
    return join(d, "upstream.db");
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("keeps order and numbers messages; ack removes up to a sequence number", () => {
    const q = new UpstreamQueue({ file: fresh(), ttlSecs: 3600, maxBytes: 1e9 });
    for (let i = 0; i < 5; i++) q.enqueue(msg(i));
    const batch = q.peek(3);
    expect(batch.map((b) => (b.message.body as { n: number }).n)).toEqual([0, 1, 2]);
    expect(batch.map((b) => b.message.systemProperties["x-opt-sequence-number"])).toEqual(
      batch.map((b) => b.seq),
    );
    q.ack(batch[2]!.seq);
    expect(q.peek(10).map((b) => (b.message.body as { n: number }).n)).toEqual([3, 4]);
    expect(q.stats()).toMatchObject({ queued: 2, delivered: 3 });
    q.close();
  });

  it("survives a restart with the same file", () => {
    const file = fresh();
    const a = new UpstreamQueue({ file, ttlSecs: 3600, maxBytes: 1e9 });
    a.enqueue(msg(1));
    const seq = a.enqueue(msg(2));
    a.close();
    const b = new UpstreamQueue({ file, ttlSecs: 3600, maxBytes: 1e9 });
    expect(b.stats().queued).toBe(2);
    expect(b.enqueue(msg(3))).toBeGreaterThan(seq);
    b.close();
  });

  it("drops messages past the TTL", () => {
    const q = new UpstreamQueue({ file: fresh(), ttlSecs: 60, maxBytes: 1e9 });
    q.enqueue(msg(1), 1_000_000);
    q.enqueue(msg(2), 1_050_000);
    expect(q.expire(1_000_000 + 61_000)).toBe(1);
    expect((q.peek(5)[0]!.message.body as { n: number }).n).toBe(2);
    expect(q.stats().expired).toBe(1);
    q.close();
  });

  it("bounds stored bytes by dropping the oldest", () => {
    const q = new UpstreamQueue({ file: fresh(), ttlSecs: 3600, maxBytes: 5_000 });
    for (let i = 0; i < 20; i++) q.enqueue(msg(i, 1_000));
    const s = q.stats();
    expect(s.bytes).toBeLessThanOrEqual(5_000);
    expect(s.dropped).toBe(20 - s.queued);
    const kept = q.peek(100).map((b) => (b.message.body as { n: number }).n);
    expect(kept.at(-1)).toBe(19);
    expect(kept).toEqual([...Array(kept.length).keys()].map((k) => 20 - kept.length + k));
    q.close();
  });
});
