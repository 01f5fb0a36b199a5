// Elvaco CMa10: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const elvacoCma10V21: MeterDriver = {
  name: "elvaco-cma10-v21",
  meter: "Elvaco CMa10",
  source:
    "corpus mbus/valid/THI_cma10.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ELV", version: 21, medium: 0 },
  fields: [],
  golden: [
    {
      hex: "68 52 52 68 08 E6 72 02 00 00 00 96 15 15 00 0D 00 00 00 01 FD 1B 02 02 FC 03 48 52 25 74 34 12 22 FC 03 48 52 25 74 C6 0E 12 FC 03 48 52 25 74 02 14 02 65 D6 08 22 65 CA 08 12 65 16 09 01 72 00 72 65 00 00 B2 01 65 00 00 0C 78 02 00 00 00 02 FD 0F 04 03 1F 96 16",
      source:
        "corpus mbus/valid/THI_cma10.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        external_temperature_c: 22.62,
        min_external_temperature_c: 22.5,
        max_external_temperature_c: 23.26,
        at_error_external_temperature_storage_1_c: 0,
        at_error_external_temperature_storage_2_c: 0,
      },
    },
  ],
};
