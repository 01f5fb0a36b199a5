/**
 * The outbox sender against a send port that fails or never answers, like a hub that is away: order is
 * kept, an entry leaves the outbox only after its send resolved, and stop() leaves the rest for later.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@omdp/logger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { until } from "../../../../tests/support/until";
import { DurableOutbox, OutboxSender } from "../../src/outbox";

const quiet = createLogger("test", { write: () => undefined });
let dir: string;
let outbox: DurableOutbox;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-sender-"));
  outbox = new DurableOutbox(join(dir, "outbox.db"));
});
afterEach(() => {
  outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("OutboxSender", () => {
  it("retries a failed send before anything behind it; removes only what was acknowledged", async () => {
    const delivered: number[] = [];
    let refuse = 3; // the first three attempts fail (hub away)
    let attempts = 0;
    const sender = new OutboxSender(
      outbox,
      async (_o, body) => {
        attempts++;
        if (refuse-- > 0) throw new Error("not connected");
        delivered.push((body as { n: number }).n);
      },
      quiet,
      // one send at a time: the strict order even when a hub refuses one message and takes the next
      { retryMinMs: 1, retryMaxMs: 5, inFlight: 1 },
    );
    for (let n = 1; n <= 5; n++) {
      outbox.add({ output: "readings", body: { n } });
      sender.wake();
    }
    await until(() => delivered.length === 5, 5_000, "five deliveries");
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
    expect(attempts).toBe(8);
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 5 });
    await sender.stop();
  });

  it("a send that is never acknowledged keeps its entry (and those behind it) for the next start", async () => {
    const started: number[] = [];
    const sender = new OutboxSender(
      outbox,
      (_o, body) => {
        started.push((body as { n: number }).n);
        return new Promise<void>(() => {}); // no PUBACK ever
      },
      quiet,
      { stopWaitMs: 10, inFlight: 1 },
    );
    for (let n = 1; n <= 3; n++) {
      outbox.add({ output: "readings", body: { n } });
      sender.wake();
    }
    await until(() => started.length === 1, 5_000, "the first send");
    await sender.stop();
    expect(started).toEqual([1]); // one at a time: nothing overtakes the unacknowledged one
    outbox.close();
    outbox = new DurableOutbox(join(dir, "outbox.db"));
    expect(outbox.peek(10).map((e) => (e.body as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it("keeps a window of sends in flight, never more than inFlight, removing the acknowledged prefix", async () => {
    const pending: { n: number; ack: () => void }[] = [];
    let most = 0;
    const sender = new OutboxSender(
      outbox,
      (_o, body) =>
        new Promise<void>((ack) => {
          pending.push({ n: (body as { n: number }).n, ack });
          most = Math.max(most, pending.length);
        }),
      quiet,
      { inFlight: 3 },
    );
    for (let n = 1; n <= 6; n++) outbox.add({ output: "readings", body: { n } });
    sender.wake();
    // slow start: one send alone until the link proved itself
    await until(() => pending.length === 1, 5_000, "the first send");
    expect(pending.map((p) => p.n)).toEqual([1]);
    pending.shift()!.ack();
    await until(() => pending.length === 3, 5_000, "three sends in flight");
    expect(pending.map((p) => p.n)).toEqual([2, 3, 4]);
    // the third acknowledged before the second: nothing more is removed until the second is
    pending.splice(1, 1)[0]!.ack();
    await until(() => pending.length === 3, 5_000, "the fifth send");
    expect(outbox.stats().pending).toBe(5);
    pending.shift()!.ack(); // 2 (and 3 behind it) acknowledged: both leave the outbox
    await until(() => outbox.stats().pending === 3, 5_000, "2 and 3 removed");
    expect(outbox.peek(10).map((e) => (e.body as { n: number }).n)).toEqual([4, 5, 6]);
    for (let i = 0; i < 10 && outbox.stats().pending > 0; i++) {
      await until(() => pending.length > 0, 5_000, "a send in flight");
      pending.shift()!.ack();
      await until(() => pending.length > 0 || outbox.stats().pending === 0, 5_000, "the next");
    }
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 6 });
    expect(most).toBe(3);
    await sender.stop();
  });

  it("a failure in the window: the retry resends the failed entry and everything after it, in order", async () => {
    // A hub that stores in arrival order and acknowledges; the third arrival is refused once (a
    // transient error), the others behind it in the window still arrive and are acknowledged.
    const arrivals: number[] = [];
    let refusals = 1;
    const sender = new OutboxSender(
      outbox,
      async (_o, body) => {
        const n = (body as { n: number }).n;
        if (n === 3 && refusals-- > 0) throw new Error("hub busy");
        arrivals.push(n);
      },
      quiet,
      { inFlight: 4, retryMinMs: 1, retryMaxMs: 5 },
    );
    for (let n = 1; n <= 6; n++) outbox.add({ output: "readings", body: { n } });
    sender.wake();
    await until(() => outbox.stats().pending === 0, 5_000, "everything delivered");
    // 1 alone (slow start), then 2..5 in one window: 3 refused, 2, 4 and 5 arrived (6 not issued: the
    // window stops issuing at a failure); the retry starts at 3, alone again, then 4.. after it. The
    // limit of a window: 4 and 5 arrived once ahead of 3 (inFlight: 1 avoids it)
    expect(arrivals).toEqual([1, 2, 4, 5, 3, 4, 5, 6]);
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 6 });
    await sender.stop();
  });
});
