// wmbusmeters driver "kadenwater" (water, manufacturer KDN): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_kadenwater_kdn: WirelessDriver = {
  name: "kadenwater",
  meter: "KDN water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KDN",
    version: [1],
    medium: [7],
  },
  fields: [
    {
      name: "actuality_duration",
      unit: "s",
      quantity: "actualityDuration",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "actualityDuration",
        vif: {
          table: "primary",
          code: 116,
        },
        vife: [],
      },
    },
    {
      name: "duration_b",
      unit: "s",
      quantity: "actualityDuration",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "actualityDuration",
        vif: {
          table: "primary",
          code: 116,
        },
        vife: [],
      },
    },
    {
      name: "max_flow",
      unit: "m3h",
      quantity: "volumeFlow",
      from: {
        function: "maximum",
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
          code: 18,
        },
        vife: [],
      },
    },
    {
      name: "volume_b",
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
          code: 18,
        },
        vife: [],
        index: 1,
      },
    },
    {
      name: "volume_flow",
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
  ],
  payload: [],
  golden: [
    {
      hex: "4E448E2C1782221901077AB5004005339341AB7927F9337CD2175B2F0D121D9A56CBF3FCFCBF0D8CA57D0C6741A03A666D99467924A6DBF4DE305960917AFDE729AC19D62A789DCE1C66A323CC29CD",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        actuality_duration_s: 0,
        duration_b_s: 0,
        max_flow_m3h: 1.715,
        total_m3: 81.0976,
        volume_b_m3: 0.0096,
        volume_flow_m3h: 0,
      },
    },
  ],
};
