// Sensus PolluTherm: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const sensusPollutherm: MeterDriver = {
  name: "sensus-pollutherm",
  meter: "Sensus PolluTherm",
  source:
    "corpus mbus/valid/SEN_Sensus-PolluTherm.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SEN", version: 11, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 41 41 68 08 00 72 89 16 35 24 AE 4C 0B 04 54 10 00 00 0C 07 00 00 00 00 0C 14 00 00 00 00 0C 3C 00 00 00 00 0C 2C 00 00 00 00 32 5A 00 00 32 5E 00 00 33 60 00 00 00 0C 78 89 16 35 24 0C FD 10 89 16 35 24 CE 16",
      source:
        "corpus mbus/valid/SEN_Sensus-PolluTherm.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_volume_m3: 0,
        volume_flow_m3h: 0,
        current_power_w: 0,
        at_error_flow_temperature_c: 0,
        at_error_return_temperature_c: 0,
        at_error_flow_return_temperature_difference_c: 0,
      },
    },
  ],
};
