// wmbusmeters driver "qheatv2" (heat, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { TARGET_KWH_VIF_6, TOTAL_KWH_VIF_6 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

/** The record whose data several payload fields read. */
const RECORD_1 = sel("manufacturerSpecific", ["manufacturer", 0x5f]);

export const wm_qheatv2: WirelessDriver = {
  name: "qheatv2",
  meter: "QDS heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "QDS", version: [72, 71, 62], medium: [0x04, 0x37] },
  fields: [TARGET_KWH_VIF_6, rec("target_year", "kwh", "energy", 0x06, { storage: 1 }), TOTAL_KWH_VIF_6],
  payload: [
    bytes("energy_delta_12", "kwh", 3, 4, "bcd", 0.0001, RECORD_1),
    bytes("energy_delta_13", "kwh", 28, 1, "uint", undefined, RECORD_1),
    bytes("energy_delta_8", "kwh", 0, 1, "uint", undefined, RECORD_1),
  ],
  golden: [
    {
      hex: "414493444374266848377243742668934448042A0000200C06140000004C0600000000426CFFFFCC080600000000C2086C3C3202FD170000326CFFFF046D190F3533",
      source: CORPUS_FILE,
      expect: { target_kwh: 0, target_year_kwh: 0, total_kwh: 14 },
    },
    {
      hex: "58449344414620684737780779414620689344470C0DFF5F3500825A00000E0007C00DFFFF310803001F3C036800003E34310803000080008000800080008000800000931A92293128190C00002F02FD170000046D000F3235",
      source: CORPUS_FILE,
      expect: { energy_delta_13_kwh: 0, energy_delta_8_kwh: 0 },
    },
    {
      hex: "58449344798995673E377807797989956793443E040DFF5F3500827D0000810007C006FFFF531100003F3C490900005F318010000083003C0022000B0000000000000000000A002B00510083002F02FD170000046D16085832",
      source: CORPUS_FILE,
      expect: { energy_delta_12_kwh: 81, energy_delta_13_kwh: 131, energy_delta_8_kwh: 0 },
    },
  ],
};
