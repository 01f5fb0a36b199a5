import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { type CipheredApdu, type DecipherKeys, decipher, readCiphered } from "./ciphering";
import { type CosemAttribute, readEventNotification } from "./event-notification";
import { GbtAssembler, readGbtBlock } from "./gbt";
import { type AccessResult, readGetResponse } from "./get-response";
import { notDataError } from "./non-data";
import { type DataNotification, readDataNotification } from "./notification";
import type { SecurityControl } from "./security";
import { readServiceCiphered } from "./service-ciphering";
import { APDU_TABLE, APDU_TAG, type ApduTagInfo, apduTag } from "./tags";

export interface ApduSecurity {
  readonly apdu: string;
  readonly systemTitle: Uint8Array;
  readonly frameCounter: number;
  readonly control: SecurityControl;
  readonly tagVerified: boolean;
}

/** The data-carrying service an APDU came as. */
export type ApduService =
  | "data-notification"
  | "event-notification"
  | "get-response-normal"
  | "get-response-with-datablock"
  | "get-response-with-list";

export interface DecodedApdu {
  /** invoke id, date-time and the Data the service carried (for event-notification: {LN, value}). */
  readonly notification: DataNotification;
  readonly service: ApduService;
  /** event-notification: the attribute the value belongs to. */
  readonly attribute?: CosemAttribute;
  /** get-response-with-list: results that came as a data-access-result. */
  readonly accessResults?: readonly AccessResult[];
  readonly security?: ApduSecurity;
  /** Number of general-block-transfer blocks or get-response datablocks (0 when none). */
  readonly blocks: number;
}

/**
 * Decodes a complete xDLMS APDU to the data it carries: data-notification, event-notification and
 * get-response (normal, with datablocks, with list); deciphers general-glo/-ded-ciphering,
 * general-ciphering and the service-specific glo-/ded- forms; joins general-block-transfer blocks that
 * follow each other in the buffer. Association, exception and request APDUs are APDU_NOT_DATA errors
 * that say what they are. Chooses by the tag byte (tags.ts), never by trying.
 */
export function decodeApdu(bytes: Uint8Array, keys: DecipherKeys = {}): DlmsResult<DecodedApdu> {
  try {
    return ok(read(bytes, keys, 0));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

function read(bytes: Uint8Array, keys: DecipherKeys, depth: number, within?: ApduTagInfo): DecodedApdu {
  if (bytes.length === 0) throw new DlmsError("EMPTY_INPUT", "apdu", "empty APDU", { offset: 0 });
  const tag = bytes[0]!;
  if (depth > 2) {
    throw new DlmsError("APDU_UNKNOWN", "apdu", "APDUs nested too deeply", {
      offset: 0,
      field: "apdu tag",
      actual: tag,
    });
  }
  const info = apduTag(tag);
  if (!info) throw unknownTag(tag);
  if (within?.plain !== undefined && tag !== within.plain) {
    throw new DlmsError(
      "APDU_UNKNOWN",
      "apdu",
      `${within.name} must carry a ${apduTag(within.plain)!.name}`,
      {
        offset: 0,
        field: "apdu tag",
        expected: within.plain,
        actual: tag,
      },
    );
  }
  switch (info.category) {
    case "data":
      return readDataApdu(bytes, tag);
    case "ciphered":
      return readCipheredApdu(bytes, info, keys, depth);
    case "block-transfer": {
      const joined = joinBlocks(bytes);
      const inner = read(joined.data, keys, depth + 1);
      return { ...inner, blocks: joined.blocks };
    }
    default:
      throw notDataError(bytes, info);
  }
}

function readDataApdu(bytes: Uint8Array, tag: number): DecodedApdu {
  if (tag === APDU_TAG.dataNotification) {
    return { notification: readDataNotification(bytes, 0), service: "data-notification", blocks: 0 };
  }
  if (tag === APDU_TAG.eventNotification) {
    const e = readEventNotification(bytes, 0);
    // {logical name, value}: the COSEM walk labels it like any pushed register.
    const ln = {
      tag: 9,
      type: "octet-string",
      offset: 0,
      kind: "octets",
      bytes: e.attribute.logicalName,
    } as const;
    const body = { tag: 2, type: "structure", offset: 0, kind: "structure", items: [ln, e.value] } as const;
    const notification: DataNotification = e.dateTime
      ? { invokeId: 0, dateTime: e.dateTime, body }
      : { invokeId: 0, body };
    return { notification, service: "event-notification", attribute: e.attribute, blocks: 0 };
  }
  const g = readGetResponse(bytes, 0);
  return {
    notification: { invokeId: g.invokeId, body: g.body },
    service: g.kind,
    ...(g.accessResults.length > 0 ? { accessResults: g.accessResults } : {}),
    blocks: g.blocks,
  };
}

function unknownTag(tag: number): DlmsError {
  return new DlmsError(
    "APDU_UNKNOWN",
    "apdu",
    `APDU tag 0x${tag.toString(16).padStart(2, "0")} is not a DLMS APDU`,
    {
      offset: 0,
      field: "apdu tag",
      expected: APDU_TABLE.filter((a) => a.category === "data" || a.category === "ciphered")
        .map((a) => `0x${a.tag.toString(16)}`)
        .join("|"),
      actual: tag,
    },
  );
}

function joinBlocks(bytes: Uint8Array): { data: Uint8Array; blocks: number } {
  const asm = new GbtAssembler();
  let p = 0;
  let blocks = 0;
  while (p < bytes.length) {
    const block = readGbtBlock(bytes, p);
    blocks++;
    const r = asm.push(block, p);
    if (!r.ok) throw r.error;
    p = block.next;
    if (r.value) {
      if (p !== bytes.length) {
        throw new DlmsError("APDU_TRAILING", "apdu", "bytes after the last block", {
          offset: p,
          field: "general-block-transfer",
          expected: bytes.length,
          actual: p,
        });
      }
      return { data: r.value, blocks };
    }
  }
  throw new DlmsError("GBT_BLOCK", "apdu", "the last block of the transfer is missing", {
    offset: bytes.length,
    field: "block-control",
    expected: "last-block bit",
  });
}

function readCipheredApdu(
  bytes: Uint8Array,
  info: ApduTagInfo,
  keys: DecipherKeys,
  depth: number,
): DecodedApdu {
  const c: CipheredApdu =
    info.plain === undefined ? readCiphered(bytes, 0) : readServiceCiphered(bytes, info, keys.systemTitle);
  const { plaintext, tagVerified } = decipher(c, keys);
  const security: ApduSecurity = {
    apdu: c.name,
    systemTitle: c.systemTitle,
    frameCounter: c.frameCounter,
    control: c.control,
    tagVerified,
  };
  // Encrypted content that no tag vouched for: a plaintext that is not a valid APDU means the key was
  // wrong (or the telegram damaged), never values decoded from garbage.
  const tagAbsentOrUnchecked = c.control.encrypted && !tagVerified;
  try {
    const inner = read(plaintext, keys, depth + 1, info);
    return { ...inner, security };
  } catch (e) {
    if (!(e instanceof DlmsError)) throw e;
    if (tagAbsentOrUnchecked) {
      throw new DlmsError(
        "KEY_WRONG",
        "security",
        `decryption gave no valid APDU (${e.code} at plaintext offset ${e.offset ?? 0}): wrong key or a damaged telegram`,
        { offset: c.informationOffset, field: "key", expected: "a valid APDU", actual: e.code },
      );
    }
    throw e.at(c.informationOffset);
  }
}
