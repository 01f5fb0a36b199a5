/**
 * `omdp decode` as users run it: spawning `node packages/cli/bin/omdp.js decode ...` over the DLMS and
 * M-Bus fixtures of the repository (packages/dlms/test/fixtures, packages/mbus/test/fixtures), checked
 * against the reference values those fixtures carry.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  dateTimeToLibmbus,
  FUNCTION,
  LIBMBUS_INVALID_DATETIME,
  QUANTITY,
  UNIT,
} from "../../mbus/test/support/libmbus-mapping";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const BIN = join(ROOT, "packages", "cli", "bin", "omdp.js");

function omdp(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "decode", ...args], {
    cwd: ROOT,
    input: input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface DlmsFixture {
  name: string;
  transport: string;
  hex: string;
  key: string | null;
  expected: { count: number; strings: Record<string, string>; numbers: Record<string, number> };
}
const load = <T>(dir: string): T[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as T);
const dlms = load<DlmsFixture>(join(ROOT, "packages", "dlms", "test", "fixtures"));

interface MbusRecord {
  function: string;
  storage: number;
  tariff: number | null;
  subunit: number | null;
  unit: string;
  quantity: string;
  value: string;
  numeric: number | null;
}
interface MbusFixture {
  name: string;
  hex: string;
  expected: { slave: Record<string, string>; records: MbusRecord[] };
}
const mbusValid = load<MbusFixture>(join(ROOT, "packages", "mbus", "test", "fixtures", "valid"));
const mbusInvalid = load<{ name: string; hex: string }>(
  join(ROOT, "packages", "mbus", "test", "fixtures", "invalid"),
);

/** The same documented differences as packages/dlms/test/corpus.test.ts (see the reasons there). */
const ALIASES: Record<string, string> = { "0.0.0.0.0.0": "0.0.1.0.0.255" };
const COUNT_DIFFERENCES: Record<string, number> = { mbus_netz_noe_p1: 13, hdlc_kaifa_ma304h3e: 13 };

type Cosem = { obis: string; value: unknown; text?: string; unit?: string };

function checkDlms(doc: { transport: string; cosem: Cosem[] }, f: DlmsFixture): void {
  expect(doc.transport, f.name).toBe(f.transport);
  for (const [obis, want] of Object.entries(f.expected.numbers)) {
    const got = doc.cosem.find((c) => c.obis === (ALIASES[obis] ?? obis));
    expect(got, `${f.name} ${obis}`).toBeDefined();
    expect(got!.value as number, `${f.name} ${obis}`).toBeCloseTo(want, 9);
  }
  for (const [obis, want] of Object.entries(f.expected.strings)) {
    const got = doc.cosem.find((c) => c.obis === (ALIASES[obis] ?? obis));
    const text = got?.text?.replace("T", " ").replace(/[+-]\d\d:\d\d$/, "");
    expect(got?.text === want || text === want, `${f.name} ${obis}: ${got?.text}`).toBe(true);
  }
  expect(doc.cosem.length, `${f.name} count`).toBe(COUNT_DIFFERENCES[f.name] ?? f.expected.count);
}

