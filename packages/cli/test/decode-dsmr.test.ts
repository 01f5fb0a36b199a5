/**
 * `omdp decode` over every DSMR P1 fixture of packages/dsmr/test/fixtures (real telegrams of NL, BE, LU,
 * IE, SE meters), spawning the bin as users run it, single and --batch (hex lines), checked against the
 * values the fixtures' source projects assert (their `expected`, in the project's units). Also: the
 * Smarty frame with and without keys, a telegram pasted as text, the CRC evidence, and that auto-detection
 * leaves M-Bus and DLMS answers as they were.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encryptGloCiphering } from "@omdp/dlms";
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { type DsmrFixture, fixtures } from "../../dsmr/test/support/fixtures";
import { jsonLines, omdpDecode as omdp, ROOT, useDecodeBundle, viaTsx } from "./support/decode";

type Cosem = { obis: string; value: unknown; unit?: string; text?: string };
interface Doc {
  protocol: string;
  header: { manufacturer: string; ident: string; version?: string };
  crc: { ok: boolean; transmitted: string; computed: string } | null;
  meter: { encrypted: boolean };
  cosem: Cosem[];
  reading: unknown;
}

// The spawns run the decode bundle (support/decode.ts useDecodeBundle); the --batch run over every
// fixture goes through tsx (viaTsx), so both ways the bin runs are checked against the fixtures' values.
useDecodeBundle();

const all = fixtures();
const plain = all.filter((f) => f.key === undefined);
const smarty = all.find((f) => f.key !== undefined)!;
const keyArgs = (f: DsmrFixture) => ["--key", f.key!, ...(f.authKey ? ["--auth-key", f.authKey] : [])];

/** The transmitted CRC as the telegram writes it: the four characters after '!' (null without one). */
function writtenCrc(f: DsmrFixture): string | null {
  const text = Buffer.from(f.hex, "hex").toString("latin1");
  const m = /!([0-9A-Fa-f]{4})\s*$/.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

/** Every value the fixture's source asserts, found in the answer's cosem list by its dotted OBIS code. */
function checkDsmr(doc: Doc, f: DsmrFixture): void {
  expect(doc.protocol, f.name).toBe("dsmr");
  expect(doc.meter.encrypted, f.name).toBe(f.key !== undefined);
  for (const [dotted, want] of Object.entries(f.expected)) {
    const ids = [dotted, ...(f.alternatives?.[dotted] ?? [])];
    const got = ids.map((id) => doc.cosem.find((c) => c.obis === id)).find((c) => c !== undefined);
    expect(got, `${f.name} ${dotted}`).toBeDefined();
    const unit = f.units[dotted] ?? "";
    if (unit !== "") {
      expect(got!.value, `${f.name} ${dotted}`).toBe(want);
      expect(got!.unit, `${f.name} ${dotted}`).toBe(unit);
    } else if (typeof got!.value === "number") {
      expect(got!.value, `${f.name} ${dotted}`).toBe(want);
    } else {
      // the source keeps octet strings as written (hex); the answer's text is them decoded
      const asWritten = [
        got!.text,
        Buffer.from(got!.text ?? "", "latin1")
          .toString("hex")
          .toUpperCase(),
      ];
      expect(asWritten, `${f.name} ${dotted}`).toContain(f.sourceValues[dotted]);
    }
  }
  if (f.key === undefined) {
    const crc = writtenCrc(f);
    // DSMR 2.2/3 send no CRC (crcValid null); the others: the answer shows the CRC the telegram writes
    expect(doc.crc === null ? null : doc.crc.transmitted, f.name).toBe(crc);
    if (doc.crc) expect(doc.crc, f.name).toEqual({ ok: true, transmitted: crc, computed: crc });
  }
  // the normalised reading is a valid MeterReading of protocol dsmr
  expect(MeterReading.parse(doc.reading).source.protocol, f.name).toBe("dsmr");
}

describe("omdp decode: DSMR P1 fixtures", () => {
  it("reads the 13 fixtures (12 plain, 1 Smarty)", () => {
    expect(all).toHaveLength(13);
    expect(plain).toHaveLength(12);
  });

  for (const f of plain) {
    it(`single, auto-detected: ${f.name}`, () => {
      const r = omdp([f.hex]);
      expect(r.status, r.stderr).toBe(0);
      checkDsmr(JSON.parse(r.stdout), f);
    });
  }

  it("--batch (through tsx): one hex line per telegram, answers in input order", () => {
    const r = viaTsx(() => omdp(["--batch"], plain.map((f) => f.hex).join("\n")));
    expect(r.status, r.stderr).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(plain.length);
    lines.forEach((doc, i) => {
      expect(doc.ok).toBe(true);
      checkDsmr(doc, plain[i]!);
    });
  });

  it("header carries the identification and the P1 version (DSMR 5: 1-3:0.2.8 = 50)", () => {
    const f = plain.find((x) => x.name === "dsmr_parser_v5")!;
    const doc = JSON.parse(omdp([f.hex]).stdout) as Doc;
    // the telegram's first line is /ISk5\2MT382-1000 (see its hex: 2F 49 53 6B 35 5C 32 4D ...)
    expect(doc.header).toEqual({ manufacturer: "ISk", baudChar: "5", ident: "\\2MT382-1000", version: "50" });
  });
});

describe("omdp decode: a telegram pasted as text", () => {
  it("the raw ASCII telegram on stdin, lines ending in LF alone as a terminal keeps them", () => {
    const f = plain.find((x) => x.name === "dsmr_parser_v5")!;
    const text = `  ${Buffer.from(f.hex, "hex").toString("latin1").replace(/\r\n/g, "\n")}`;
    expect(text).not.toContain("\r");
    const r = omdp([], text);
    expect(r.status, r.stderr).toBe(0);
    checkDsmr(JSON.parse(r.stdout), f);
  });
});

describe("omdp decode: Luxembourg Smarty frames", () => {
  it("with --key and --auth-key: auto-detected as DSMR, decrypted, the source's values", () => {
    const r = omdp([...keyArgs(smarty), smarty.hex]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    checkDsmr(doc, smarty);
    // the frame's system title is the ASCII "SYSTEMID" (hex 53595354454D4944 at bytes 2..9)
    expect(doc.meter.systemTitle).toBe("53595354454d4944");
    expect(r.stdout.toLowerCase()).not.toContain(smarty.key!.toLowerCase());
  });

  it("in --batch with the keys, between plain telegrams", () => {
    const group = [plain[0]!, smarty, plain[1]!];
    const r = omdp(["--batch", ...keyArgs(smarty)], group.map((f) => f.hex).join("\n"));
    expect(r.status, r.stderr).toBe(0);
    jsonLines(r.stdout).forEach((doc, i) => {
      checkDsmr(doc, group[i]!);
    });
  });

  it("without a key, auto: a typed error (a 0xDB frame without key is DLMS's KEY_MISSING), exit 1", () => {
    const r = omdp([smarty.hex]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/KEY_MISSING/);
  });

  it("without a key, --protocol dsmr: KEY_REQUIRED; --batch gives it in place with its offset", () => {
    const r = omdp(["--protocol", "dsmr", smarty.hex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^omdp decode: KEY_REQUIRED: .*\(at offset 0\)\n$/);
    const b = omdp(["--batch", "--protocol", "dsmr"], `${smarty.hex}\n${plain[0]!.hex}`);
    expect(b.status).toBe(1);
    const [first, second] = jsonLines(b.stdout);
    expect(first).toMatchObject({ ok: false, error: { code: "KEY_REQUIRED", offset: 0, field: "key" } });
    expect(second.ok).toBe(true);
  });

  it("the key without the authentication key the meter uses: DECRYPT_FAILED, the key not echoed", () => {
    const r = omdp(["--protocol", "dsmr", "--key", smarty.key!, smarty.hex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DECRYPT_FAILED/);
    expect(r.stderr.toLowerCase()).not.toContain(smarty.key!.toLowerCase());
  });
});

describe("omdp decode --keys FILE: Smarty frames by their meter (the rules in process: keys-file.test.ts)", () => {
  // The frame's system title is "SYSTEMID" (bytes 2..9: 53 59 53 54 45 4D 49 44). The reader names the
  // meter by the FLAG letters "SYS" and the other five octets in hex: SYS + 54454D4944 (hand-worked).
  const METER = "SYS54454D4944";
  const TITLE = "53595354454D4944";
  const dir = mkdtempSync(join(tmpdir(), "omdp-smarty-keys-"));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const both = { key: smarty.key!, authKey: smarty.authKey! };

  it("the reader's form by meter id: --batch between plain telegrams, auto-detected, no key echoed", () => {
    const keys = file("by-meter.json", { "12345678": "00112233445566778899AABBCCDDEEFF", [METER]: both });
    const group = [plain[0]!, smarty, plain[1]!];
    const r = omdp(["--batch", "--keys", keys], group.map((f) => f.hex).join("\n"));
    expect(r.status, r.stderr).toBe(0);
    jsonLines(r.stdout).forEach((doc, i) => {
      checkDsmr(doc, group[i]!);
    });
    expect(r.stdout.toLowerCase()).not.toContain(smarty.key!.toLowerCase());
  });

  it("a meter the file does not name: KEY_MISSING in place naming meter and title, the next line read", () => {
    const other = file("other.json", { SAG1234567890: both });
    const r = omdp(["--batch", "--keys", other], `${smarty.hex}\n${plain[0]!.hex}`);
    expect(r.status).toBe(1);
    const [first, second] = jsonLines(r.stdout);
    expect(first).toMatchObject({
      ok: false,
      error: { code: "KEY_MISSING", offset: 2, field: "key", actual: TITLE },
    });
    expect(first.error.message).toContain(METER);
    expect(first.error.message).toContain(other);
    checkDsmr(second, plain[0]!);
    expect(r.stdout.toLowerCase()).not.toContain(smarty.key!.toLowerCase());
  });
});

describe("omdp decode: CRC evidence", () => {
  it("a changed digit: CRC_MISMATCH with the CRC sent and the CRC computed", () => {
    const f = plain.find((x) => x.name === "dsmr_parser_v5")!;
    const sent = writtenCrc(f)!;
    // 1-0:1.8.1(000004.426*kWh) -> (000004.427*kWh): "426" is hex 343236, "427" is 343237
    const changed = f.hex.replace("3030303030342E3432362A6B5768", "3030303030342E3432372A6B5768");
    expect(changed).not.toBe(f.hex);
    const r = omdp(["--batch"], changed);
    expect(r.status).toBe(1);
    const [doc] = jsonLines(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.error).toMatchObject({ code: "CRC_MISMATCH", expected: sent, field: "crc" });
    expect(doc.error.actual).toMatch(/^[0-9A-F]{4}$/);
    expect(doc.error.actual).not.toBe(sent);
    const single = omdp([changed]);
    expect(single.stderr).toMatch(new RegExp(`CRC_MISMATCH: .*expected ${sent}, actual [0-9A-F]{4}`));
  });
});

describe("omdp decode: auto-detection leaves M-Bus and DLMS as they were", () => {
  const load = (dir: string) =>
    readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort()
      .map(
        (n) =>
          JSON.parse(readFileSync(join(dir, n), "utf8")) as { name: string; hex: string; key: string | null },
      );
  const dlms = load(join(ROOT, "packages", "dlms", "test", "fixtures")).filter((f) => f.key === null);
  const mbus = load(join(ROOT, "packages", "mbus", "test", "fixtures", "valid")).slice(0, 10);

  it("a batch mixing DSMR lines into M-Bus and DLMS lines gives those lines' answers unchanged", () => {
    const others = [...mbus, ...dlms].map((f) => f.hex);
    const alone = omdp(["--batch", "--protocol", "auto"], others.join("\n")).stdout.split("\n");
    const mixed = others.flatMap((h, i) => (i % 3 === 0 ? [h, plain[i % plain.length]!.hex] : [h]));
    const out = omdp(["--batch"], mixed.join("\n")).stdout.split("\n");
    let k = 0;
    mixed.forEach((h, i) => {
      if (h.startsWith("2F")) {
        expect(JSON.parse(out[i]!).protocol).toBe("dsmr");
        return;
      }
      // time-dependent fields (receivedAt) differ between runs; everything else is the same
      const strip = (line: string) =>
        line.replace(/"receivedAt":"[^"]*"/g, "").replace(/"readingTime":"[^"]*Z"/g, "");
      expect(strip(out[i]!)).toBe(strip(alone[k]!));
      k++;
    });
    expect(k).toBe(others.length);
  });

  it("a DLMS general-glo-ciphering APDU of the very Smarty layout stays DLMS with a key (plaintext 0x0F)", () => {
    const salzburg = load(join(ROOT, "packages", "dlms", "test", "fixtures")).find(
      (f) => f.name === "raw_salzburg_netz",
    )!;
    const key = Buffer.from("000102030405060708090A0B0C0D0E0F", "hex");
    const authKey = Buffer.from("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF", "hex");
    const apdu = encryptGloCiphering({
      plaintext: Buffer.from(salzburg.hex, "hex"),
      key,
      authKey,
      systemTitle: Buffer.from("SYSTEMID", "latin1"),
      frameCounter: 1,
      securityControl: 0x30,
    });
    // DB 08 title(8) 82 len(2) 30 ...: 336 plaintext bytes + 5 + 12 tag = 353 = 0x0161, ending the frame
    expect(Buffer.from(apdu.subarray(0, 14)).toString("hex")).toBe("db0853595354454d494482016130");
    expect(apdu.length).toBe(13 + 0x161);
    const hex = Buffer.from(apdu).toString("hex");
    const r = omdp(["--key", key.toString("hex"), "--auth-key", authKey.toString("hex"), hex]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.protocol).toBe("dlms");
    expect(doc.cosem).toEqual(JSON.parse(omdp([salzburg.hex]).stdout).cosem);
  });

  it("--protocol forces one: an M-Bus frame read as DSMR is NO_HEADER; an unknown protocol is refused", () => {
    const r = omdp(["--protocol", "dsmr", mbus[0]!.hex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NO_HEADER/);
    const dsmrAsDlms = omdp(["--protocol", "dlms", plain[0]!.hex]);
    expect(dsmrAsDlms.stderr).toMatch(/TRANSPORT_UNKNOWN/);
    const bad = omdp(["--protocol", "xyz", "00"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--protocol must be one of auto\|mbus\|dlms\|dsmr/);
  });
});
