// GWF-MTKcoder: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const gwfMtkcoder: MeterDriver = {
  name: "gwf-mtkcoder",
  meter: "GWF-MTKcoder",
  source:
    "corpus mbus/valid/GWF-MTKcoder.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "GWF", version: 53, medium: 7 },
  fields: [],
  golden: [
    {
      hex: "68 1B 1B 68 08 01 72 07 20 18 00 E6 1E 35 07 4C 00 00 00 0C 78 07 20 18 00 0C 16 69 02 00 00 96 16",
      source:
        "corpus mbus/valid/GWF-MTKcoder.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 269,
      },
    },
  ],
};
