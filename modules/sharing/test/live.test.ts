import { describe, expect, it } from "vitest";
import { LiveFeed, sseFrame } from "../src";
import { reading } from "./support/fixtures";

const T0 = Date.parse("2026-06-15T12:00:00Z");
const stored = (seq: number) => ({ seq, reading: reading("m1", T0 + seq * 5000) });

describe("LiveFeed", () => {
  it("keeps a bounded ring and answers from it only when it holds everything after the id", () => {
    const feed = new LiveFeed(3);
    for (let s = 1; s <= 5; s++) feed.publish(stored(s));
    expect(feed.since(2)!.map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(feed.since(4)!.map((r) => r.seq)).toEqual([5]);
    expect(feed.since(5)).toEqual([]);
    expect(feed.since(1)).toBeUndefined(); // seq 2 fell out of the ring: read the store
    expect(new LiveFeed().since(0)).toBeUndefined();
  });

  it("pushes to subscribers until they unsubscribe", () => {
    const feed = new LiveFeed();
    const got: number[] = [];
    const off = feed.subscribe({ push: (r) => got.push(r.seq) });
    feed.publish(stored(1));
    expect(feed.clientCount).toBe(1);
    off();
    feed.publish(stored(2));
    expect(got).toEqual([1]);
    expect(feed.clientCount).toBe(0);
  });

  it("frames one event with id, type and single-line JSON data", () => {
    const frame = sseFrame(7, reading("m1", T0));
    expect(frame.startsWith("id: 7\nevent: reading\ndata: {")).toBe(true);
    expect(frame.endsWith("}\n\n")).toBe(true);
    expect(frame.split("\n")).toHaveLength(5);
  });
});
