import { readData } from "../axdr/decode";
import { readLength } from "../axdr/length";
import { dataType } from "../axdr/types";
import type { AxdrValue } from "../axdr/value";
import { DlmsError } from "../errors";

/**
 * The notification body of the Czech RS485 customer interface (E.GD "komunikační rozhraní RS485",
 * ČEZ Distribuce; Sagemcom XT211): structure { enum, array of structure { cosem-attribute-descriptor,
 * value } }, where the descriptor (class-id Unsigned16, instance-id OCTET STRING (SIZE(6)),
 * attribute-id Integer8; Green Book 9.5) is written untagged, as in an event-notification, and the value
 * is tagged Data. Read into an ordinary structure of {logical name, value} pairs, which the COSEM walk
 * labels like any other push.
 */
const HEAD = [0x02, 0x02, 0x16] as const;
const ITEM = [0x02, 0x02] as const;
/** structure(2) + class-id (2) + instance-id (6) + attribute-id (1) */
const DESCRIPTOR = 2 + 2 + 6 + 1;

/** Recognised by its fixed bytes: 02 02 16 xx 01 n, then 02 02 00 cc (a class id below 256) ... . */
export function isDescriptorList(b: Uint8Array, p: number): boolean {
  if (p + 6 + DESCRIPTOR + 1 > b.length) return false;
  if (b[p] !== HEAD[0] || b[p + 1] !== HEAD[1] || b[p + 2] !== HEAD[2] || b[p + 4] !== 0x01) return false;
  const first = p + 5 + (b[p + 5]! < 0x80 ? 1 : 1 + (b[p + 5]! & 0x7f));
  return (
    b[first] === ITEM[0] &&
    b[first + 1] === ITEM[1] &&
    b[first + 2] === 0x00 &&
    b[first + 3] !== 0x00 &&
    dataType(b[first + DESCRIPTOR]!) !== undefined
  );
}

export function readDescriptorList(b: Uint8Array, p: number): { value: AxdrValue; next: number } {
  const mode: AxdrValue = { tag: 22, type: "enum", offset: p + 2, kind: "uint", value: b[p + 3]! };
  const { length: n, next } = readLength(b, p + 5, "descriptor list length");
  if (n > b.length - next) {
    throw new DlmsError("AXDR_LENGTH", "axdr", `${n} descriptor entries in ${b.length - next} bytes`, {
      offset: p + 5,
      field: "descriptor list length",
      expected: `<= ${b.length - next}`,
      actual: n,
    });
  }
  const items: AxdrValue[] = [];
  let q = next;
  for (let i = 0; i < n; i++) {
    if (q + DESCRIPTOR > b.length || b[q] !== ITEM[0] || b[q + 1] !== ITEM[1]) {
      throw new DlmsError("AXDR_TYPE", "axdr", "descriptor entry is not structure(2) {descriptor, value}", {
        offset: q,
        field: "descriptor entry",
        expected: "02 02",
        actual: b[q] ?? "end",
      });
    }
    const ln: AxdrValue = {
      tag: 9,
      type: "octet-string",
      offset: q + 4,
      kind: "octets",
      bytes: b.subarray(q + 4, q + 10),
    };
    const r = readData(b, q + DESCRIPTOR, 1);
    items.push({ tag: 2, type: "structure", offset: q, kind: "structure", items: [ln, r.value] });
    q = r.next;
  }
  const list: AxdrValue = { tag: 1, type: "array", offset: p + 4, kind: "array", items };
  return { value: { tag: 2, type: "structure", offset: p, kind: "structure", items: [mode, list] }, next: q };
}
