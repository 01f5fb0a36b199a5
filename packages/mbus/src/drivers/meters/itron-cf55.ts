// Itron CF 55: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const itronCf55: MeterDriver = {
  name: "itron-cf55",
  meter: "Itron CF 55",
  source:
    "corpus mbus/valid/itron_cf_55.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ACW", version: 11, medium: 12 },
  fields: [],
  golden: [
    {
      hex: "68 4D 4D 68 08 07 72 67 76 12 11 77 04 0B 0C 0B 10 00 00 0C 78 67 76 12 11 04 07 00 00 00 00 0C 16 00 00 00 00 3B 2D 99 99 99 0B 3B 00 00 00 3A 5A 99 99 3A 5E 99 99 3B 61 99 99 99 04 6D 2F 0B 98 11 02 27 FC 00 09 FD 0E 10 09 FD 0F 21 0F 03 20 54 16",
      source:
        "corpus mbus/valid/itron_cf_55.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_volume_m3: 0,
        at_error_current_power_w: 99999900,
        volume_flow_m3h: 0,
        at_error_flow_temperature_c: 999.9,
        at_error_return_temperature_c: 999.9,
        at_error_flow_return_temperature_difference_c: 9999.99,
        operating_time_h: 6048,
      },
    },
  ],
};
