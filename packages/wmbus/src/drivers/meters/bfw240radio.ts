// wmbusmeters driver "bfw240radio" (heat cost allocation, manufacturer BFW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_bfw240radio: WirelessDriver = {
  name: "bfw240radio",
  meter: "BFW heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "BFW",
    version: [2],
    medium: [8],
  },
  fields: [],
  payload: [
    {
      name: "prev",
      unit: "hca",
      offset: 3,
      length: 3,
      coding: "uint",
    },
    {
      name: "prev_02",
      unit: "hca",
      offset: 3,
      length: 3,
      coding: "uint",
    },
    {
      name: "prev_04",
      unit: "hca",
      offset: 29,
      length: 2,
      coding: "uint",
    },
  ],
  golden: [
    {
      hex: "3644D7084774700002087A80C000002F2F6F1F01440100147000000000000000000000000000000000000000000037009B4410AC260221",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        prev_hca: 324,
        prev_02_hca: 324,
        prev_04_hca: 55,
      },
    },
    {
      hex: "3644D7087670700002087A27C000002F2F011F000000000B36000000000000000000000000000000000000000000000000000000010321",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
    {
      hex: "3644D7088877700002087A8BC000002F2F011F03C1038D152A0000000000000000000000000200040400040E00E20A23C11D238D010321",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
  ],
};
