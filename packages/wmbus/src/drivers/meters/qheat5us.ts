// wmbusmeters driver "qheat5us" (heat, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qheat5us: WirelessDriver = {
  name: "qheat5us",
  meter: "LSE heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LSE",
    version: [35],
    medium: [4],
  },
  fields: [
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
      hex: "2E4465B24509256723047AA20000000C05035612004C0520131100426C3F3C326CFFFF046D12014A330C7834980437",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_kwh: 11132,
        total_kwh: 12560.3,
      },
    },
  ],
};
