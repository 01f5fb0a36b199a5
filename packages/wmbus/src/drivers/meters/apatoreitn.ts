// wmbusmeters driver "apatoreitn" (heat cost allocation, manufacturer APT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_apatoreitn: WirelessDriver = {
  name: "apatoreitn",
  meter: "APT heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "APT",
    version: [4],
    medium: [8],
  },
  fields: [],
  payload: [
    {
      name: "previous",
      unit: "hca",
      offset: 15,
      length: 4,
      coding: "uint",
    },
  ],
  golden: [
    {
      hex: "25441486323737370408B60AFFFFF5450186F41B9D58A0A100007809000000001F2D6416C819",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        previous_hca: 2424,
      },
    },
  ],
};
