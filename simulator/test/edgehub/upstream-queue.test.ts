import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { QueueFullError, UpstreamQueue } from "../../src/edgehub/index";

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

  it("at its byte bound refuses new messages and keeps every stored one (they were acknowledged)", () => {
    const q = new UpstreamQueue({ file: fresh(), ttlSecs: 3600, maxBytes: 5_000 });
    const sizeOf = (i: number) => JSON.stringify(msg(i, 1_000)).length; // its weight in the queue
    const fits = Math.floor(5_000 / sizeOf(0)); // hand computation: n 0..3 weigh 1,122 bytes each, 4 fit
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      try {
        q.enqueue(msg(i, 1_000));
      } catch (err) {
        expect(err).toBeInstanceOf(QueueFullError);
        expect((err as QueueFullError).evidence).toMatchObject({ maxBytes: 5_000, messageBytes: sizeOf(i) });
        refused++;
      }
    }
    expect(fits).toBe(4);
    const s = q.stats();
    expect(s).toMatchObject({ queued: fits, dropped: 0, refusedFull: 20 - fits });
    expect(refused).toBe(20 - fits);
    expect(q.peek(100).map((b) => (b.message.body as { n: number }).n)).toEqual([...Array(fits).keys()]);
    // once the cloud took them, new messages are accepted again
    q.ack(q.peek(100).at(-1)!.seq);
    q.enqueue(msg(20, 1_000));
    expect(q.peek(100).map((b) => (b.message.body as { n: number }).n)).toEqual([20]);
    q.close();
  });

  it("takes one message larger than the bound into an empty queue (it cannot block forever)", () => {
    const q = new UpstreamQueue({ file: fresh(), ttlSecs: 3600, maxBytes: 100 });
    q.enqueue(msg(1, 1_000));
    expect(() => q.enqueue(msg(2, 10))).toThrow(QueueFullError);
    expect(q.stats()).toMatchObject({ queued: 1, refusedFull: 1 });
    q.close();
  });
});
