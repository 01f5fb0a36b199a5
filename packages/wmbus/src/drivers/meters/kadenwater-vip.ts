// wmbusmeters driver "kadenwater" (water, manufacturer VIP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_kadenwater_vip: WirelessDriver = {
  name: "kadenwater",
  meter: "VIP water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "VIP",
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
      hex: "4E4430590010221901077A71004005F8C0D59E1536F306FFCD58075FDA84B6F21FC0F33DF92C8CF5FCAB599BD1FE73B0DB2E5D9E6D8A2E3363D67DB2CDAF16C26D57886B70EE0F77FC116753809BB5",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        actuality_duration_s: 0,
        duration_b_s: 0,
        max_flow_m3h: 0.859,
        total_m3: 94.6123,
        volume_b_m3: 0.0088,
        volume_flow_m3h: 0,
      },
    },
  ],
};
