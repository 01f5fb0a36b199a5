/**
 * `omdp decode` prints the meter driver's normalised fields under `values` and its name under `driver`
 * (issue 12 section 2), besides the unchanged output. Expected values are wmbusmeters' printed values
 * for the same telegrams (packages/mbus/test/fixtures/wmbusmeters-wired/tests.json).
 */
import { describe, expect, it } from "vitest";
import { omdpDecode as decode } from "./support/decode";

// wmbusmeters' test 'Kamstrup_403_mbus kamheat 77447744' (src/driver_kamheat.cc)
const KAMSTRUP_403 =
  "68464668084a72447744772d2c3404060000000406ce86000004ff073444020004ff08f8ce0100041411680300043B0f02000002593c19025da41104ff220000000004a5ff21c7d02700d916";
// wmbusmeters' test 'Elen nemo 00067609', telegram 3 (src/driver_nemo.cc)
const IME_NEMO_3 =
  "689E9E6808657209760600A5251D02020000008540ABFF0100360B478540ABFF02002CFA468540ABFF030074ED46858040ABFF0100C0E244858040ABFF0200405A45858040ABFF030060364505FDBAFF0178BE7F3F05FDBAFF0240357E3F05FDBAFF0353B87E3F05FDC8FF0400907A4505FDC8FF0500707B4505FDC8FF0600807B4505FDD9FF0400502A4705FF5A0000FA4302FD3AC80002FD3A0A000F00000000008B16";

describe("omdp decode: driver and values", () => {
  it("names Kamstrup's manufacturer records (forward and return energy) through its driver", () => {
    const r = decode([KAMSTRUP_403]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      driver: string;
      values: Record<string, number>;
      records: unknown[];
    };
    expect(doc.driver).toBe("kamstrup-multical");
    expect(doc.values).toMatchObject({
      total_energy_consumption_kwh: 34510,
      forward_energy_m3c: 148532,
      return_energy_m3c: 118520,
      t1_temperature_c: 64.6,
    });
    expect(doc.records.length).toBe(9);
  });

  it("--batch prints the same fields on each line, IME per-phase registers included", () => {
    const r = decode(["--batch"], `${KAMSTRUP_403}\n${IME_NEMO_3}\n`);
    expect(r.status).toBe(0);
    const [kam, ime] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { driver: string; values: Record<string, number> });
    expect(kam!.values.forward_energy_m3c).toBe(148532);
    expect(ime!.driver).toBe("ime-nemo");
    expect(ime!.values).toMatchObject({
      active_power_at_phase_1_kw: 35.638,
      voltage_l3_l1_v: 402.4,
      frequency_hz: 50,
    });
  });
});
