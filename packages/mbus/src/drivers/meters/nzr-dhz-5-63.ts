// NZR DHZ 5/63: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const nzrDhz563: MeterDriver = {
  name: "nzr-dhz-5-63",
  meter: "NZR DHZ 5/63",
  source:
    "corpus mbus/valid/nzr_dhz_5_63.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "NZR", version: 1, medium: 2 },
  fields: [standard("energy"), repeated("energy", 2)],
  golden: [
    {
      hex: "68 32 32 68 08 05 72 08 06 10 30 52 3B 01 02 01 00 00 00 04 03 FA 04 00 00 04 83 7F FA 04 00 00 02 FD 48 44 09 02 FD 5B 00 00 02 2B 00 00 0C 78 08 06 10 30 0F 0E 71 16",
      source:
        "corpus mbus/valid/nzr_dhz_5_63.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 1.274,
        total_energy_consumption_2_kwh: 1.274,
        voltage_v: 237.2,
        current_a: 0,
        current_power_w: 0,
      },
    },
  ],
};
