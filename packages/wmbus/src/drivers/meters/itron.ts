// wmbusmeters driver "itron" (water, manufacturer ITW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_itron: WirelessDriver = {
  name: "itron",
  meter: "ITW water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ITW",
    version: [3, 51],
    medium: [7],
  },
  fields: [
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
      name: "total_backward",
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
        vife: [60],
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
      hex: "384497269856341203077AD90000A00413FD110000066D2C1AA1D521004413300F0000426CBF2C047F0000060C027F862A0E79678372082100",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 4.605,
        target_m3: 3.888,
      },
    },
    {
      hex: "46449726560000183307725600001897263307AF0030052F2F066D0E1015C82A000C13771252000C933C000000000B3B0400004C1361045200426CC12A03FD971C0000002F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 521.277,
        total_backward_m3: 0,
        volume_flow_m3h: 0.004,
        target_m3: 520.461,
      },
    },
  ],
};