describe("omdp decode (single telegram)", () => {
  it("--help", () => {
    const r = omdp(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--auth-key/);
    expect(r.stdout).toMatch(/--batch/);
  });

  it("the Netz NÖ example from arguments, split in pieces, with its key", () => {
    const f = dlms.find((x) => x.name === "mbus_netz_noe_p1")!;
    const pieces = f.hex.match(/.{1,64}/g)!;
    const r = omdp(["--key", f.key!, ...pieces]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    checkDlms(doc, f);
    expect(doc.frames).toBe(2);
    expect(doc.meter).toMatchObject({
      id: "181220000009",
      manufacturer: "KFM",
      dateTime: "2021-09-27T09:47:15+02:00",
    });
    expect(doc.reading.readingTime).toBe("2021-09-27T09:47:15+02:00");
    expect(doc.reading.values).toContainEqual({ property: "1-0:1.8.0", value: 12937, unit: "Wh" });
    expect(r.stdout.toLowerCase()).not.toContain(f.key!.toLowerCase());
  });

  it("hex from stdin with newlines and '-' continuations", () => {
    const f = dlms.find((x) => x.name === "raw_salzburg_netz")!;
    const text = f.hex.match(/.{1,40}/g)!.join(" -\n");
    const r = omdp([], text);
    expect(r.status, r.stderr).toBe(0);
    checkDlms(JSON.parse(r.stdout), f);
  });

  it("no key for an encrypted telegram: exit 1, one line on stderr, nothing on stdout", () => {
    const f = dlms.find((x) => x.name === "mbus_netz_noe_p1")!;
    const r = omdp([f.hex]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/KEY_MISSING/);
  });

  it("a malformed key is refused without echoing it", () => {
    const secret = "00112233445566778899aabbccddeeXX";
    const r = omdp(["--key", secret, "0F00"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--key must be/);
    expect(r.stderr).not.toContain(secret);
    expect(r.stderr).not.toContain("00112233");
  });

  it("a wrong key says so", () => {
    const f = dlms.find((x) => x.name === "hdlc_landis_gyr_e450")!;
    const r = omdp(["--key", "00".repeat(16), f.hex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/KEY_WRONG.*wrong key/);
  });

  it("--transport forces the reading of the bytes", () => {
    const f = dlms.find((x) => x.name === "hdlc_norway_han_1phase")!;
    const r = omdp(["--transport", "raw", f.hex]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/APDU_UNKNOWN/);
  });
});

describe("omdp decode --batch over the whole shared corpus", () => {
  it("every DLMS vector agrees with the reference (keys per run, output in input order)", () => {
    const byKey = new Map<string, DlmsFixture[]>();
    for (const f of dlms) byKey.set(f.key ?? "", [...(byKey.get(f.key ?? "") ?? []), f]);
    let checked = 0;
    for (const [key, group] of byKey) {
      const r = omdp(["--batch", ...(key ? ["--key", key] : [])], group.map((f) => f.hex).join("\n"));
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(group.length);
      lines.forEach((doc, i) => {
        expect(doc.ok).toBe(true);
        checkDlms(doc, group[i]!);
        checked++;
      });
    }
    expect(checked).toBe(dlms.length);
  });

  it("a bad line never stops the batch: typed errors in place, exit 1", () => {
    const ok = dlms.find((x) => x.name === "raw_salzburg_netz")!.hex;
    const input = [ok, "zz not hex", "", ok.slice(0, 60), "68 03 03 68 08 01 70 79 16", ok].join("\n");
    const r = omdp(["--batch"], input);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("omdp decode: 3 of 5 telegrams did not decode");
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.ok)).toEqual([true, false, false, false, true]);
    expect(lines[1].error).toMatchObject({ code: "HEX_INVALID" });
    expect(lines[2].error.code).toMatch(/^AXDR_|^APDU_/);
    expect(typeof lines[2].error.offset).toBe("number");
    expect(lines[3].error).toMatchObject({ code: "APPLICATION_ERROR", offset: 6 });
  });

  it("every valid M-Bus vector: header, every record's function, storage, tariff, subunit, quantity, value, unit", () => {
    const r = omdp(["--batch"], mbusValid.map((f) => f.hex).join("\n"));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(mbusValid.length);
    let records = 0;
    lines.forEach((doc, i) => {
      const f = mbusValid[i]!;
      expect(doc.ok, f.name).toBe(true);
      expect(doc.protocol).toBe("mbus");
      expect(String(doc.meter.id).replace(/^0+(?=.)/, ""), `${f.name} id`).toBe(f.expected.slave.Id);
      expect(String(doc.meter.accessNumber), `${f.name} access`).toBe(f.expected.slave.AccessNumber);
      expect(doc.records, f.name).toHaveLength(f.expected.records.length);
      f.expected.records.forEach((e, k) => {
        const got = doc.records[k];
        const where = `${f.name} record ${k}`;
        expect(got.function, where).toBe(FUNCTION[e.function]);
        if (f.expected.slave.Manufacturer) {
          expect(got.storage, where).toBe(e.storage);
          expect(got.tariff, where).toBe(e.tariff ?? 0);
          expect(got.subunit, where).toBe(e.subunit ?? 0);
        }
        expect(typeof got.raw, where).toBe("string");
        if (e.numeric !== null) {
          const fixed = doc.ci === 0x73 ? ({ kWh: 1000, l: 0.001 }[e.unit] ?? 1) : 1;
          expect(
            Math.abs(got.value - e.numeric * fixed),
            `${where} ${got.value} vs ${e.numeric}`,
          ).toBeLessThanOrEqual(5e-7 + 1e-9 * Math.abs(e.numeric * fixed));
        }
        if (doc.ci !== 0x73 && e.quantity !== null && e.quantity in QUANTITY && e.unit in UNIT) {
          expect(got.quantity, where).toBe(QUANTITY[e.quantity]);
          expect(got.unit, where).toBe(UNIT[e.unit]);
        } else if (doc.ci !== 0x73) {
          // a plain-text VIF: libmbus prints its text as the quantity
          expect(got.quantity, where).toBe(e.quantity);
        }
        if (e.numeric === null) {
          const v = String(got.value ?? "");
          const ok =
            v === e.value ||
            v.trim() === e.value ||
            v === e.value.replace(/ /g, "").toLowerCase() ||
            (/^\d{4}-\d\d-\d\dT/.test(v) && dateTimeToLibmbus(v) === e.value) ||
            (got.invalid === true && e.value === LIBMBUS_INVALID_DATETIME);
          expect(ok, `${where}: ${v} vs ${e.value}`).toBe(true);
        }
        records++;
      });
    });
    expect(records).toBe(447);
  });

  it("every invalid M-Bus vector is rejected with a typed error and an offset, or decodes with its status or record errors", () => {
    const r = omdp(["--batch"], mbusInvalid.map((f) => f.hex).join("\n"));
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(mbusInvalid.length);
    lines.forEach((doc, i) => {
      const name = mbusInvalid[i]!.name;
      if (doc.ok && name === "svm_f22_telegram2") {
        // well formed; it reports a temporary error and "more records follow"
        expect(doc.meter.statusFlags.temporaryError).toBe(true);
        expect(doc.moreRecordsFollow).toBe(true);
        return;
      }
      if (doc.ok) {
        // a sound header with a record that cannot be read: the telegram, with the record error's evidence
        expect(doc.recordErrors.length, name).toBeGreaterThan(0);
        for (const e of doc.recordErrors) {
          expect(typeof e.code, name).toBe("string");
          expect(typeof e.offset, name).toBe("number");
          expect(typeof e.at, name).toBe("number");
        }
        return;
      }
      expect(typeof doc.error.code, name).toBe("string");
      expect(typeof doc.error.message, name).toBe("string");
      expect(typeof doc.error.offset, name).toBe("number");
    });
  });
});
