import { describe, expect, it } from "vitest";
import { type FrameEvent, FrameParser, parseHex, toHex } from "../../src/index";

function bytes(hex: string): Uint8Array {
  const r = parseHex(hex);
  if (!r.ok) throw r.error;
  return r.value;
}

const LONG = "68 04 04 68 08 01 70 08 81 16";
const SHORT = "10 5B 01 5C 16";
const RSP =
  "68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16";

function frames(events: FrameEvent[]): string[] {
  return events.flatMap((e) => (e.type === "frame" ? [toHex(e.raw)] : []));
}
function errors(events: FrameEvent[]): string[] {
  return events.flatMap((e) => (e.type === "error" ? [e.error.code] : []));
}

describe("FrameParser (stream synchronisation)", () => {
  it("takes one byte at a time", () => {
    const p = new FrameParser();
    const input = bytes(`${LONG} E5 ${SHORT} ${RSP}`);
    const events: FrameEvent[] = [];
    for (const b of input) events.push(...p.push(Uint8Array.of(b)));
    events.push(...p.flush());
    expect(frames(events)).toEqual([LONG, "E5", SHORT, RSP]);
    expect(errors(events)).toEqual([]);
    expect(p.stats.framesOk).toBe(4);
  });

  it("takes many frames in one chunk and reports stream offsets", () => {
    const p = new FrameParser();
    const events = p.push(bytes(`${LONG} ${LONG} ${SHORT}`));
    expect(frames(events)).toEqual([LONG, LONG, SHORT]);
    expect(events.map((e) => (e.type === "frame" ? e.offset : -1))).toEqual([0, 10, 20]);
  });

  it("skips garbage between frames and counts it", () => {
    const p = new FrameParser();
    const events = p.push(bytes(`00 11 22 ${LONG} 33 44 ${SHORT} 55`));
    expect(frames(events)).toEqual([LONG, SHORT]);
    expect(errors(events)).toEqual(["BAD_START", "BAD_START", "BAD_START"]);
    expect(p.stats.bytesSkipped).toBe(6);
  });

  it("resyncs after a bad checksum from the byte after the start byte", () => {
    const p = new FrameParser();
    const damaged = RSP.replace(/18 16$/, "19 16");
    const events = [...p.push(bytes(`${damaged} ${LONG}`)), ...p.flush()];
    expect(frames(events)).toEqual([LONG]);
    // the checksum failure at the start, then the damaged frame's bytes are scanned as garbage: the
    // 68 at offset 3 is a false start (68 08 02 72: L fields differ), the rest holds no start byte
    expect(errors(events)).toEqual(["BAD_CHECKSUM", "BAD_START", "LENGTH_MISMATCH", "BAD_START"]);
    const err = events.find((e) => e.type === "error");
    expect(err?.type === "error" && err.error.offset).toBe(35);
    expect(p.stats.checksumErrors).toBe(1);
  });

  it("resyncs after a bad length header", () => {
    const p = new FrameParser();
    const events = [...p.push(bytes(`68 05 04 68 ${SHORT}`)), ...p.flush()];
    expect(frames(events)).toEqual([SHORT]);
    expect(errors(events)[0]).toBe("LENGTH_MISMATCH");
  });

  it("waits for the rest of a split frame and reports a truncated tail on flush", () => {
    const p = new FrameParser();
    const b = bytes(LONG);
    expect(p.push(b.subarray(0, 6))).toEqual([]);
    expect(p.pending).toBe(6);
    expect(frames(p.push(b.subarray(6)))).toEqual([LONG]);
    p.push(b.subarray(0, 4));
    const tail = p.flush();
    expect(errors(tail)[0]).toBe("TRUNCATED");
    expect(frames(tail)).toEqual([]);
  });

  it("keeps frame data valid after the internal buffer is reused", () => {
    const p = new FrameParser();
    const first = p.push(bytes(RSP));
    for (let i = 0; i < 100; i++) p.push(bytes(LONG));
    const f = first[0];
    expect(f?.type === "frame" && f.frame.kind === "long" && toHex(f.frame.data).slice(0, 11)).toBe(
      "78 56 34 12",
    );
  });
});
