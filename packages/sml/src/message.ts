/**
 * SML_Message (SML 1.04 §7.1): list { transactionId, groupNo, abortOnError, messageBody, crc16,
 * endOfSmlMsg 00 }. The crc16 covers the message from its first TL byte to the crc16 field.
 */
import { type CrcVariant, crc16x25, swap16 } from "./crc";
import type { Cursor } from "./cursor";
import { type EntryContext, readEntry } from "./entry";
import { collectedError, SmlError } from "./errors";
import type { QuirkUse, SmlQuirkId } from "./quirks";
import { optTime } from "./time";
import { readTl } from "./tl";
import { hex16, matchingVariant } from "./transport";
import type { SmlBody, SmlGetListResponse, SmlListEntry, SmlMessage, SmlOpenResponse } from "./types";

export const BODY_TAG = { openResponse: 0x0101, closeResponse: 0x0201, getListResponse: 0x0701 } as const;
export const MAX_DEPTH = 16;

export interface MessageOptions {
  readonly quirks: readonly SmlQuirkId[];
  readonly crcVariants: readonly CrcVariant[];
  readonly used: QuirkUse[];
  /** "report": a message CRC mismatch is collected in `crcErrors` instead of thrown. */
  readonly messageCrc: "check" | "report";
  readonly crcErrors: SmlError[];
  /** Server id seen so far in the file (for get-list quirks). */
  serverId?: Uint8Array;
}

export function readMessage(c: Cursor, o: MessageOptions): SmlMessage {
  const start = c.pos;
  c.list("message", 6);
  const transactionId = c.octets("transactionId");
  const groupNo = c.num("groupNo", "unsigned");
  const abortOnError = c.num("abortOnError", "unsigned");
  const body = readBody(c, o);
  const crcAt = c.pos;
  const wire = c.num("crc16", "unsigned");
  const variant = checkMessageCrc(c, start, crcAt, wire, o);
  if (c.peek() !== 0x00)
    c.fail("BAD_MESSAGE", "endOfSmlMsg 00 missing", "endOfSmlMsg", {
      expected: 0,
      actual: c.peek() ?? "end",
    });
  c.pos++;
  return { transactionId, groupNo, abortOnError, body, offset: c.offsetOf(start), crc: { wire, variant } };
}

function checkMessageCrc(
  c: Cursor,
  start: number,
  crcAt: number,
  wire: number,
  o: MessageOptions,
): CrcVariant | "mismatch" {
  const x25 = crc16x25(c.b, start, crcAt);
  const expected = swap16(x25); // CRC_VARIANTS.standard, from the one X.25 pass
  if (wire === expected) return "standard";
  const other = matchingVariant(c.b, start, crcAt, wire, x25);
  if (other !== undefined && o.crcVariants.includes(other)) {
    o.used.push({
      id: other === "swapped" ? "crc-byte-swapped" : "crc-kermit",
      offset: c.offsetOf(crcAt),
      detail: "message crc16",
    });
    return other;
  }
  const reason =
    other === undefined
      ? "message CRC mismatch"
      : `message CRC mismatch (matches the ${other} variant, a known quirk)`;
  const details = {
    offset: c.offsetOf(crcAt),
    expected: hex16(expected),
    actual: hex16(wire),
    field: "crc16",
  };
  if (o.messageCrc === "check") throw new SmlError("MESSAGE_CRC_MISMATCH", reason, details);
  o.crcErrors.push(collectedError("MESSAGE_CRC_MISMATCH", reason, details));
  return "mismatch";
}

function readBody(c: Cursor, o: MessageOptions): SmlBody {
  c.list("messageBody", 2);
  const tag = c.num("messageBody.tag", "unsigned");
  if (tag === BODY_TAG.openResponse) return readOpen(c, o);
  if (tag === BODY_TAG.closeResponse) {
    c.list("closeResponse", 1);
    const globalSignature = c.optOctets("globalSignature");
    return globalSignature === undefined
      ? { kind: "closeResponse" }
      : { kind: "closeResponse", globalSignature };
  }
  if (tag === BODY_TAG.getListResponse) return readGetList(c, o);
  const from = c.pos;
  skipElement(c, 0);
  return { kind: "other", tag, raw: Uint8Array.from(c.b.subarray(from, c.pos)) };
}

function readOpen(c: Cursor, o: MessageOptions): SmlOpenResponse {
  c.list("openResponse", 6);
  const codepage = c.optOctets("codepage");
  const clientId = c.optOctets("clientId");
  const reqFileId = c.octets("reqFileId");
  const serverId = c.octets("serverId");
  const refTime = optTime(c, "refTime");
  const smlVersion = c.optInt("smlVersion", "unsigned");
  o.serverId ??= serverId;
  const out: { -readonly [K in keyof SmlOpenResponse]: SmlOpenResponse[K] } = {
    kind: "openResponse",
    reqFileId,
    serverId,
  };
  if (codepage !== undefined) out.codepage = codepage;
  if (clientId !== undefined) out.clientId = clientId;
  if (refTime !== undefined) out.refTime = refTime;
  if (smlVersion !== undefined) out.smlVersion = Number(smlVersion.value);
  return out;
}

function readGetList(c: Cursor, o: MessageOptions): SmlGetListResponse {
  c.list("getListResponse", 7);
  const clientId = c.optOctets("clientId");
  const serverId = c.octets("serverId");
  const listName = c.optOctets("listName");
  const actSensorTime = optTime(c, "actSensorTime");
  const n = c.list("valList");
  const ctx: EntryContext = { serverId, quirks: o.quirks, used: o.used };
  const valList: SmlListEntry[] = [];
  for (let i = 0; i < n; i++) valList.push(readEntry(c, ctx));
  const listSignature = c.optOctets("listSignature");
  const actGatewayTime = optTime(c, "actGatewayTime");
  o.serverId ??= serverId;
  const out: { -readonly [K in keyof SmlGetListResponse]: SmlGetListResponse[K] } = {
    kind: "getListResponse",
    serverId,
    valList,
  };
  if (clientId !== undefined) out.clientId = clientId;
  if (listName !== undefined) out.listName = listName;
  if (actSensorTime !== undefined) out.actSensorTime = actSensorTime;
  if (listSignature !== undefined) out.listSignature = listSignature;
  if (actGatewayTime !== undefined) out.actGatewayTime = actGatewayTime;
  return out;
}

/** Skips one element of any type (bounded nesting; each element consumes at least one byte). */
function skipElement(c: Cursor, depth: number): void {
  if (depth > MAX_DEPTH)
    throw new SmlError("TOO_DEEP", "lists nested too deep", {
      offset: c.offsetOf(c.pos),
      field: "messageBody",
    });
  const tl = readTl(c.b, c.pos, c.offsetOf);
  c.pos += tl.size;
  if (tl.type !== "list") {
    c.take(tl.length, "messageBody");
    return;
  }
  for (let i = 0; i < tl.length; i++) skipElement(c, depth + 1);
}
