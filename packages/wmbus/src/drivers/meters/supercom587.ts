// wmbusmeters driver "supercom587" (water, manufacturer SON): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_supercom587: WirelessDriver = {
  name: "supercom587",
  meter: "SON water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "SON",
    version: [60],
    medium: [7, 6],
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
      hex: "A244EE4D111111113C077AAC0000000C1389490000426CE1F14C130000000082046C21298C0413010000008D04931E3A3CFE0100000001000000010000000100000001000000010000000100000001000000010000000100000001000000010000001600000031130000046D0A0C5C2B03FD6C60150082206C5C290BFD0F0200018C4079629885238310FD3100000082106C01018110FD610002FD66020002FD170000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 4.989,
      },
    },
    {
      hex: "A244EE4D785634123C067A8F0000000C1348560000426CE1F14C130000000082046C21298C0413330000008D04931E3A3CFE3300000033000000330000003300000033000000330000003300000033000000330000003300000033000000330000004300000034180000046D0D0B5C2B03FD6C5E150082206C5C290BFD0F0200018C4079678885238310FD3100000082106C01018110FD610002FD66020002FD170000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
  ],
};
