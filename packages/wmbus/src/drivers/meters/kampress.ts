// wmbusmeters driver "kampress" (pressure, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_kampress: WirelessDriver = {
  name: "kampress",
  meter: "KAM pressure",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAM",
    version: [1],
    medium: [24],
  },
  fields: [
    {
      name: "pressure",
      unit: "bar",
      quantity: "pressure",
      from: {
        function: "minimum",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "pressure",
        vif: {
          table: "primary",
          code: 105,
        },
        vife: [],
      },
    },
    {
      name: "max_pressure",
      unit: "bar",
      quantity: "pressure",
      from: {
        function: "maximum",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "pressure",
        vif: {
          table: "primary",
          code: 105,
        },
        vife: [],
      },
    },
    {
      name: "min_pressure",
      unit: "bar",
      quantity: "pressure",
      from: {
        function: "minimum",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "pressure",
        vif: {
          table: "primary",
          code: 105,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "32442D2C1703007701188D280080E39322DB8F7822696600126967000269660005FF091954A33A05FF0A99BD823A02FD170800",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        pressure_bar: 1.02,
        max_pressure_bar: 1.03,
        min_pressure_bar: 1.02,
      },
    },
  ],
};
