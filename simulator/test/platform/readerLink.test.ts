/**
 * The supervisor starts a backfill's catch-up only once the reader's link is up. The answers below are
 * the shape the edge hub admin API gives for a direct method (`{ status, payload }`) with the reader's
 * `getStatus` payload, as seen from `POST /modules/mbusReader/methods/getStatus` on a running platform.
 */
import { describe, expect, it } from "vitest";
import { readerLinkUp } from "../../src/platform/readerLink";

describe("readerLinkUp", () => {
  it("is true only when the reader reports its link connected", () => {
    const up = {
      status: 200,
      payload: { running: true, link: { target: "tcp:127.0.0.1:1", connected: true } },
    };
    const down = {
      status: 200,
      payload: { running: true, link: { target: "tcp:127.0.0.1:1", connected: false } },
    };
    expect(readerLinkUp(up)).toBe(true);
    expect(readerLinkUp(down)).toBe(false);
    expect(readerLinkUp({ status: 404, payload: { message: "module not connected" } })).toBe(false);
    expect(readerLinkUp({ status: 200, payload: { running: false } })).toBe(false); // not configured yet
    expect(readerLinkUp(undefined)).toBe(false);
    expect(readerLinkUp(null)).toBe(false);
  });
});
