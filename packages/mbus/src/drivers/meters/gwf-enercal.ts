// GWF Enercal F2/F5 heat meter (wired M-Bus), with two pulse inputs as subunits 1 and 2.
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_enercal.cc test block 'Heat enercal 00309924' (GPL-3.0; telegram and wmbusmeters' printed values, facts only)";
const I = "instantaneous" as const;

export const gwfEnercal: MeterDriver = {
  name: "gwf-enercal",
  meter: "GWF Enercal heat meter",
  source: `${SRC}; storage 1 = the values at the last due date`,
  match: { manufacturer: "GWF", version: 8, medium: 4 },
  fields: [
    { name: "total", unit: "kwh", quantity: "energy", from: { function: I, storage: 0, quantity: "energy" } },
    {
      name: "target",
      unit: "kwh",
      quantity: "energy",
      from: { function: I, storage: 1, quantity: "energy" },
    },
    { name: "power", unit: "kw", quantity: "power", from: { function: I, storage: 0, quantity: "power" } },
    {
      name: "flow",
      unit: "m3h",
      quantity: "volumeFlow",
      from: { function: I, storage: 0, quantity: "volumeFlow" },
    },
    { name: "forward", unit: "c", quantity: "flowTemperature", from: { quantity: "flowTemperature" } },
    { name: "return", unit: "c", quantity: "returnTemperature", from: { quantity: "returnTemperature" } },
    {
      name: "difference",
      unit: "c",
      quantity: "temperatureDifference",
      from: { quantity: "temperatureDifference" },
    },
    { name: "total", unit: "m3", quantity: "volume", from: { storage: 0, subunit: 0, quantity: "volume" } },
    { name: "target", unit: "m3", quantity: "volume", from: { storage: 1, subunit: 0, quantity: "volume" } },
    {
      name: "subunit1",
      unit: "m3",
      quantity: "volume",
      from: { storage: 0, subunit: 1, quantity: "volume" },
    },
    {
      name: "subunit1_target",
      unit: "m3",
      quantity: "volume",
      from: { storage: 1, subunit: 1, quantity: "volume" },
    },
    {
      name: "subunit1",
      unit: "hca",
      quantity: "hcaUnits",
      from: { storage: 0, subunit: 1, quantity: "hcaUnits" },
    },
    {
      name: "subunit1_target",
      unit: "hca",
      quantity: "hcaUnits",
      from: { storage: 1, subunit: 1, quantity: "hcaUnits" },
    },
    {
      name: "subunit2",
      unit: "hca",
      quantity: "hcaUnits",
      from: { storage: 0, subunit: 2, quantity: "hcaUnits" },
    },
    {
      name: "subunit2_target",
      unit: "hca",
      quantity: "hcaUnits",
      from: { storage: 1, subunit: 2, quantity: "hcaUnits" },
    },
    { name: "target_date", unit: "date", quantity: "date", from: { storage: 1, quantity: "date" } },
    { name: "operating_time", unit: "h", quantity: "operatingTime", from: { quantity: "operatingTime" } },
    { name: "on_time", unit: "h", quantity: "onTime", from: { quantity: "onTime" } },
    {
      name: "meter_datetime",
      unit: "datetime",
      quantity: "dateTime",
      from: { storage: 0, quantity: "dateTime" },
    },
  ],
  golden: [
    {
      hex: "688e8e6808017224993000e61e080406000000040681460600041488f2350084401426e02600025B2600025f220002622a00042247880200042647880200043B00000000042c00000000046d2d0ede2784406e000000008480406e00000000c4800006B1450600c48000143Be43500c4c000142fd22600c4c0006e00000000c480406e00000000c280006cc1271f00000000f416",
      source: `${SRC}; expected values: wmbusmeters' output`,
      expect: {
        total_kwh: 411265,
        target_kwh: 411057,
        power_kw: 0,
        flow_m3h: 0,
        forward_c: 38,
        return_c: 34,
        difference_c: 4.2,
        total_m3: 35354.96,
        target_m3: 35318.35,
        subunit1_m3: 25477.5,
        subunit1_target_m3: 25441.75,
        subunit1_hca: 0,
        subunit1_target_hca: 0,
        subunit2_hca: 0,
        subunit2_target_hca: 0,
        target_date: "2022-07-01",
        operating_time_h: 165959,
        on_time_h: 165959,
        meter_datetime: "2022-07-30T14:45",
      },
    },
  ],
};
