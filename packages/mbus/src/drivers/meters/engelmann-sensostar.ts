// Engelmann SensoStar U heat meter, wired M-Bus, version 0.
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_sensostar.cc test block 'Heat sensostar 20480057' (GPL-3.0; telegram and wmbusmeters' printed values, facts only)";
const NOW = { function: "instantaneous", storage: 0, tariff: 0 } as const;

export const engelmannSensostar: MeterDriver = {
  name: "engelmann-sensostar",
  meter: "Engelmann SensoStar U heat meter",
  source: `${SRC}; storage 1 = the reporting (due) date`,
  match: { manufacturer: "EFE", version: 0, medium: 4 },
  fields: [
    { name: "total", unit: "kwh", quantity: "energy", from: { ...NOW, quantity: "energy" } },
    { name: "power", unit: "kw", quantity: "power", from: { ...NOW, quantity: "power" } },
    {
      name: "power_max",
      unit: "kw",
      quantity: "power",
      from: { function: "maximum", storage: 0, quantity: "power" },
    },
    { name: "flow_water", unit: "m3h", quantity: "volumeFlow", from: { ...NOW, quantity: "volumeFlow" } },
    {
      name: "flow_water_max",
      unit: "m3h",
      quantity: "volumeFlow",
      from: { function: "maximum", storage: 0, quantity: "volumeFlow" },
    },
    {
      name: "forward",
      unit: "c",
      quantity: "flowTemperature",
      from: { ...NOW, quantity: "flowTemperature" },
    },
    {
      name: "return",
      unit: "c",
      quantity: "returnTemperature",
      from: { ...NOW, quantity: "returnTemperature" },
    },
    {
      name: "difference",
      unit: "c",
      quantity: "temperatureDifference",
      from: { ...NOW, quantity: "temperatureDifference" },
    },
    { name: "total_water", unit: "m3", quantity: "volume", from: { ...NOW, quantity: "volume" } },
    {
      name: "energy_consumption_at_reporting_date",
      unit: "kwh",
      quantity: "energy",
      from: { storage: 1, tariff: 0, quantity: "energy" },
    },
  ],
  golden: [
    {
      hex: "68B3B36808007257004820c51400046c100000047839803801040600000000041300000000042B00000000142B00000000043B00000000143B00000000025B1400025f15000261daff02235c00046d2c2ddc24440600000000441300000000426c000001fd171003fd0c05000084200600000000c420060000000084300600000000c430060000000084401300000000c44013000000008480401300000000c48040130000000084c0401300000000c4c0401300000000a216",
      source: `${SRC}; expected values: wmbusmeters' output`,
      expect: {
        total_kwh: 0,
        power_kw: 0,
        power_max_kw: 0,
        flow_water_m3h: 0,
        flow_water_max_m3h: 0,
        forward_c: 20,
        return_c: 21,
        difference_c: -0.38,
        total_water_m3: 0,
        energy_consumption_at_reporting_date_kwh: 0,
      },
    },
  ],
};
