/**
 * The data-notification of a Sagemcom T210-D on the Austrian customer interface, as this simulator
 * lays it out (the grid operators' documents describe an OBIS-labelled push; where a detail is not
 * certain it is kept to a generic, valid COSEM structure, see docs/simulator-and-reader.md):
 *
 *   data-notification ::= long-invoke-id-and-priority (4), date-time (OCTET STRING (12), present),
 *     notification-body: structure {
 *       structure { logical_name 0.0.1.0.0.255, date-time OCTET STRING (12) },     -- clock, attr. 2
 *       structure { logical_name 0.0.96.1.0.255, meter number OCTET STRING },      -- device id 1
 *       structure { logical_name, value, structure { scaler integer, unit enum } } -- per register
 *       ...
 *     }
 *
 * Green Book 9.5 (data-notification: tag 0x0F, long-invoke-id-and-priority, date-time as an
 * optional OCTET STRING with the 12-byte COSEM date-time), Blue Book 4.3.2 (register: logical_name,
 * value, scaler_unit ::= structure { integer, enum }), 4.5.1 (clock attr. 2 date-time).
 * Unlike the Kaifa MA309M's flat list, every object is its own structure. All bytes come from
 * @omdp/dlms's encoders (encodeDateTime, encodeData, parseObis).
 */
import {
  APDU_TAG,
  type AxdrInput,
  type DataNotificationInput,
  type DateTimeInput,
  DLMS_UNITS,
  encodeData,
  encodeDateTime,
  LOGICAL_NAME,
  parseObis,
} from "@omdp/dlms";

type NotificationValue = DataNotificationInput["values"][number];

export interface SagemcomNotificationInput {
  readonly invokeId: number;
  readonly dateTime: DateTimeInput;
  readonly values: readonly NotificationValue[];
  readonly meterNumber: string;
}

/** DLMS unit code by its text (Blue Book table 4, the codec's table as data). */
const UNIT_CODE = new Map<string, number>();
for (const [code, text] of Object.entries(DLMS_UNITS))
  if (!UNIT_CODE.has(text)) UNIT_CODE.set(text, Number(code));

function logicalName(obis: string): AxdrInput {
  const bytes = parseObis(obis);
  if (!bytes) throw new RangeError(`bad logical name ${obis}`);
  return { type: "octet-string", bytes };
}

/** One register as `structure { logical_name, value, scaler_unit }`. */
function register(v: NotificationValue): AxdrInput {
  if (typeof v.value === "string")
    return {
      type: "structure",
      items: [logicalName(v.obis), { type: "octet-string", bytes: new TextEncoder().encode(v.value) }],
    };
  const scaler = v.scaler ?? 0;
  const raw = Math.round(scaler >= 0 ? v.value / 10 ** scaler : v.value * 10 ** -scaler);
  const type = v.type ?? (raw < 0 ? "double-long" : "double-long-unsigned");
  const items: AxdrInput[] = [
    logicalName(v.obis),
    { type, value: type.startsWith("long64") ? BigInt(raw) : raw },
  ];
  if (v.unit !== undefined) {
    const code = typeof v.unit === "number" ? v.unit : UNIT_CODE.get(v.unit);
    if (code === undefined) throw new RangeError(`unknown unit ${String(v.unit)}`);
    items.push({
      type: "structure",
      items: [
        { type: "integer", value: scaler },
        { type: "enum", value: code },
      ],
    });
  }
  return { type: "structure", items };
}

/** The APDU (plaintext data-notification) of one T210-D push. Deterministic, byte-exact. */
export function encodeSagemcomNotification(input: SagemcomNotificationInput): Uint8Array {
  const dt = encodeDateTime(input.dateTime);
  const body = encodeData({
    type: "structure",
    items: [
      { type: "structure", items: [logicalName(LOGICAL_NAME.clock), { type: "octet-string", bytes: dt }] },
      {
        type: "structure",
        items: [
          logicalName(LOGICAL_NAME.deviceId1),
          { type: "octet-string", bytes: new TextEncoder().encode(input.meterNumber) },
        ],
      },
      ...input.values.map(register),
    ],
  });
  const id = input.invokeId >>> 0;
  const head = Uint8Array.of(
    APDU_TAG.dataNotification,
    id >>> 24,
    (id >>> 16) & 0xff,
    (id >>> 8) & 0xff,
    id & 0xff,
    dt.length, // date-time present: OCTET STRING of 12 bytes (A-XDR length, no type tag)
  );
  return Buffer.concat([head, dt, body]);
}
