/**
 * Table-driven over every corpus fixture (real telegrams of NL, BE, LU, IE, SE meters): each value the
 * source project's tests assert must come out of our decoder in the project's units. Numbers with a unit
 * are compared exactly (Wh and W are integers); unit-less values are compared as the number or, where
 * the source keeps the text (text message codes), as the text the source prints.
 */
import { describe, expect, it } from "vitest";
import { decodeP1, findObject } from "../src/index";
import { fixtureBytes, fixtures, obisId } from "./support/fixtures";

describe("DSMR corpus", () => {
  const all = fixtures();
  it("reads all 13 fixtures", () => {
    expect(all.length).toBe(13);
  });
  for (const f of all) {
    it(f.name, () => {
      const keys =
        f.key === undefined ? undefined : { key: f.key, ...(f.authKey ? { authKey: f.authKey } : {}) };
      const t = decodeP1(fixtureBytes(f), keys ? { keys } : {});
      expect(t.encrypted).toBe(f.key !== undefined);
      expect(t.lineErrors).toEqual([]);
      if (f.crcValid === true) expect(t.crc?.computed).toBe(t.crc?.transmitted);
      if (f.crcValid === null) expect(t.crc).toBeNull();
      for (const [dotted, expected] of Object.entries(f.expected)) {
        const ids = [obisId(dotted), ...(f.alternatives?.[dotted] ?? []).map(obisId)];
        const o = ids.map((id) => findObject(t, id)).find((x) => x !== undefined);
        expect(o, dotted).toBeDefined();
        const unit = f.units[dotted] ?? "";
        if (unit !== "") {
          expect(o?.value?.value, dotted).toBe(expected);
          expect(o?.value?.unit, dotted).toBe(unit);
        } else if (Number.isSafeInteger(expected) && o?.value !== undefined) {
          expect(o.value.value, dotted).toBe(expected);
        } else {
          expect(o?.groups[o.groups.length - 1], dotted).toBe(f.sourceValues[dotted]);
        }
      }
    });
  }
});
