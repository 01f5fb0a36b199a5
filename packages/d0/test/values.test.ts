/**
 * toReadingValues over the Landis+Gyr E350 readout (vzlogger's capture): the values are the readout's own
 * texts converted by hand (000219.252 kWh = 219252 Wh, 001.66 kW = 1660 W).
 */
import { PropertyValue } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { decodeReadout, toReadingValues } from "../src/index";
import { fixture, fixtureBytes } from "./support/fixtures";

describe("toReadingValues", () => {
  const lug = decodeReadout(fixtureBytes(fixture("vzlogger_lug_e350")));
  const values = toReadingValues(lug.dataSets);
  const byId = new Map(values.map((v) => [v.property, v]));

  it("OBIS ids with A-B defaulted to 1-0 and units normalised", () => {
    expect(byId.get("1-0:1.8.0")).toEqual({ property: "1-0:1.8.0", value: 219252, unit: "Wh" });
    expect(byId.get("1-0:1.8.2")).toEqual({ property: "1-0:1.8.2", value: 219251, unit: "Wh" });
    expect(byId.get("1-0:16.7.0")).toEqual({ property: "1-0:16.7.0", value: 1660, unit: "W" });
    expect(byId.get("1-0:32.7.0")).toEqual({ property: "1-0:32.7.0", value: 233, unit: "V" });
    expect(byId.get("1-0:71.7.0")).toEqual({ property: "1-0:71.7.0", value: 2.97, unit: "A" });
  });

  it("identifier registers stay text; blank values are left out", () => {
    expect(byId.get("1-0:96.1.0")?.value).toBe("18438636");
    expect(byId.get("1-0:97.97.0")?.value).toBe("00");
    expect(byId.has("1-0:96.1.1")).toBe(false); // C.1.1(        )
  });

  it("every value satisfies the model's PropertyValue schema", () => {
    for (const v of values) expect(PropertyValue.safeParse(v).success, v.property).toBe(true);
  });

  it("billing-period registers keep *F; explicit A-B wins over defaults", () => {
    const sie = decodeReadout(fixtureBytes(fixture("smartmeter_obis_serialrequestresponsed0withack")));
    const heat = new Map(
      toReadingValues(sie.dataSets, { medium: 6, channel: 0 }).map((v) => [v.property, v]),
    );
    expect(heat.get("6-0:6.8.0")?.value).toBe(29055000); // 0029.055 MWh
    expect(heat.get("6-0:6.8.0*01")?.value).toBe(28086000); // 0028.086 MWh, previous period
    const hag = decodeReadout(fixtureBytes(fixture("vzlogger_hagerehz_waitsync")));
    expect(toReadingValues(hag.dataSets, { medium: 9, channel: 9 })[0]?.property).toBe("2-1:2.3.4");
  });
});
