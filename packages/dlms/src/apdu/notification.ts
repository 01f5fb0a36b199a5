import { readData } from "../axdr/decode";
import type { AxdrValue } from "../axdr/value";
import { type DlmsDateTime, decodeDateTime } from "../cosem/datetime";
import { DlmsError } from "../errors";
import { isDescriptorList, readDescriptorList } from "./descriptor-list";
import { APDU_TAG } from "./tags";

/**
 * data-notification (Green Book 9.5, xDLMS APDU tag [15]):
 *   Data-Notification ::= SEQUENCE { long-invoke-id-and-priority Unsigned32, date-time OCTET STRING,
 *                                    notification-body Data }
 */
export interface DataNotification {
  /** long-invoke-id-and-priority as sent (bits 0-23 invoke id, 28 self-descriptive, 29 break-on-error,
   *  30 confirmed, 31 high priority). */
  readonly invokeId: number;
  readonly dateTime?: DlmsDateTime;
  readonly body: AxdrValue;
}

export const INVOKE_ID_BITS = {
  idMask: 0x00ffffff,
  priorityHigh: 0x80000000,
  confirmed: 0x40000000,
} as const;

/** Decodes a data-notification at `p`; the body must end exactly at the end of `bytes`. Throws DlmsError. */
export function readDataNotification(bytes: Uint8Array, p: number): DataNotification {
  if (bytes[p] !== APDU_TAG.dataNotification) {
    throw new DlmsError("APDU_UNKNOWN", "apdu", "not a data-notification", {
      offset: p,
      field: "apdu tag",
      expected: APDU_TAG.dataNotification,
      actual: bytes[p] ?? "end",
    });
  }
  if (p + 6 > bytes.length) {
    throw new DlmsError("APDU_TRUNCATED", "apdu", "data-notification header cut off", {
      offset: p,
      field: "long-invoke-id-and-priority",
      expected: 6,
      actual: bytes.length - p,
    });
  }
  const invokeId =
    ((bytes[p + 1]! << 24) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 8) | bytes[p + 4]!) >>> 0;
  let q = p + 5;
  // date-time OCTET STRING: A-XDR length then content. 0 = absent, 12 = a COSEM date-time. Some meters
  // (Kaifa MA304, Norway HAN) send it as a tagged Data octet-string `09 0C ...`; read that form too.
  let len = bytes[q]!;
  if (len === 0x09 && bytes[q + 1] === 0x0c) {
    q++;
    len = 0x0c;
  }
  q++;
  if (len >= 0x80 || q + len > bytes.length) {
    throw new DlmsError("APDU_LENGTH", "apdu", `date-time length ${len} does not fit`, {
      offset: q - 1,
      field: "date-time",
      expected: `<= ${Math.max(0, bytes.length - q)}`,
      actual: len,
    });
  }
  const dateTime = len === 12 ? decodeDateTime(bytes.subarray(q, q + 12)) : undefined;
  q += len;
  // The Czech RS485 layout writes its attribute descriptors untagged (descriptor-list.ts).
  const { value: body, next } = isDescriptorList(bytes, q)
    ? readDescriptorList(bytes, q)
    : readData(bytes, q, 0);
  if (next !== bytes.length) {
    throw new DlmsError("APDU_TRAILING", "apdu", `${bytes.length - next} bytes after the notification body`, {
      offset: next,
      field: "notification-body",
      expected: bytes.length,
      actual: next,
    });
  }
  return dateTime ? { invokeId, dateTime, body } : { invokeId, body };
}
