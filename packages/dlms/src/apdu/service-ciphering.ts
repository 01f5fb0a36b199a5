import { readLength } from "../axdr/length";
import { DlmsError } from "../errors";
import type { CipheredApdu } from "./ciphering";
import { TAG_LENGTH } from "./ciphering";
import { parseSecurityControl } from "./security";
import type { ApduTagInfo } from "./tags";

/**
 * Service-specific ciphered APDUs (Green Book 9.5: glo-get-response [204], glo-event-notification-
 * request [202], ded-get-response [212], ded-event-notification-request [210], ...):
 *   tag, OCTET STRING { security control (1) || invocation counter (4) || information [|| tag (12)] }
 * Unlike general-glo-ciphering they carry no system title: it is the peer's AP title from the
 * association (AARE responding-AP-title), so the caller passes it.
 */
export function readServiceCiphered(
  bytes: Uint8Array,
  info: ApduTagInfo,
  systemTitle?: Uint8Array,
): CipheredApdu {
  if (systemTitle?.length !== 8) {
    throw new DlmsError(
      "SYSTEM_TITLE_MISSING",
      "security",
      `${info.name} carries no system title: give the meter's (its AP title from the association)`,
      { offset: 0, field: "systemTitle", expected: 8, actual: systemTitle?.length ?? 0 },
    );
  }
  const { length, next } = readLength(bytes, 1, `${info.name} length`);
  if (next + length !== bytes.length) {
    throw new DlmsError("APDU_LENGTH", "apdu", `${info.name} length does not match the APDU`, {
      offset: 1,
      field: `${info.name} length`,
      expected: bytes.length - next,
      actual: length,
    });
  }
  const control = parseSecurityControl(bytes[next] ?? 0);
  const header = 5 + (control.authenticated ? TAG_LENGTH : 0);
  if (length < header) {
    throw new DlmsError(
      "APDU_TRUNCATED",
      "apdu",
      "ciphered content shorter than its security header and tag",
      {
        offset: next,
        field: "security header",
        expected: header,
        actual: length,
      },
    );
  }
  const end = control.authenticated ? bytes.length - TAG_LENGTH : bytes.length;
  const frameCounter =
    ((bytes[next + 1]! << 24) | (bytes[next + 2]! << 16) | (bytes[next + 3]! << 8) | bytes[next + 4]!) >>> 0;
  const base = {
    tag: info.tag,
    name: info.name,
    systemTitle,
    control,
    frameCounter,
    information: bytes.subarray(next + 5, end),
    informationOffset: next + 5,
  };
  return control.authenticated ? { ...base, authTag: bytes.subarray(end) } : base;
}
