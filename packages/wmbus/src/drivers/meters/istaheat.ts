// wmbusmeters driver "istaheat" (heat, manufacturer IST): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_istaheat: WirelessDriver = {
  name: "istaheat",
  meter: "IST heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "IST",
    version: [169],
    medium: [4],
  },
  fields: [
    {
      name: "last_year",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "target",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "target",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 2,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 21,
        },
        vife: [],
      },
    },
    {
      name: "total",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "5344742669315033A9048C2070900F002C25961200009D6949E80EB1E2707A96003007102F2F0C0500000000426C00004C050000000082016CFE298C0105000000008C0115000000002F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        last_year_kwh: 0,
        target_kwh: 0,
        target_m3: 0,
        total_kwh: 0,
      },
    },
  ],
};
