// Elvaco CMa10: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const elvacoCma10V22: MeterDriver = {
  name: "elvaco-cma10-v22",
  meter: "Elvaco CMa10",
  source:
    "corpus mbus/valid/ELV-Elvaco-CMa10.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ELV", version: 22, medium: 0 },
  fields: [],
  golden: [
    {
      hex: "68 53 53 68 08 0B 72 61 15 01 24 96 15 16 00 3F 00 00 00 01 FD 1B 02 02 FC 03 48 52 25 74 22 15 22 FC 03 48 52 25 74 24 0D 12 FC 03 48 52 25 74 C3 1C 02 65 2E 08 22 65 5C 05 12 65 A2 0B 01 72 18 42 65 2C 08 82 01 65 1F 08 0C 78 61 15 01 24 03 FD 0F 00 00 04 1F BD 16",
      source:
        "corpus mbus/valid/ELV-Elvaco-CMa10.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        external_temperature_c: 20.94,
        min_external_temperature_c: 13.72,
        max_external_temperature_c: 29.78,
        external_temperature_storage_1_c: 20.92,
        external_temperature_storage_2_c: 20.79,
      },
    },
  ],
};
