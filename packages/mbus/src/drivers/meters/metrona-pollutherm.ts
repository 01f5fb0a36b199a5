// Sensus PolluTherm: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const metronaPollutherm: MeterDriver = {
  name: "metrona-pollutherm",
  meter: "Sensus PolluTherm",
  source:
    "corpus mbus/valid/metrona_pollutherm.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SPX", version: 52, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 42 42 68 08 00 72 46 01 95 44 18 4E 34 04 54 10 00 00 0C 07 00 00 00 00 0C 14 00 00 00 00 0C 3C 00 00 00 00 0C 2C 00 00 00 00 0A 5A 00 00 0A 5E 00 00 0B 60 00 00 00 0C 78 46 01 95 44 0C FD 10 46 01 95 44 1F 82 16",
      source:
        "corpus mbus/valid/metrona_pollutherm.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_volume_m3: 0,
        volume_flow_m3h: 0,
        current_power_w: 0,
        flow_temperature_c: 0,
        return_temperature_c: 0,
        flow_return_temperature_difference_c: 0,
      },
    },
  ],
};
