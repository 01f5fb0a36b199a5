/**
 * xDLMS and ACSE APDU tags (DLMS UA 1000-2 "Green Book" 9.5 "COSEM APDUs" (xDLMS-APDU CHOICE) and
 * 9.4 ACSE, IEC 62056-5-3), written once as data. `category` says what the decoder does with it:
 * - data: carries Data the decoder reads (data-notification, event-notification, get-response);
 * - ciphered: general-glo/-ded/-ciphering (system title inside) or service-specific glo-/ded- forms
 *   (`plain` = the tag of the APDU inside; the system title comes from the association);
 * - block-transfer: general-block-transfer;
 * - association, exception, request, response, signing: recognised and reported, never read as data.
 * `detect`: auto-detection takes a buffer that starts with this tag for a bare APDU.
 */
export type ApduCategory =
  | "data"
  | "ciphered"
  | "block-transfer"
  | "association"
  | "exception"
  | "request"
  | "response"
  | "signing";

export interface ApduTagInfo {
  readonly tag: number;
  readonly name: string;
  readonly category: ApduCategory;
  /** For service-specific ciphered forms: the tag of the plain APDU inside. */
  readonly plain?: number;
  readonly detect: boolean;
}

const A = (
  tag: number,
  name: string,
  category: ApduCategory,
  detect: boolean,
  plain?: number,
): ApduTagInfo =>
  plain === undefined ? { tag, name, category, detect } : { tag, name, category, detect, plain };

export const APDU_TABLE: readonly ApduTagInfo[] = [
  A(0x01, "initiate-request", "association", false),
  A(0x05, "read-request", "request", false),
  A(0x06, "write-request", "request", false),
  A(0x08, "initiate-response", "association", false),
  A(0x0c, "read-response", "response", false),
  A(0x0d, "write-response", "response", false),
  A(0x0e, "confirmed-service-error", "exception", false),
  A(0x0f, "data-notification", "data", true),
  A(0x10, "data-notification-confirm", "response", false),
  A(0x16, "unconfirmed-write-request", "request", false),
  A(0x18, "information-report-request", "request", false),
  A(0x21, "glo-initiate-request", "association", false),
  A(0x25, "glo-read-request", "request", false),
  A(0x26, "glo-write-request", "request", false),
  A(0x28, "glo-initiate-response", "association", false),
  A(0x2c, "glo-read-response", "response", false),
  A(0x2d, "glo-write-response", "response", false),
  A(0x2e, "glo-confirmed-service-error", "exception", false),
  A(0x36, "glo-unconfirmed-write-request", "request", false),
  A(0x38, "glo-information-report-request", "request", false),
  A(0x41, "ded-initiate-request", "association", false),
  A(0x45, "ded-read-request", "request", false),
  A(0x46, "ded-write-request", "request", false),
  A(0x48, "ded-initiate-response", "association", false),
  A(0x4c, "ded-read-response", "response", false),
  A(0x4d, "ded-write-response", "response", false),
  A(0x4e, "ded-confirmed-service-error", "exception", false),
  A(0x56, "ded-unconfirmed-write-request", "request", false),
  A(0x58, "ded-information-report-request", "request", false),
  A(0x60, "AARQ", "association", true),
  A(0x61, "AARE", "association", true),
  A(0x62, "RLRQ", "association", true),
  A(0x63, "RLRE", "association", true),
  A(0xc0, "get-request", "request", true),
  A(0xc1, "set-request", "request", true),
  A(0xc2, "event-notification", "data", true),
  A(0xc3, "action-request", "request", true),
  A(0xc4, "get-response", "data", true),
  A(0xc5, "set-response", "response", true),
  A(0xc7, "action-response", "response", true),
  A(0xc8, "glo-get-request", "request", true),
  A(0xc9, "glo-set-request", "request", true),
  A(0xca, "glo-event-notification", "ciphered", true, 0xc2),
  A(0xcb, "glo-action-request", "request", true),
  A(0xcc, "glo-get-response", "ciphered", true, 0xc4),
  A(0xcd, "glo-set-response", "response", true),
  A(0xcf, "glo-action-response", "response", true),
  A(0xd0, "ded-get-request", "request", true),
  A(0xd1, "ded-set-request", "request", true),
  A(0xd2, "ded-event-notification", "ciphered", true, 0xc2),
  A(0xd3, "ded-action-request", "request", true),
  A(0xd4, "ded-get-response", "ciphered", true, 0xc4),
  A(0xd5, "ded-set-response", "response", true),
  A(0xd7, "ded-action-response", "response", true),
  A(0xd8, "exception-response", "exception", true),
  A(0xd9, "access-request", "request", true),
  A(0xda, "access-response", "response", true),
  A(0xdb, "general-glo-ciphering", "ciphered", true),
  A(0xdc, "general-ded-ciphering", "ciphered", true),
  A(0xdd, "general-ciphering", "ciphered", true),
  A(0xdf, "general-signing", "signing", true),
  A(0xe0, "general-block-transfer", "block-transfer", true),
];

/** Tags the decoders branch on. */
export const APDU_TAG = {
  dataNotification: 0x0f,
  eventNotification: 0xc2,
  getResponse: 0xc4,
  exceptionResponse: 0xd8,
  aarq: 0x60,
  aare: 0x61,
  generalGloCiphering: 0xdb,
  generalDedCiphering: 0xdc,
  generalCiphering: 0xdd,
  generalBlockTransfer: 0xe0,
} as const;

const BY_TAG: (ApduTagInfo | undefined)[] = [];
for (const a of APDU_TABLE) BY_TAG[a.tag] = a;

export function apduTag(tag: number | undefined): ApduTagInfo | undefined {
  return tag === undefined ? undefined : BY_TAG[tag];
}

/** tag -> name, for every APDU of the table. */
export const APDU_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  APDU_TABLE.map((a) => [a.tag, a.name]),
);

/** A buffer starting with this tag is taken for a bare APDU by auto-detection. */
export function isKnownApduTag(tag: number | undefined): boolean {
  return apduTag(tag)?.detect === true;
}
