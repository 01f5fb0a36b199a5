/**
 * toMeterReading over the corpus fixtures: every value the source project asserts, under its OBIS id
 * (Wh rounded to whole units as DLMS energy registers are), the signed total power 1-0:16.7.0 also as
 * P+/P- (the fixtures' 1-0:16.7.0 values are the expected P+, their negation the P-).
 */
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { decodeSml, toMeterReading } from "../src/index";
import { DZG, EBZ, fixture, fixtureBytes } from "./support/fixtures";

const CTX = { gatewayId: "gw", transport: "serial" as const, receivedAt: new Date("2026-01-01T00:00:00Z") };

describe("SML toMeterReading", () => {
  it("eBZ DD3 (sml2mqtt): registers, power, P+ from 1-0:16.7.0 = 352.89 W, server id as meter id", () => {
    const f = fixture(EBZ);
    const r = toMeterReading(decodeSml(fixtureBytes(f), { messageCrc: "report" }), CTX);
    expect(MeterReading.parse(r).source.protocol).toBe("sml");
    for (const [dotted, expected] of Object.entries(f.expected)) {
      const [a, b, c, d, e] = dotted.split(".");
      const v = r.values.find((x) => x.property === `${a}-${b}:${c}.${d}.${e}`);
      const unit = f.units[dotted];
      expect(v, dotted).toEqual({
        property: v?.property,
        value: unit === "Wh" ? Math.round(expected) : expected,
        unit,
      });
    }
    expect(r.values).toContainEqual({ property: "1-0:1.7.0", value: 352.89, unit: "W" });
    expect(r.values).toContainEqual({ property: "1-0:2.7.0", value: 0, unit: "W" });
    expect(r.readingTime).toBe(CTX.receivedAt.toISOString());
    expect(
      toMeterReading(decodeSml(fixtureBytes(f), { messageCrc: "report" }), { ...CTX, meterId: "m" }).meterId,
    ).toBe("m");
  });

  it("DZG DVS 7412 with its sign quirk: the P+/P- split follows the corrected sign", () => {
    const f = fixture(DZG);
    const r = toMeterReading(decodeSml(fixtureBytes(f), { quirks: ["dzg-unsigned-power"] }), CTX);
    const p = f.expected["1.0.16.7.0.255"];
    expect(p).toBeDefined();
    expect(r.values).toContainEqual({ property: "1-0:16.7.0", value: p, unit: "W" });
    expect(r.values).toContainEqual({ property: "1-0:1.7.0", value: Math.max(0, p as number), unit: "W" });
    expect(r.values).toContainEqual({ property: "1-0:2.7.0", value: Math.max(0, -(p as number)), unit: "W" });
  });
});
