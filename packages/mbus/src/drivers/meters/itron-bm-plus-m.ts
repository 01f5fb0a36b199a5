// Itron BM +m: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const itronBmPlusM: MeterDriver = {
  name: "itron-bm-plus-m",
  meter: "Itron BM +m",
  source:
    "corpus mbus/valid/ACW_Itron-BM-plus-m.json, itron_bm_+m.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ACW", version: 14, medium: 22 },
  fields: [],
  golden: [
    {
      hex: "68 3C 3C 68 08 08 72 78 03 49 11 77 04 0E 16 0A 00 00 00 0C 78 78 03 49 11 04 13 31 D4 00 00 42 6C 00 00 44 13 00 00 00 00 04 6D 0B 0B CD 13 02 27 00 00 09 FD 0E 02 09 FD 0F 06 0F 00 01 75 13 D3 16",
      source:
        "corpus mbus/valid/ACW_Itron-BM-plus-m.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 54.321,
        target_volume_m3: 0,
        operating_time_h: 0,
      },
    },
    {
      hex: "68 3C 3C 68 08 08 72 78 03 49 11 77 04 0E 16 29 00 00 00 0C 78 78 03 49 11 04 13 31 D4 00 00 42 6C 00 00 44 13 00 00 00 00 04 6D 1D 0D 98 11 02 27 00 00 09 FD 0E 02 09 FD 0F 06 0F 00 00 8F 13 E8 16",
      source:
        "corpus mbus/valid/itron_bm_+m.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 54.321,
        target_volume_m3: 0,
        operating_time_h: 0,
      },
    },
  ],
};
