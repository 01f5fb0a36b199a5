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
      { retryMinMs: 1, retryMaxMs: 5 },
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
      { stopWaitMs: 10 },
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
});
