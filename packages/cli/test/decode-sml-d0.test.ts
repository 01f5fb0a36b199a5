/**
 * `omdp decode` over every SML fixture of packages/sml/test/fixtures and every D0 fixture of
 * packages/d0/test/fixtures, spawning the bin as users run it, single and --batch (hex lines), checked
 * against the values the fixtures' source projects assert (`expected`, in the project's units). Also the
 * checksum evidence (SML file CRC as transmitted, message CRC mismatches; D0 BCC computed by hand), the
 * typed errors for a broken CRC / BCC, a D0 readout pasted as text, and that a P1 telegram stays DSMR.
 */
import { matchesPattern, parseAddress } from "@omdp/d0";
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { type D0Fixture, fixtures as d0Fixtures } from "../../d0/test/support/fixtures";
import { DZG, EBZ, type SmlFixture, fixtures as smlFixtures } from "../../sml/test/support/fixtures";
import { jsonLines, omdpDecode as omdp, useDecodeBundle, viaTsx } from "./support/decode";

type Cosem = { obis: string; value: unknown; unit?: string; address?: string };
interface Doc {
  protocol: string;
  crc?: { ok: boolean; transmitted: string; variant: string; messages: { code: string }[] };
  bcc?: { ok: boolean; transmitted: string; computed: string } | null;
  header?: { manufacturer: string };
  cosem: Cosem[];
  reading: unknown;
}

const sml = smlFixtures();
const d0 = d0Fixtures();

/**
 * The DZG fixture's source asserts 356.24 W for 16.7.0 only with the opt-in quirk dzg-unsigned-power
 * (packages/sml quirks.ts: never by default); `omdp decode` has no quirk option, so it prints the value
 * as the meter encoded it: 53 8B 28 = 0x8B28 as Integer16 = -29912, scaler -2 -> -299.12 W, the value
 * the fixture's source names as the wrong one ("Wrongly encoded power value 356.24 as -299.12").
 */
function smlExpected(f: SmlFixture): Record<string, number> {
  return f.name === DZG ? { ...f.expected, "1.0.16.7.0.255": (0x8b28 - 0x10000) / 100 } : f.expected;
}

function checkSml(doc: Doc, f: SmlFixture): void {
  expect(doc.protocol, f.name).toBe("sml");
  // the file CRC as sent: the last two bytes of the file (after 1B1B1B1B 1A pp)
  expect(doc.crc?.transmitted, f.name).toBe(f.hex.slice(-4).toUpperCase());
  expect(doc.crc?.variant, f.name).toBe("standard");
  // sml2mqtt's dump had its open and get-list contents zeroed without redoing those two message CRCs
  expect(
    doc.crc?.messages.map((m) => m.code),
    f.name,
  ).toEqual(f.name === EBZ ? ["MESSAGE_CRC_MISMATCH", "MESSAGE_CRC_MISMATCH"] : []);
  expect(doc.crc?.ok, f.name).toBe(f.name !== EBZ);
  for (const [obis, value] of Object.entries(smlExpected(f))) {
    const c = doc.cosem.find((x) => x.obis === obis);
    expect(c, `${f.name} ${obis}`).toBeDefined();
    expect(c?.value, `${f.name} ${obis}`).toBe(value);
    expect(c?.unit, `${f.name} ${obis}`).toBe(f.units[obis]);
  }
  expect(MeterReading.safeParse(doc.reading).success, f.name).toBe(true);
}

/** The first data set whose written address matches the fixture's `A.B.C.D.E.F` pattern (`*` any). */
function byPattern(doc: Doc, pattern: string): Cosem | undefined {
  return doc.cosem.find((c) => {
    const code = parseAddress(c.address ?? "");
    return code !== undefined && matchesPattern(code, pattern);
  });
}

function checkD0(doc: Doc, f: D0Fixture): void {
  expect(doc.protocol, f.name).toBe("d0");
  expect(doc.bcc, f.name).toBe(f.checks.bcc); // null: none of the source captures kept ETX/BCC
  expect(doc.header?.manufacturer, f.name).toBe(Buffer.from(f.hex.slice(2, 8), "hex").toString("latin1"));
  for (const [pattern, value] of Object.entries(f.expected)) {
    const c = byPattern(doc, pattern);
    expect(c, `${f.name} ${pattern}`).toBeDefined();
    expect(c?.value, `${f.name} ${pattern}`).toBe(value);
    expect(c?.unit, `${f.name} ${pattern}`).toBe(f.units[pattern]);
  }
  expect(MeterReading.safeParse(doc.reading).success, f.name).toBe(true);
}

// The spawns run the decode bundle (support/decode.ts useDecodeBundle); the --batch runs over every SML
// and D0 fixture go through tsx (viaTsx), so both ways the bin runs are checked against the sources' values.
useDecodeBundle();

