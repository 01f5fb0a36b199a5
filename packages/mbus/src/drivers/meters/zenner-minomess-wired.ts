// Zenner (Minol) minomess water meter, wired M-Bus, version 0.
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_minomess.cc test block 'Minowired minomess 57575757' (GPL-3.0; telegram and wmbusmeters' printed values, facts only)";

export const zennerMinomessWired: MeterDriver = {
  name: "zenner-minomess-wired",
  meter: "Zenner minomess water meter (wired)",
  source: `${SRC}; VIF 0x13 with VIFE 0x3C = backward volume`,
  match: { manufacturer: "ZRI", version: 0, medium: 7 },
  fields: [
    {
      name: "total",
      unit: "m3",
      quantity: "volume",
      from: { storage: 0, vif: { table: "primary", code: 0x13 }, vife: [] },
    },
    {
      name: "total_backward",
      unit: "m3",
      quantity: "volume",
      from: { storage: 0, quantity: "volume", vife: [0x3c] },
    },
    { name: "target", unit: "m3", quantity: "volume", from: { storage: 1, quantity: "volume" } },
    { name: "volume_flow", unit: "m3h", quantity: "volumeFlow", from: { quantity: "volumeFlow" } },
    {
      name: "on_time",
      unit: "h",
      quantity: "onTime",
      from: { function: "instantaneous", quantity: "onTime" },
    },
    {
      name: "on_time_at_error",
      unit: "h",
      quantity: "onTime",
      from: { function: "error", quantity: "onTime" },
    },
    { name: "operating_time", unit: "h", quantity: "operatingTime", from: { quantity: "operatingTime" } },
    { name: "meter_datetime", unit: "datetime", quantity: "dateTime", from: { quantity: "dateTime" } },
    {
      name: "fabrication_no",
      unit: "text",
      quantity: "fabricationNumber",
      from: { quantity: "fabricationNumber" },
    },
  ],
  golden: [
    {
      hex: "6874746808007257575757496A0007120000000C7857575757046D2414DE280413000000000C943C000000004413FFFFFFFF426CFFFF840113FFFFFFFF82016CFFFFC40113FFFFFFFFC2016CFFFF840213FFFFFFFF82026CFFFF043B000000000422E62F000004260000000034220000000002FD1700001F5716",
      source: `${SRC}; expected values: wmbusmeters' output (its target_date 2127-15-31, a date of all-ones bits, is not checked)`,
      expect: {
        total_m3: 0,
        total_backward_m3: 0,
        target_m3: -0.001,
        volume_flow_m3h: 0,
        on_time_h: 12262,
        on_time_at_error_h: 0,
        operating_time_h: 0,
        meter_datetime: "2022-08-30T20:36",
        fabrication_no: "57575757",
      },
    },
  ],
};
