// oms_frame2: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const hydrometerOms: MeterDriver = {
  name: "hydrometer-oms",
  meter: "oms_frame2",
  source:
    "corpus mbus/valid/oms_frame2.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "HYD", version: 41, medium: 7 },
  fields: [],
  golden: [
    {
      hex: "68 29 29 68 08 FD 72 44 22 75 92 24 23 29 07 1F 00 00 00 0C 13 27 04 85 02 0B 3B 27 01 00 4C 13 19 54 44 01 42 6C FF 0C 02 FD 17 00 00 99 16",
      source:
        "corpus mbus/valid/oms_frame2.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 2850.427,
        volume_flow_m3h: 0.127,
        target_volume_m3: 1445.419,
      },
    },
  ],
};
