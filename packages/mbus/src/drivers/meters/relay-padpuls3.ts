// Relay PadPuls M2: wired M-Bus driver (data only; see ../types.ts).
import type { MeterDriver } from "../types";

export const relayPadpuls3: MeterDriver = {
  name: "relay-padpuls3",
  meter: "Relay PadPuls M2",
  source:
    "corpus mbus/valid/rel_padpuls3.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: {
    manufacturer: "REL",
    version: 64,
    medium: 8,
  },
  fields: [
    {
      name: "current_consumption",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
      },
    },
    {
      name: "meter_datetime",
      unit: "datetime",
      quantity: "dateTime",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "dateTime",
      },
    },
    {
      name: "target_date",
      unit: "date",
      quantity: "date",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "date",
      },
    },
    {
      name: "consumption_at_set_date",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
      },
    },
    {
      name: "target_date_2",
      unit: "date",
      quantity: "date",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "date",
        index: 1,
      },
    },
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
