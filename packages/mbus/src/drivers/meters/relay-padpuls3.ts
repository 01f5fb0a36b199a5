// Relay PadPuls M2: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const relayPadpuls3: MeterDriver = {
  name: "relay-padpuls3",
  meter: "Relay PadPuls M2",
  source:
    "corpus mbus/valid/rel_padpuls3.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "REL", version: 64, medium: 8 },
  fields: [
    standard("hcaUnits"),
    standard("dateTime"),
    standard("date", { storage: 1 }),
    standard("hcaUnits", { storage: 1 }),
    repeated("date", 2, { storage: 1 }),
  ],
  golden: [
    {
      hex: "68 2F 2F 68 08 01 72 01 01 03 01 AC 48 40 08 1E 00 00 00 0C 6E 87 19 00 00 04 6D 29 0A 1F 0C 42 6C 1F 0C 4C 6E 02 13 00 00 42 EC 7E 3F 0C 0F C0 01 01 0C 40 16",
      source:
        "corpus mbus/valid/rel_padpuls3.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        current_consumption_hca: 1987,
        consumption_at_set_date_hca: 1302,
      },
    },
  ],
};
