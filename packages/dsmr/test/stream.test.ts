/**
 * The stream parser cuts a byte stream into the same telegrams however it is chunked: every corpus
 * telegram (plain and Smarty) back to back with noise between them, fed in random chunk sizes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeP1, P1StreamParser } from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

const all = fixtures();
const smarty = all.find((f) => f.key !== undefined);
const keys = { key: smarty?.key as string, authKey: smarty?.authKey as string };
const frames = all.map(fixtureBytes);
const noise = Buffer.from("\r\n1-0:62.7.0(00.000*kW)\r\n");
const stream = Buffer.concat(frames.flatMap((f) => [noise, Buffer.from(f)]));

describe("P1StreamParser", () => {
  it("finds every corpus telegram in any chunking, each decodable", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 50 }), (sizes) => {
        const p = new P1StreamParser();
        const out: Uint8Array[] = [];
        let pos = 0;
        for (let k = 0; pos < stream.length; k++) {
          const n = sizes[k % sizes.length] as number;
          for (const ev of p.push(stream.subarray(pos, pos + n)))
            if (ev.type === "telegram") out.push(ev.bytes);
          pos += n;
        }
        // a telegram is cut after the line end that follows its CRC; some corpus files stop before it
        const strip = (b: Uint8Array) =>
          Buffer.from(b)
            .toString("latin1")
            .replace(/[\r\n]+$/, "");
        expect(out.map(strip)).toEqual(frames.map(strip));
        expect(p.stats.telegrams).toBe(frames.length);
        for (const b of out) expect(decodeP1(b, { keys }).lineErrors).toEqual([]);
      }),
      { numRuns: 200, seed: 1406 },
    );
  });

  it("drops a start that never ends once it passes maxBytes (bounded memory)", () => {
    const p = new P1StreamParser(100);
    const events = p.push(Buffer.from(`/ISK5x\r\n${"1-0:1.8.1(1*kWh)\r\n".repeat(10)}`));
    expect(events[0]).toMatchObject({ type: "dropped", reason: "TOO_LONG" });
    expect(p.stats.dropped).toBe(1);
  });
});
