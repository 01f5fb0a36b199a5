/** toReadingValues over the DZG file, each value worked out by hand from the hex. */
import { describe, expect, it } from "vitest";
import { decodeSml, toReadingValues } from "../src/index";
import { DZG, fixture, fixtureBytes } from "./support/fixtures";

describe("toReadingValues", () => {
  it("DZG DVS-7412.2: texts, energy rounded to Wh, power in W with its sign as sent", () => {
    expect(toReadingValues(decodeSml(fixtureBytes(fixture(DZG))))).toEqual([
      { property: "1-0:96.50.1*1", value: "DZG", unit: "" }, // 04 44 5A 47: printable ASCII
      { property: "1-0:96.1.0", value: "0A01445A47000282225E", unit: "" }, // not printable: hex
      { property: "1-0:1.8.0", value: 5430158, unit: "Wh" }, // 0x033C9389 = 54301577, scaler -1
      { property: "1-0:2.8.0", value: 26244573, unit: "Wh" }, // 0x0FA49A9E = 262445726, scaler -1
      { property: "1-0:16.7.0", value: -299.12, unit: "W" }, // 53 8B28 = -29912, scaler -2
    ]);
  });
});
