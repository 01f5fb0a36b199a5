/**
 * False starts: a `68 L L 68` header inside garbage whose claimed frame fails its checks must not take
 * the valid frames behind it down with it (EN 13757-2: an invalid frame is discarded, its L is no
 * evidence). Frames here are built by hand: L = C + A + CI + data bytes, checksum = their sum mod 256.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFrame, type FrameEvent, FrameParser, toHex } from "../../src/index";

/** A long frame (EN 13757-2): 68 L L 68 C A CI data CS 16, built without the package's encoder. */
function longFrame(c: number, a: number, ci: number, data: readonly number[]): Uint8Array {
  const body = [c, a, ci, ...data];
  const cs = body.reduce((s, b) => s + b, 0) & 0xff;
  return Uint8Array.from([0x68, body.length, body.length, 0x68, ...body, cs, 0x16]);
}

/** A short frame: 10 C A CS 16. */
function shortFrame(c: number, a: number): Uint8Array {
  return Uint8Array.from([0x10, c, a, (c + a) & 0xff, 0x16]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function framesOf(events: FrameEvent[]): string[] {
  return events.flatMap((e) => (e.type === "frame" ? [toHex(e.raw)] : []));
}

function feed(p: FrameParser, chunks: readonly Uint8Array[]): string[] {
  const events: FrameEvent[] = [];
  for (const c of chunks) events.push(...p.push(c));
  return framesOf(events);
}

describe("FrameParser after a false start", () => {
  // C A CI + 119 data bytes: L = 122, a frame of L + 6 = 128 bytes. 4 false-start bytes + 2 frames = 260 = 0xFE + 6, so the false start's claimed
  // stop byte is exactly the second frame's stop byte (0x16): the case where the old parser skipped
  // all 260 claimed bytes and lost the frame inside them.
  const data = Array.from({ length: 119 }, (_, i) => (i * 7) & 0xff);
  const frame = (n: number) => longFrame(0x08, n, 0x72, data);

  it("push, 68 FE FE 68, push, push gives every frame (the repro: 2 of 3 before)", () => {
    const [f1, f2, f3] = [frame(1), frame(2), frame(3)];
    expect(f1.length).toBe(128);
    const p = new FrameParser();
    const got = feed(p, [f1, Uint8Array.of(0x68, 0xfe, 0xfe, 0x68), f2, f3]);
    // all three are out without a flush: the false start is judged once its 260 bytes are in
    expect(got).toEqual([toHex(f1), toHex(f2), toHex(f3)]);
    expect(p.stats.checksumErrors).toBe(1);
  });

  it("68 9B 9B 68 inside garbage holds the frames back only until its claimed length is in", () => {
    const [f1, f2, f3] = [frame(1), frame(2), frame(3)];
    const p = new FrameParser();
    const fs = Uint8Array.of(0x01, 0x68, 0x9b, 0x9b, 0x68, 0x02);
    expect(feed(p, [f1, fs, f2, f3])).toEqual([toHex(f1), toHex(f2), toHex(f3)]);
    expect(framesOf(p.flush())).toEqual([]);
  });
});

// ---- property: valid frames survive any garbage with false starts, split anywhere ----

const START_BYTES = new Set([0x68, 0x10, 0xe5]);
/** Garbage bytes: never a start byte, often a stop byte (so a false start's claimed end may hit one). */
const garbageByte = fc.oneof(
  fc.constant(0x16),
  fc.integer({ min: 0, max: 255 }).filter((b) => !START_BYTES.has(b)),
);
const falseStart = fc
  .oneof(fc.constantFrom(0xfe, 0x9b), fc.integer({ min: 3, max: 255 }))
  .map((l) => Uint8Array.of(0x68, l, l, 0x68));
const garbage = fc
  .tuple(fc.array(garbageByte, { maxLength: 40 }), fc.option(falseStart, { nil: undefined }))
  .map(([g, fs]) =>
    fs ? concat([Uint8Array.from(g.slice(0, 3)), fs, Uint8Array.from(g.slice(3))]) : Uint8Array.from(g),
  );
const validFrame = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 })
      .map((d) => longFrame(0x08, 0x01, 0x72, d)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map(([c, a]) => shortFrame(c, a)),
  },
  { weight: 1, arbitrary: fc.constant(Uint8Array.of(0xe5)) },
);

describe("FrameParser property", () => {
  it("every valid frame between garbage and false starts comes out, in order, for any chunking", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, validFrame), { minLength: 1, maxLength: 8 }),
        garbage,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 40 }),
        (pairs, tail, cuts) => {
          const parts: Uint8Array[] = [];
          const starts = new Set<number>();
          const ends: [number, number][] = [];
          let at = 0;
          for (const [g, f] of pairs) {
            parts.push(g, f);
            at += g.length;
            starts.add(at);
            ends.push([at, at + f.length]);
            at += f.length;
          }
          parts.push(tail);
          const stream = concat(parts);
          // start bytes inside valid frames are never scanned: only look outside them
          const outside = new Set<number>();
          for (let i = 0; i < stream.length; i++) if (!ends.some(([s, e]) => i > s && i < e)) outside.add(i);
          fc.pre(!chanceOutside(stream, starts, outside));
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (let i = 0; from < stream.length; i++) {
            const n = cuts[i % cuts.length]!;
            chunks.push(stream.subarray(from, from + n));
            from += n;
          }
          const p = new FrameParser();
          const got = [...feed(p, chunks), ...framesOf(p.flush())];
          expect(got).toEqual(pairs.map(([, f]) => toHex(f)));
        },
      ),
      { numRuns: 400, seed: 0x13757 },
    );
  });
});

/**
 * True when a start byte outside every valid frame (the only positions the parser scans) begins a frame
 * that passes every check: garbage that is a frame by chance (a false start whose checksum and stop byte
 * happen to match). Such a case has no single right answer and is left out (fc.pre).
 */
function chanceOutside(
  stream: Uint8Array,
  starts: ReadonlySet<number>,
  outside: ReadonlySet<number>,
): boolean {
  for (const i of outside)
    if (START_BYTES.has(stream[i]!) && !starts.has(i) && decodeFrame(stream, i).ok) return true;
  return false;
}
