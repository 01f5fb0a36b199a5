// wmbusmeters driver "ei6500" (smoke detector, manufacturer EIE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ei6500: WirelessDriver = {
  name: "ei6500",
  meter: "EIE smoke detector",
  source: CORPUS_SOURCE,
  match: { manufacturer: "EIE", version: [12], medium: [0x1a] },
  fields: [
    rec("alarm", "counter", "cumulationCounter", ["fd", 0x61], { tariff: 1, subunit: 1 }),
    rec("duration_removed", "h", "tariffDuration", ["fd", 0x31], { tariff: 2, subunit: 1 }),
    rec("removed", "counter", "errorFlags", ["fd", 0x17]),
    rec("test_button", "counter", "cumulationCounter", ["fd", 0x61], { tariff: 3, subunit: 1 }),
  ],
  payload: [
    bytes(
      "dust_level",
      "counter",
      0,
      1,
      "uint",
      undefined,
      sel("manufacturerSpecific", ["manufacturer", 0x2c], { subunit: 1 }),
    ),
  ],
  golden: [
    {
      hex: "58442515747209010C1A7A8B0000000BFD0F070101046D2A06D82502FD17000082206CD825426CD0238440FF2C000F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61000082706C0101",
      source: CORPUS_FILE,
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 0,
        dust_level_counter: 0,
      },
    },
    {
      hex: "58442515747209010C1A7A8B0000000BFD0F070101046D2A06D82502FD17000082206CD825426CD0238440FF2C1C0F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61000082706C0101",
      source: CORPUS_FILE,
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 0,
        dust_level_counter: 28,
      },
    },
    {
      hex: "58442515747209010C1A7A900000000BFD0F070101046D3406D82502FD17000082206CD825426CD0238440FF2C020F11008250FD61010082506CD8258260FD6100008360FD3100000082606C01018270FD61020082706CD825",
      source: CORPUS_FILE,
      expect: {
        alarm_counter: 1,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 2,
        dust_level_counter: 2,
      },
    },
    {
      hex: "5E442515112801000C1A7A370050252F2F0BFD0F060101046D300CAB2202FD17000082206CAB22426C01018440FF2C000F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61010082706CAB222F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 1,
        dust_level_counter: 0,
      },
    },
  ],
};
