// Allmess Megacontrol CF-50: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const allmessCf50: MeterDriver = {
  name: "allmess-cf50",
  meter: "Allmess Megacontrol CF-50",
  source:
    "corpus mbus/valid/allmess_cf50.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SLB", version: 2, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 3D 3D 68 08 01 72 00 51 20 02 82 4D 02 04 00 88 00 00 04 07 00 00 00 00 0C 15 03 00 00 00 0B 2E 00 00 00 0B 3B 00 00 00 0A 5A 88 12 0A 5E 16 05 0B 61 23 77 00 02 6C 8C 11 02 27 37 0D 0F 60 00 67 16",
      source:
        "corpus mbus/valid/allmess_cf50.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_volume_m3: 0.3,
        current_power_w: 0,
        volume_flow_m3h: 0,
        flow_temperature_c: 128.8,
        return_temperature_c: 51.6,
        flow_return_temperature_difference_c: 77.23,
        operating_time_h: 81192,
      },
    },
  ],
};
