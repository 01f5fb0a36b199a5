/** toReadingValues: PropertyValue shape (checked by the model's own zod schema), totals, capture times. */
import { PropertyValue } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { decodeTelegram, derivedProperties, toReadingValues } from "../src/index";

const wrap = (lines: string[]) => `/ISK5\\2M550T-1012\r\n\r\n${lines.join("\r\n")}\r\n!\r\n`;

describe("toReadingValues", () => {
  const t = decodeTelegram(
    wrap([
      "0-0:1.0.0(200426223325S)",
      "0-0:96.1.1(4530303434303037333832323436303139)",
      "1-0:1.8.1(002130.115*kWh)",
      "1-0:1.8.2(000245.467*kWh)",
      "1-0:2.8.1(000000.000*kWh)",
      "1-0:2.8.2(000000.010*kWh)",
      "1-0:1.7.0(00.111*kW)",
      "1-0:99.97.0(1)(0-0:96.7.19)(190326095015W)(0000002014*s)",
      "0-2:24.1.0(003)",
      "0-2:24.2.1(200426223001S)(00246.138*m3)",
    ]),
  );
  const values = toReadingValues(t);

  it("every value satisfies the model's PropertyValue", () => {
    for (const v of values) expect(PropertyValue.safeParse(v).success).toBe(true);
  });

  it("tariff registers stay, the totals are their sums and are listed as derived", () => {
    expect(values).toContainEqual({ property: "1-0:1.8.1", value: 2130115, unit: "Wh" });
    // 2130115 + 245467 = 2375582; 0 + 10 = 10
    expect(values).toContainEqual({ property: "1-0:1.8.0", value: 2375582, unit: "Wh" });
    expect(values).toContainEqual({ property: "1-0:2.8.0", value: 10, unit: "Wh" });
    expect(derivedProperties(t)).toEqual(["1-0:1.8.0", "1-0:2.8.0"]);
  });

  it("a total the meter sends is kept, not derived", () => {
    const s = decodeTelegram(wrap(["1-0:1.8.0(00000003.997*kWh)", "1-0:1.8.1(000001.000*kWh)"]));
    expect(toReadingValues(s).filter((v) => v.property === "1-0:1.8.0")).toEqual([
      { property: "1-0:1.8.0", value: 3997, unit: "Wh" },
    ]);
    expect(derivedProperties(s)).toEqual([]);
  });

  it("M-Bus channel values with their own capture time; power in W; buffers and the telegram time left out", () => {
    expect(values).toContainEqual({ property: "0-2:24.2.1", value: 246.138, unit: "m3" });
    expect(values).toContainEqual({
      property: "0-2:24.2.1@time",
      value: "2020-04-26T22:30:01+02:00",
      unit: "",
    });
    expect(values).toContainEqual({ property: "1-0:1.7.0", value: 111, unit: "W" });
    expect(values.some((v) => v.property === "1-0:99.97.0" || v.property === "0-0:1.0.0")).toBe(false);
    expect(values).toContainEqual({ property: "0-0:96.1.1", value: "E0044007382246019", unit: "" });
  });
});
