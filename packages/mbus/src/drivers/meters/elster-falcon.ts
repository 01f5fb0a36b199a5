// Elster Falcon: wired M-Bus driver (data only; see ../types.ts).

import { repeated, standard } from "../fieldsets/standard";
import { WATER_DUE_DATE } from "../fieldsets/water";
import type { MeterDriver } from "../types";

export const elsterFalcon: MeterDriver = {
  name: "elster-falcon",
  meter: "Elster Falcon",
  source:
    "corpus mbus/valid/els_falcon.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ELS", version: 10, medium: 7 },
  fields: [
    ...WATER_DUE_DATE,
    repeated("date", 2, { storage: 1 }),
    standard("volumeFlow", { function: "maximum" }),
    repeated("date", 3, { storage: 1 }),
  ],
  golden: [
    {
      hex: "68 4A 4A 68 08 01 72 45 23 11 70 93 15 0A 07 02 00 00 00 0C 13 67 45 23 01 04 6D 3A 0D E6 02 42 6C E1 01 4C 13 51 69 45 00 42 EC 7E 01 11 12 3B 39 17 42 6C 01 11 02 3B F9 17 0F 0E 42 20 01 01 01 00 05 08 5E 01 20 3D 12 08 3D 12 08 00 C0 16",
      source:
        "corpus mbus/valid/els_falcon.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 1234.567,
        target_volume_m3: 456.951,
        max_volume_flow_m3h: 5.945,
        volume_flow_m3h: 6.137,
      },
    },
  ],
};
