// Rossweiner ETK/ETW Modularis: wired M-Bus driver (data only; see ../types.ts).

import { repeated } from "../fieldsets/standard";
import { WATER_DUE_DATE } from "../fieldsets/water";
import type { MeterDriver } from "../types";

export const rossweinerModularis: MeterDriver = {
  name: "rossweiner-modularis",
  meter: "Rossweiner ETK/ETW Modularis",
  source:
    "corpus mbus/valid/ram_modularis.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "RAM", version: 3, medium: 7 },
  fields: [...WATER_DUE_DATE, repeated("date", 2, { storage: 1 })],
  golden: [
    {
      hex: "68 C4 C4 68 08 00 72 76 57 02 00 2D 48 03 07 8B 00 00 00 04 13 84 27 00 00 04 6D 28 15 B2 1A 42 6C BC 19 44 13 C9 20 00 00 42 EC 7E DC 19 0C 78 76 57 02 00 82 01 6C BE 19 84 01 13 4F 21 00 00 C2 01 6C 9F 1A C4 01 13 FB E0 F5 05 82 02 6C 9E 1B 84 02 13 F9 E0 F5 05 C2 02 6C 9F 1C C4 02 13 0E 03 00 00 82 03 6C BF 11 84 03 13 89 07 00 00 C2 03 6C BC 12 C4 03 13 14 0C 00 00 82 04 6C BF 13 84 04 13 35 12 00 00 C2 04 6C BE 14 C4 04 13 9F 12 00 00 82 05 6C BF 15 84 05 13 04 14 00 00 C2 05 6C BE 16 C4 05 13 38 14 00 00 82 06 6C BF 17 84 06 13 7E 14 00 00 C2 06 6C BF 18 C4 06 13 24 16 00 00 0F 01 00 00 82 16",
      source:
        "corpus mbus/valid/ram_modularis.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 10.116,
        target_volume_m3: 8.393,
        total_volume_storage_2_m3: 8.527,
        total_volume_storage_3_m3: 99999.995,
        total_volume_storage_4_m3: 99999.993,
        total_volume_storage_5_m3: 0.782,
        total_volume_storage_6_m3: 1.929,
        total_volume_storage_7_m3: 3.092,
        total_volume_storage_8_m3: 4.661,
        total_volume_storage_9_m3: 4.767,
        total_volume_storage_10_m3: 5.124,
        total_volume_storage_11_m3: 5.176,
        total_volume_storage_12_m3: 5.246,
        total_volume_storage_13_m3: 5.668,
      },
    },
  ],
};
