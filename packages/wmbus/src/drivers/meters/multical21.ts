// wmbusmeters driver "multical21" (cold water, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_multical21: WirelessDriver = {
  name: "multical21",
  meter: "KAM cold water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAM",
    version: [27],
    medium: [22],
  },
  fields: [
    {
      name: "min_external_temperature_last_month",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "minimum",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 103,
        },
        vife: [],
      },
    },
    {
      name: "flow_temperature",
      unit: "c",
      quantity: "flowTemperature",
      from: {
        function: "minimum",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "flowTemperature",
        vif: {
          table: "primary",
          code: 91,
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
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
    {
      name: "total",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "2A442D2C998734761B168D2091D37CAC21576C7802FF207100041308190000441308190000615B7F616713",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        min_external_temperature_last_month_c: 19,
        flow_temperature_c: 127,
        target_m3: 6.408,
        total_m3: 6.408,
      },
    },
  ],
};
