// wmbusmeters driver "flowiq2200" (cold water, manufacturer KAW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_flowiq2200: WirelessDriver = {
  name: "flowiq2200",
  meter: "KAW cold water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAW",
    version: [60],
    medium: [22],
  },
  fields: [
    {
      name: "flow",
      unit: "m3h",
      quantity: "volumeFlow",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volumeFlow",
        vif: {
          table: "primary",
          code: 59,
        },
        vife: [],
      },
    },
    {
      name: "max_external_temperature",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "maximum",
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
  ],
  payload: [],
  golden: [
    {
      hex: "4744372C763081233C168D2056D1ED11205A3C7804FF2300080000441300000000523B000006FF1B08900008F0FF426CC12B61670A51671B023B000004131F0F00008101E7FF0F13",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        flow_m3h: 0,
        max_external_temperature_c: 27,
        target_m3: 0,
        total_m3: 3.871,
        min_external_temperature_last_month_c: 10,
      },
    },
  ],
};
