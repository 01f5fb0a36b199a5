import { readData } from "../axdr/decode";
import type { AxdrValue } from "../axdr/value";
import { type DlmsDateTime, decodeDateTime } from "../cosem/datetime";
import { formatObis } from "../cosem/obis";
import { DlmsError } from "../errors";

/**
 * event-notification-request [194] (Green Book 9.5):
 *   EventNotificationRequest ::= SEQUENCE { time OCTET STRING OPTIONAL,
 *     cosem-attribute-descriptor { class-id Unsigned16, instance-id OCTET STRING (SIZE(6)),
 *                                  attribute-id Integer8 },
 *     attribute-value Data }
 * A-XDR: OPTIONAL is a presence byte (0 absent, 1 present); the fixed-size instance-id has no length.
 */
export interface CosemAttribute {
  readonly classId: number;
  /** The instance's logical name `A.B.C.D.E.F`. */
  readonly obis: string;
  readonly logicalName: Uint8Array;
  readonly attributeId: number;
}

export interface EventNotification {
  readonly dateTime?: DlmsDateTime;
  readonly attribute: CosemAttribute;
  readonly value: AxdrValue;
}

function cut(field: string, offset: number, need: number, have: number): DlmsError {
  return new DlmsError("APDU_TRUNCATED", "apdu", `event-notification ${field} cut off`, {
    offset,
    field,
    expected: need,
    actual: have,
  });
}

export function readEventNotification(bytes: Uint8Array, p: number): EventNotification {
  let q = p + 1;
  if (q >= bytes.length) throw cut("time", q, 1, 0);
  let dateTime: DlmsDateTime | undefined;
  if (bytes[q] === 1) {
    const len = bytes[q + 1] ?? 0;
    if (q + 2 + len > bytes.length) throw cut("time", q + 1, len, bytes.length - q - 2);
    dateTime = len === 12 ? decodeDateTime(bytes.subarray(q + 2, q + 14)) : undefined;
    q += 2 + len;
  } else if (bytes[q] === 0) q++;
  else {
    throw new DlmsError("APDU_LENGTH", "apdu", "time presence flag", {
      offset: q,
      field: "time",
      expected: "0 or 1",
      actual: bytes[q]!,
    });
  }
  if (q + 9 > bytes.length) throw cut("cosem-attribute-descriptor", q, 9, bytes.length - q);
  const logicalName = bytes.subarray(q + 2, q + 8);
  const attribute: CosemAttribute = {
    classId: (bytes[q]! << 8) | bytes[q + 1]!,
    obis: formatObis(logicalName),
    logicalName,
    attributeId: (bytes[q + 8]! << 24) >> 24,
  };
  const { value, next } = readData(bytes, q + 9, 0);
  if (next !== bytes.length) {
    throw new DlmsError("APDU_TRAILING", "apdu", `${bytes.length - next} bytes after the attribute value`, {
      offset: next,
      field: "attribute-value",
      expected: bytes.length,
      actual: next,
    });
  }
  return dateTime ? { dateTime, attribute, value } : { attribute, value };
}
