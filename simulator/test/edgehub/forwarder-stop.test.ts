/**
 * Forwarder.stop() while a batch is with the sink: the sink then refuses, and the backoff (60 s here)
 * must not begin, or the hub's stop waits out the whole backoff (seen as a 60 s hook timeout in CI).
 */
import { describe, expect, it } from "vitest";
import { Forwarder } from "../../src/edgehub/forwarder";
import { UpstreamQueue } from "../../src/edgehub/upstream-queue";
import { quiet } from "./helpers";

describe("forwarder stop", () => {
  it("a stop during a send that fails ends without waiting the backoff", async () => {
    const queue = new UpstreamQueue({ file: ":memory:", ttlSecs: 3600, maxBytes: 1 << 20 });
    queue.enqueue({ body: { n: 1 }, properties: {}, systemProperties: {} });
    let release: ((ok: boolean) => void) | undefined;
    let forwarder: Forwarder | undefined;
    const inSink = new Promise<void>((entered) => {
      const sink = () =>
        new Promise<boolean>((r) => {
          release = r;
          entered();
        });
      const f = new Forwarder(queue, sink, quiet, { minBackoffMs: 60_000, maxBackoffMs: 60_000 });
      f.start();
      forwarder = f;
    });
    await inSink;
    const began = Date.now();
    const stopped = forwarder!.stop();
    release!(false);
    await stopped;
    // without the fix this waits the 60 s backoff (the test would time out at vitest's 5 s first)
    expect(Date.now() - began).toBeLessThan(2_000);
    queue.close();
  });
});
