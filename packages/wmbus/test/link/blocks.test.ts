import { describe, expect, it } from "vitest";
import { addCrcsA, addCrcsB, blocksA, readBlocks, wireLengthA } from "../../src/link/blocks";
import { crc16 } from "../../src/link/crc";
import { CORPUS } from "../support/corpus";

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));

describe("frame formats A and B (EN 13757-4 clauses 12.6, 12.7)", () => {
  it("counts format A blocks: 10 bytes, then 16-byte blocks", () => {
    // L = 0x2E (46): block 1 = 10 bytes, then 36 bytes = 16 + 16 + 4 -> 4 blocks, 8 CRC bytes
    expect(blocksA(0x2e)).toBe(4);
    expect(wireLengthA(0x2e)).toBe(47 + 8);
    expect(blocksA(9)).toBe(1);
  });

  it("accepts every corpus telegram without CRCs (as format A) and with CRCs added in A and in B", () => {
    for (const t of CORPUS.tests) {
      const plain = hex(t.telegramHex);
      const a = readBlocks(plain);
      if (plain[0]! + 1 !== plain.length) {
        // two qwater telegrams carry 5 bytes more than their L says: refused, not guessed at
        expect(a.ok ? "ok" : a.error.code).toBe("BAD_LENGTH");
        continue;
      }
      if (a.ok && a.value.format === "B") {
        // hcae2's telegram still carries its format B CRC (the last 2 bytes check out): found as B
        expect(t.driver).toBe("hcae2");
        continue;
      }
      expect(a.ok && a.value.crc === false && a.value.format === "A" ? "ok" : t.telegramHex).toBe("ok");
      const withA = readBlocks(addCrcsA(plain));
      expect(withA.ok && withA.value.crc && Buffer.from(withA.value.data).equals(plain)).toBe(true);
      const withB = readBlocks(addCrcsB(plain), { format: "B" });
      expect(withB.ok && Buffer.from(withB.value.data).equals(plain)).toBe(true);
    }
  });

  it("reports a broken CRC with the block, offset, sent and computed CRC", () => {
    const plain = hex(CORPUS.tests[1]!.telegramHex);
    const wire = addCrcsA(plain);
    wire[14]! ^= 0x01; // byte 14 is in block 2 (block 1 = bytes 0-9, CRC 10-11, block 2 from 12)
    const r = readBlocks(wire);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("BAD_CRC");
    expect(r.error.field).toBe("block 2 CRC");
    expect(r.error.offset).toBe(12 + 16);
    expect(r.error.expected).not.toBe(r.error.actual);
  });

  it("rejects a length that fits neither form", () => {
    const plain = hex(CORPUS.tests[1]!.telegramHex);
    const r = readBlocks(plain.subarray(0, plain.length - 1));
    expect(r.ok ? "ok" : r.error.code).toBe("BAD_LENGTH");
  });

  it("detects format B by its CRCs in auto mode, also over 128 bytes (two CRCs)", () => {
    const long = CORPUS.tests.find((t) => t.telegramHex.length / 2 > 130)!;
    const plain = hex(long.telegramHex);
    const b = addCrcsB(plain);
    expect(b.length).toBe(plain.length + 4);
    const r = readBlocks(b);
    expect(r.ok && r.value.format === "B" && Buffer.from(r.value.data).equals(plain)).toBe(true);
  });

  it("refuses an L below 10 (C, M, A, CI) even when its CRC is right", () => {
    // L = 8 with a correct block CRC over the 9 bytes would otherwise read past the frame
    const data = Uint8Array.of(8, 0x44, 0x2d, 0x2c, 1, 2, 3, 4, 5);
    const c = crc16(data);
    const r = readBlocks(Uint8Array.of(...data, 0x7a, c >> 8, c & 0xff));
    expect(r.ok ? "ok" : r.error.code).toBe("BAD_LENGTH");
  });
});
