/** Transport v1 (SML 1.04 §8.1): escapes, padding and the errors at its edges, with their offsets. */
import { describe, expect, it } from "vitest";
import {
  CRC_VARIANTS,
  decodeSml,
  encodeSml,
  readTransport,
  type SmlError,
  type SmlMessageInput,
} from "../src/index";
import { DZG, fixture, fixtureBytes } from "./support/fixtures";

const dzgBytes = fixtureBytes(fixture(DZG));
const dzg = decodeSml(dzgBytes);

function code(fn: () => unknown): [string, number] | "ok" {
  try {
    fn();
    return "ok";
  } catch (e) {
    return [(e as SmlError).code, (e as SmlError).offset];
  }
}

/** Sets the file CRC of `b` to the standard one (after an edit). */
function recrc(b: Uint8Array): Uint8Array {
  const crc = CRC_VARIANTS.standard(b, 0, b.length - 2);
  b.set([crc >> 8, crc & 0xff], b.length - 2);
  return b;
}

const ESC8 = "1b1b1b1b1b1b1b1b";

describe("escaping", () => {
  it("1B1B1B1B in the data is doubled on the wire and read back as data", () => {
    // A transaction id of 1B bytes: for one of four lengths the run covers an aligned 4-byte group.
    let escaped = 0;
    for (let n = 4; n < 8; n++) {
      const id = new Uint8Array(n).fill(0x1b);
      const msgs: SmlMessageInput[] = dzg.messages.map((m) => ({ ...m, transactionId: id }));
      const bytes = encodeSml(msgs);
      if (
        Buffer.from(bytes.subarray(8, bytes.length - 8))
          .toString("hex")
          .includes(ESC8)
      )
        escaped++;
      expect(decodeSml(bytes).messages.map((m) => m.transactionId)).toEqual([id, id, id]);
    }
    expect(escaped).toBeGreaterThan(0);
  });

  it("an escape followed by neither 1B1B1B1B nor 1A is BAD_ESCAPE at the byte after it", () => {
    const b = Uint8Array.from(dzgBytes);
    b.set([0x1b, 0x1b, 0x1b, 0x1b, 0x02, 0, 0, 0], 8);
    expect(code(() => decodeSml(b))).toEqual(["BAD_ESCAPE", 12]);
  });
});

describe("padding and ends", () => {
  it("the DZG file: one padding byte (1A 01), removed before the messages", () => {
    const t = readTransport(dzgBytes);
    expect(t.padding).toBe(1);
    expect(dzgBytes.at(-3)).toBe(0x01);
    expect(t.data.at(-1)).toBe(0x00); // endOfSmlMsg of the close, not the pad
    expect(t.data.length).toBe(dzgBytes.length - 16 - 1);
  });

  it("a padding count above 3 is BAD_PADDING at the count", () => {
    const b = Uint8Array.from(dzgBytes);
    b[b.length - 3] = 4;
    expect(code(() => decodeSml(recrc(b)))).toEqual(["BAD_PADDING", b.length - 3]);
  });

  it("no start escape, a file cut short, and a bit flipped are NO_START, NO_END and FILE_CRC_MISMATCH", () => {
    expect(code(() => decodeSml(dzgBytes.subarray(1)))).toEqual(["NO_START", 0]);
    expect(code(() => decodeSml(dzgBytes.subarray(0, 100)))).toEqual(["NO_END", 100]);
    const b = Uint8Array.from(dzgBytes);
    b[40]! ^= 0x10;
    expect(code(() => decodeSml(b))).toEqual(["FILE_CRC_MISMATCH", b.length - 2]);
  });

  it("noise before the start escape is skipped, and end says where the file stopped", () => {
    const b = Uint8Array.from([0x00, 0x42, 0x17, ...dzgBytes, 0x1b]);
    const f = decodeSml(b);
    expect([f.start, f.end]).toEqual([3, 3 + dzgBytes.length]);
  });
});
