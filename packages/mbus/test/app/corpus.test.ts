/**
 * Table-driven over every vector of the shared corpus (copied into test/fixtures): every value, unit,
 * quantity, function, storage, tariff and subunit of every valid telegram against the reference decoder
 * (libmbus), through the documented name mapping in ../support/libmbus-mapping.ts.
 */
import { describe, expect, it } from "vitest";
import { type DataRecord, decodeTelegramHex, type Telegram, toHex } from "../../src/index";
import { type ExpectedRecord, validFixtures } from "../support/fixtures";
import {
  dateTimeToLibmbus,
  FIXED_MEDIUM,
  FIXED_UNIT,
  FUNCTION,
  LIBMBUS_INVALID_DATETIME,
  mediumName,
  QUANTITY,
  UNIT,
} from "../support/libmbus-mapping";

function closeTo(actual: number, expected: number): boolean {
  // libmbus prints %f (6 decimals); real32 values differ below that
  return Math.abs(actual - expected) <= 5e-7 + 1e-9 * Math.abs(expected);
}

function checkRecord(r: DataRecord, e: ExpectedRecord, where: string): void {
  expect(r.function, `${where} function`).toBe(FUNCTION[e.function]);
  expect(r.storage, `${where} storage`).toBe(e.storage);
  expect(r.tariff, `${where} tariff`).toBe(e.tariff ?? 0);
  expect(r.subunit, `${where} subunit`).toBe(e.subunit ?? 0);
  const plain = r.table === "plainText";
  if (plain) {
    // libmbus prints the plain-text VIF as the quantity and "-" as the unit
    expect(r.quantity, `${where} quantity`).toBe("plainText");
    expect(r.plainText, `${where} plain text`).toBe(e.quantity);
  } else {
    expect(e.quantity !== null && e.quantity in QUANTITY, `${where} unmapped quantity ${e.quantity}`).toBe(
      true,
    );
    expect(r.quantity, `${where} quantity`).toBe(QUANTITY[e.quantity!]);
    expect(e.unit in UNIT, `${where} unmapped unit ${e.unit}`).toBe(true);
    expect(r.unit, `${where} unit`).toBe(UNIT[e.unit]);
  }
  if (e.numeric !== null) {
    expect(typeof r.value, `${where} value type`).toBe("number");
    expect(closeTo(r.value as number, e.numeric), `${where} value ${r.value} vs ${e.numeric}`).toBe(true);
    return;
  }
  switch (r.valueKind) {
    case "date":
      expect(r.value, `${where} date`).toBe(e.value);
      break;
    case "dateTime":
      if (r.invalid) expect(e.value, `${where} invalid date-time`).toBe(LIBMBUS_INVALID_DATETIME);
      else expect(dateTimeToLibmbus(r.value as string), `${where} date-time`).toBe(e.value);
      break;
    case "text":
      // libmbus trims blanks from strings; the codec keeps them (encode must reproduce the bytes)
      expect((r.value as string).trim(), `${where} text`).toBe(e.value);
      break;
    case "bytes":
      expect(toHex(r.data), `${where} bytes`).toBe(e.value);
      break;
    case "none":
      expect(r.data.length, `${where} empty`).toBe(0);
      expect(e.value, `${where} empty value`).toMatch(/^$/);
      break;
    default:
      throw new Error(`${where}: unexpected value kind ${r.valueKind} for ${JSON.stringify(e)}`);
  }
}

function checkVariable(t: Telegram, fx: ReturnType<typeof validFixtures>[number]): void {
  if (t.type !== "variable" || t.header?.kind !== "long") throw new Error("expected a long-header telegram");
  const h = t.header;
  const s = fx.expected.slave;
  expect(h.id.replace(/^0+(?=.)/, ""), "Id").toBe(s.Id);
  expect(h.manufacturer, "Manufacturer").toBe(s.Manufacturer);
  expect(String(h.version), "Version").toBe(s.Version);
  expect(h.medium.name, "Medium").toBe(mediumName(s.Medium!));
  expect(String(h.accessNumber), "AccessNumber").toBe(s.AccessNumber);
  expect(h.status.toString(16).toUpperCase().padStart(2, "0"), "Status").toBe(s.Status);
  expect(h.signature.toString(16).toUpperCase().padStart(4, "0"), "Signature").toBe(s.Signature);
  expect(t.records.length, "record count").toBe(fx.expected.records.length);
  fx.expected.records.forEach((e, i) => {
    checkRecord(t.records[i]!, e, `${fx.name} record ${i}`);
  });
}

function checkFixed(t: Telegram, fx: ReturnType<typeof validFixtures>[number]): void {
  if (t.type !== "fixed") throw new Error("expected a fixed data structure");
  const s = fx.expected.slave;
  expect(t.id.replace(/^0+(?=.)/, ""), "Id").toBe(s.Id);
  expect(t.medium.code, "Medium").toBe(FIXED_MEDIUM[s.Medium!]);
  expect(String(t.accessNumber), "AccessNumber").toBe(s.AccessNumber);
  expect(t.status.toString(16).padStart(2, "0"), "Status").toBe(s.Status);
  expect(t.counters.length).toBe(fx.expected.records.length);
  fx.expected.records.forEach((e, i) => {
    const c = t.counters[i]!;
    const u = FIXED_UNIT[e.unit]!;
    expect(FUNCTION[e.function], "function").toBe(t.function);
    expect(c.unit, `counter ${i} unit`).toBe(u.unit);
    expect(closeTo(c.value!, e.numeric! * u.factor), `counter ${i} value ${c.value}`).toBe(true);
  });
}

describe("valid M-Bus corpus against libmbus", () => {
  const fixtures = validFixtures();
  it("has the whole corpus", () => {
    expect(fixtures.length).toBe(38);
  });
  for (const fx of fixtures) {
    it(`${fx.name}: header and every record`, () => {
      const r = decodeTelegramHex(fx.hex);
      if (!r.ok) throw r.error;
      if (r.value.type === "fixed") checkFixed(r.value, fx);
      else checkVariable(r.value, fx);
    });
  }
});
