// Kamstrup 382 (6850-005): wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const kamstrup382: MeterDriver = {
  name: "kamstrup-382",
  meter: "Kamstrup 382 (6850-005)",
  source:
    "corpus mbus/valid/filler.json, kamstrup_382_005.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "KAM", version: 1, medium: 2 },
  fields: [],
  golden: [
    {
      hex: "68 1F 1F 68 08 00 72 31 77 67 17 2D 2C 01 02 00 00 00 00 2F 2F 04 83 3B 88 13 00 00 2F 2F 2F 2F 2F 2F 2F 00 16",
      source:
        "corpus mbus/valid/filler.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 5,
      },
    },
    {
      hex: "68 46 46 68 08 78 72 20 91 83 14 2D 2C 01 02 04 00 00 00 04 06 00 00 00 00 04 22 09 00 00 00 04 2B 00 00 00 00 14 2B 00 00 00 00 84 50 06 00 00 00 00 84 60 06 00 00 00 00 0F 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10 24 16",
      source:
        "corpus mbus/valid/kamstrup_382_005.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        on_time_h: 9,
        current_power_w: 0,
        max_current_power_w: 0,
        total_energy_consumption_tariff_1_subunit_1_kwh: 0,
        total_energy_consumption_tariff_2_subunit_1_kwh: 0,
      },
    },
  ],
};
