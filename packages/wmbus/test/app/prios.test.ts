/** Diehl PRIOS descrambling with the public default keys, against wmbusmeters' printed totals. */
import { describe, expect, it } from "vitest";
import { descramblePrios } from "../../src/app/prios";
import { CORPUS } from "../support/corpus";

const izar = CORPUS.tests.filter((t) => t.driver === "izar" || t.driver === "izarv2");

describe("PRIOS", () => {
  it.each(izar.map((t) => [t.name, t] as const))(
    "%s: check byte 0x4B, total at bytes 1-4 (LE, litres)",
    (_, t) => {
      const plain = descramblePrios(Uint8Array.from(Buffer.from(t.telegramHex, "hex")));
      expect(plain).not.toBeNull();
      expect(plain![0]).toBe(0x4b);
      const litres = plain![1]! | (plain![2]! << 8) | (plain![3]! << 16) | (plain![4]! << 24);
      expect(litres / 1000).toBe(t.expectedJson.total_m3);
    },
  );

  it("gives null when no key yields the check byte", () => {
    const frame = Uint8Array.from(Buffer.from(izar[0]!.telegramHex, "hex"));
    frame[15]! ^= 0xff;
    expect(descramblePrios(frame)).toBeNull();
  });
});
