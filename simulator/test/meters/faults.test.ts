import { decodeFrame, encodeFrame, FrameParser } from "@omdp/mbus";
import { describe, expect, it } from "vitest";
import { collide, corruptBytes, dropBytes, garbageBytes } from "../../src/meters/faults";

const frame = encodeFrame({
  kind: "long",
  control: 0x08,
  address: 5,
  ci: 0x72,
  data: Uint8Array.from({ length: 40 }, (_, i) => i),
});

describe("fault injection", () => {
  it("a corrupted frame fails its checksum; a shortened one is shorter than its L field", () => {
    const c = decodeFrame(corruptBytes(frame));
    expect(c.ok).toBe(false);
    expect(!c.ok && c.error.code).toBe("BAD_CHECKSUM");
    const d = dropBytes(frame, 4);
    expect(d.length).toBe(frame.length - 4);
    expect(decodeFrame(d).ok).toBe(false);
    // single characters and tiny inputs never throw
    expect(dropBytes(Uint8Array.of(0xe5), 3)).toEqual(Uint8Array.of(0xe5));
    expect(corruptBytes(new Uint8Array(0))).toEqual(new Uint8Array(0));
  });

  it("collisions AND the bits (space wins); E5 with E5 stays E5, two telegrams break", () => {
    expect(collide(Uint8Array.of(0xe5), Uint8Array.of(0xe5))).toEqual(Uint8Array.of(0xe5));
    const other = encodeFrame({
      kind: "long",
      control: 0x08,
      address: 6,
      ci: 0x72,
      data: new Uint8Array(40).fill(0x33),
    });
    expect(decodeFrame(collide(frame, other)).ok).toBe(false);
    expect(collide(Uint8Array.of(0xff, 0x0f), Uint8Array.of(0xf0))).toEqual(Uint8Array.of(0xf0, 0x0f));
  });

  it("garbage holds no frame start byte, so a parser skips it whole and keeps the next frame", () => {
    const g = garbageBytes(500, 7);
    expect([...g].some((b) => b === 0x10 || b === 0x68 || b === 0xe5 || b === 0x7e)).toBe(false);
    const p = new FrameParser();
    const events = p.push(Uint8Array.from([...g, ...frame]));
    expect(events.filter((e) => e.type === "frame")).toHaveLength(1);
    expect(p.stats.bytesSkipped).toBe(500);
  });
});
