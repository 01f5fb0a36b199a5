// Elvaco CMa11: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const elvacoCma11: MeterDriver = {
  name: "elvaco-cma11",
  meter: "Elvaco CMa11",
  source:
    "corpus mbus/valid/elv_temp_humid.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ELV", version: 50, medium: 0 },
  fields: [],
  golden: [
    {
      hex: "68 53 53 68 08 05 72 34 08 00 54 96 15 32 00 F2 00 00 00 01 FD 1B 00 02 FC 03 48 52 25 74 D4 11 22 FC 03 48 52 25 74 C8 11 12 FC 03 48 52 25 74 B4 16 02 65 D0 08 22 65 70 08 12 65 23 09 01 72 18 42 65 E4 08 82 01 65 DD 08 0C 78 34 08 00 54 03 FD 0F 00 00 04 1F 5D 16",
      source:
        "corpus mbus/valid/elv_temp_humid.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        external_temperature_c: 22.56,
        min_external_temperature_c: 21.6,
        max_external_temperature_c: 23.39,
        external_temperature_storage_1_c: 22.76,
        external_temperature_storage_2_c: 22.69,
      },
    },
  ],
};
