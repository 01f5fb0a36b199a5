import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { type CipheredApdu, type DecipherKeys, decipher, readCiphered } from "./ciphering";
import { GbtAssembler, readGbtBlock } from "./gbt";
import { type DataNotification, readDataNotification } from "./notification";
import type { SecurityControl } from "./security";
import { APDU_NAMES, APDU_TAG } from "./tags";

export interface ApduSecurity {
  readonly apdu: string;
  readonly systemTitle: Uint8Array;
  readonly frameCounter: number;
  readonly control: SecurityControl;
  readonly tagVerified: boolean;
}

export interface DecodedApdu {
  readonly notification: DataNotification;
  readonly security?: ApduSecurity;
  /** Number of general-block-transfer blocks the APDU came in (0 when not block-transferred). */
  readonly blocks: number;
}

/**
 * Decodes a complete xDLMS APDU to its data-notification: deciphers general-glo/ded-ciphering and
 * general-ciphering, joins general-block-transfer blocks that follow each other in the buffer.
 * Chooses by the tag byte, never by trying.
 */
export function decodeApdu(bytes: Uint8Array, keys: DecipherKeys = {}): DlmsResult<DecodedApdu> {
  try {
    return ok(read(bytes, keys, 0));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

function read(bytes: Uint8Array, keys: DecipherKeys, depth: number): DecodedApdu {
  if (bytes.length === 0) throw new DlmsError("EMPTY_INPUT", "apdu", "empty APDU", { offset: 0 });
  const tag = bytes[0]!;
  if (depth > 2) {
    throw new DlmsError("APDU_UNKNOWN", "apdu", "APDUs nested too deeply", {
      offset: 0,
      field: "apdu tag",
      actual: tag,
    });
  }
  switch (tag) {
    case APDU_TAG.dataNotification:
      return { notification: readDataNotification(bytes, 0), blocks: 0 };
    case APDU_TAG.generalGloCiphering:
    case APDU_TAG.generalDedCiphering:
    case APDU_TAG.generalCiphering:
      return readCipheredApdu(bytes, keys, depth);
    case APDU_TAG.generalBlockTransfer: {
      const joined = joinBlocks(bytes);
      const inner = read(joined.data, keys, depth + 1);
      return { ...inner, blocks: joined.blocks };
    }
    default:
      throw new DlmsError(
        "APDU_UNKNOWN",
        "apdu",
        `APDU tag 0x${tag.toString(16).padStart(2, "0")} is not a push APDU`,
        {
          offset: 0,
          field: "apdu tag",
          expected: Object.keys(APDU_NAMES)
            .map((k) => `0x${Number(k).toString(16)}`)
            .join("|"),
          actual: tag,
        },
      );
  }
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

function readCipheredApdu(bytes: Uint8Array, keys: DecipherKeys, depth: number): DecodedApdu {
  const c: CipheredApdu = readCiphered(bytes, 0);
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
    const inner = read(plaintext, keys, depth + 1);
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
