// tecson: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const tecsonOil: MeterDriver = {
  name: "tecson-oil",
  meter: "tecson",
  source:
    "corpus mbus/valid/tecson.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "TEC", version: 16, medium: 1 },
  fields: [],
  golden: [
    {
      hex: "68 1B 1B 68 08 00 72 12 34 56 78 A3 50 10 01 01 00 00 00 01 67 09 0A 14 60 45 92 10 14 88 13 18 16",
      source:
        "corpus mbus/valid/tecson.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        external_temperature_c: 9,
        total_volume_m3: 45.6,
        max_total_volume_tariff_1_m3: 50,
      },
    },
  ],
};
