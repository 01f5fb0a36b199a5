// Siemens WFH21: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const siemensWfh21: MeterDriver = {
  name: "siemens-wfh21",
  meter: "Siemens WFH21",
  source:
    "corpus mbus/valid/siemens_wfh21.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "LSE", version: 153, medium: 6 },
  fields: [],
  golden: [
    {
      hex: "68 5E 5E 68 08 05 72 91 64 00 08 65 32 99 06 DA 00 00 00 0C 13 00 00 00 00 0B 22 86 40 04 04 6D 24 0A 61 1C 32 6C 00 00 0C 78 91 64 00 08 06 FD 0C 0A 00 01 00 FA 01 0D FD 0B 05 31 32 48 46 57 01 FD 0E 00 4C 13 00 00 00 00 42 6C 5F 1C 0F 37 FD 17 00 00 00 00 00 00 00 00 02 7A 25 00 02 78 25 00 82 16",
      source:
        "corpus mbus/valid/siemens_wfh21.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 0,
        on_time_h: 44086,
        target_volume_m3: 0,
      },
    },
  ],
};
