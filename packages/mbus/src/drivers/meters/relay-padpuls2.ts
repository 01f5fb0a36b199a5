// REL-Relay-Padpuls2: wired M-Bus driver (data only; see ../types.ts).

import { repeated } from "../fieldsets/standard";
import { WATER_DUE_DATE } from "../fieldsets/water";
import type { MeterDriver } from "../types";

export const relayPadpuls2: MeterDriver = {
  name: "relay-padpuls2",
  meter: "REL-Relay-Padpuls2",
  source:
    "corpus mbus/valid/REL-Relay-Padpuls2.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "REL", version: 65, medium: 3 },
  fields: [...WATER_DUE_DATE, repeated("date", 2, { storage: 1 })],
  golden: [
    {
      hex: "68 2F 2F 68 08 16 72 01 63 21 11 AC 48 41 03 B1 00 00 00 0C 14 81 60 87 02 04 6D A1 15 E9 17 42 6C DF 1C 4C 14 82 73 59 02 42 EC 7E FF 1C 0F C0 01 01 0C BD 16",
      source:
        "corpus mbus/valid/REL-Relay-Padpuls2.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 28760.81,
        target_volume_m3: 25973.82,
      },
    },
  ],
};
