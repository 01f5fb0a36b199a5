// wmbusmeters driver "fiowater" (water, manufacturer FIO): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_fiowater: WirelessDriver = {
  name: "fiowater",
  meter: "FIO water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "FIO",
    version: [1],
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
  ],
  payload: [],
  golden: [
    {
      hex: "43442F191469012501078C2075900F002C257C690300FDD9AE90F019F1C07A47102007102F2F0C1322921500046D3A2A3A390F60011907052F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 159.222,
      },
    },
  ],
};
