// siemens_rvd235: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const siemensRvd235: MeterDriver = {
  name: "siemens-rvd235",
  meter: "siemens_rvd235",
  source:
    "corpus mbus/valid/siemens_rvd235.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "LSZ", version: 41, medium: 32 },
  fields: [],
  golden: [
    {
      hex: "68 96 96 68 08 00 72 04 11 29 00 7A 32 29 20 0C 28 00 00 0C 78 20 71 04 00 06 FD 0C FC 03 6D 00 2D 00 0D FD 0B 06 35 33 32 44 56 52 81 30 FD 7C 01 81 20 FD 7C 00 01 FD 7C 00 0F 02 78 04 00 02 7A 04 00 32 00 1E 09 32 08 00 00 34 10 00 00 00 00 31 18 00 34 18 FF FF FF FF 71 18 00 74 18 FF FF FF FF B1 01 18 00 B4 01 18 FF FF FF FF F1 01 18 00 F4 01 18 FF FF FF FF B1 02 18 00 B4 02 18 FF FF FF FF F1 02 18 00 31 28 00 34 28 FF FF FF FF 71 28 00 01 01 00 01 09 00 24 16",
      source:
        "corpus mbus/valid/siemens_rvd235.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        fabrication_no: "47120",
      },
    },
  ],
};