describe("omdp decode: SML fixtures", () => {
  it("has both fixtures", () => expect(sml.length).toBe(2));

  it.each(sml.map((f) => [f.name, f] as const))("%s (single, auto-detected)", (_, f) => {
    const r = omdp([f.hex]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    checkSml(JSON.parse(r.stdout), f);
  });

  it("--batch and --protocol sml: one hex line per file, answers in input order", () => {
    const r = viaTsx(() => omdp(["--batch", "--protocol", "sml"], sml.map((f) => f.hex).join("\n")));
    expect(r.status).toBe(0);
    const docs = jsonLines(r.stdout);
    expect(docs.length).toBe(sml.length);
    docs.forEach((d, i) => {
      expect(d.ok).toBe(true);
      checkSml(d, sml[i]!);
    });
  });

  it("a changed value byte: FILE_CRC_MISMATCH with both CRCs, exit 1", () => {
    const f = sml.find((x) => x.name === DZG)!;
    const i = f.hex.indexOf("538B28") + 2; // the 16.7.0 value's first byte
    const broken = `${f.hex.slice(0, i)}7B${f.hex.slice(i + 2)}`;
    const r = omdp([broken]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^omdp decode: FILE_CRC_MISMATCH: .*\(expected [0-9A-Fa-fx]+, actual [0-9A-Fa-fx]+\)/,
    );
    const b = omdp(["--batch"], `${broken}\n${f.hex}`);
    const [bad, good] = jsonLines(b.stdout);
    expect(bad.error.code).toBe("FILE_CRC_MISMATCH");
    expect(good.ok).toBe(true);
  });
});

describe("omdp decode: D0 fixtures", () => {
  it("has all five fixtures", () => expect(d0.length).toBe(5));

  it.each(d0.map((f) => [f.name, f] as const))("%s (single, auto-detected)", (_, f) => {
    const r = omdp([f.hex]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    checkD0(JSON.parse(r.stdout), f);
  });

  it("--batch: one hex line per readout, answers in input order; --protocol d0 the same", () => {
    for (const args of [["--batch"], ["--batch", "--protocol", "d0"]]) {
      const r = viaTsx(() => omdp(args, d0.map((f) => f.hex).join("\n")));
      expect(r.status).toBe(0);
      const docs = jsonLines(r.stdout);
      expect(docs.length).toBe(d0.length);
      docs.forEach((d, i) => {
        expect(d.ok).toBe(true);
        checkD0(d, d0[i]!);
      });
    }
  });

  it("a readout pasted as text on stdin is D0", () => {
    const f = d0.find((x) => x.name === "vzlogger_hagerehz_basic_1")!;
    const r = omdp([], Buffer.from(f.hex, "hex").toString("latin1"));
    expect(r.status).toBe(0);
    checkD0(JSON.parse(r.stdout), f);
  });

  describe("BCC evidence", () => {
    // The Elster mode D readout (STX ... ! CR LF) closed with ETX and its BCC: the XOR of every byte
    // after STX up to and including ETX (IEC 62056-21 §6.3.3), computed here byte by byte.
    const f = d0.find((x) => x.name === "smartmeter_obis_serialrequestresponsed0modedack")!;
    const body = Buffer.concat([Buffer.from(f.hex, "hex"), Buffer.from([0x03])]);
    const stx = body.indexOf(0x02);
    const bcc = body.subarray(stx + 1).reduce((x, b) => x ^ b, 0);
    const hexOf = (b: number) => Buffer.concat([body, Buffer.from([b])]).toString("hex");

    it("a correct BCC is printed with ok, transmitted and computed", () => {
      const r = omdp([hexOf(bcc)]);
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout) as Doc;
      const h = bcc.toString(16).toUpperCase().padStart(2, "0");
      expect(doc.bcc).toEqual({ ok: true, transmitted: h, computed: h });
      expect(byPattern(doc, "*.*.1.8.0.*")?.value).toBe(285400);
    });

    it("a wrong BCC: BCC_MISMATCH with the sent and the computed BCC, exit 1", () => {
      const wrong = bcc ^ 0x01;
      const r = omdp([hexOf(wrong)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("BCC_MISMATCH");
      expect(r.stderr).toContain(`(expected ${wrong}, actual ${bcc})`);
    });
  });
});

describe("detection between D0 and DSMR", () => {
  it("a P1 telegram (blank line, then A-B:C.D.E lines) stays DSMR", () => {
    const p1 = "/ISk5\\2MT382-1000\r\n\r\n1-0:1.8.1(000123.456*kWh)\r\n!\r\n";
    const r = omdp([Buffer.from(p1, "latin1").toString("hex")]);
    expect(JSON.parse(r.stdout).protocol).toBe("dsmr");
  });
});
