/**
 * The DLMS `Data` CHOICE tags (IEC 62056-6-2, DLMS UA 1000-2 "Green Book" 9.5, "Data ::= CHOICE"),
 * written once as data: tag -> type name, how its content is encoded, and its fixed size in bytes.
 */
export type DataKind =
  | "null"
  | "array"
  | "structure"
  | "boolean"
  | "bit-string"
  | "int"
  | "uint"
  | "float"
  | "octets"
  | "string"
  | "compact-array"
  | "date-time"
  | "date"
  | "time"
  | "dont-care";

export interface DataType {
  readonly tag: number;
  readonly name: string;
  readonly kind: DataKind;
  /** Fixed content size in bytes; undefined for variable-length types. */
  readonly size?: number;
}

const T = (tag: number, name: string, kind: DataKind, size?: number): DataType =>
  size === undefined ? { tag, name, kind } : { tag, name, kind, size };

export const DATA_TYPE_LIST: readonly DataType[] = [
  T(0, "null-data", "null", 0),
  T(1, "array", "array"),
  T(2, "structure", "structure"),
  T(3, "boolean", "boolean", 1),
  T(4, "bit-string", "bit-string"),
  T(5, "double-long", "int", 4),
  T(6, "double-long-unsigned", "uint", 4),
  T(9, "octet-string", "octets"),
  T(10, "visible-string", "string"),
  T(12, "utf8-string", "string"),
  T(13, "bcd", "uint", 1),
  T(15, "integer", "int", 1),
  T(16, "long", "int", 2),
  T(17, "unsigned", "uint", 1),
  T(18, "long-unsigned", "uint", 2),
  T(19, "compact-array", "compact-array"),
  T(20, "long64", "int", 8),
  T(21, "long64-unsigned", "uint", 8),
  T(22, "enum", "uint", 1),
  T(23, "float32", "float", 4),
  T(24, "float64", "float", 8),
  T(25, "date-time", "date-time", 12),
  T(26, "date", "date", 5),
  T(27, "time", "time", 4),
  T(28, "delta-integer", "int", 1),
  T(29, "delta-long", "int", 2),
  T(30, "delta-double-long", "int", 4),
  T(31, "delta-unsigned", "uint", 1),
  T(32, "delta-long-unsigned", "uint", 2),
  T(33, "delta-double-long-unsigned", "uint", 4),
  T(255, "dont-care", "dont-care", 0),
];

const BY_TAG: (DataType | undefined)[] = [];
for (const t of DATA_TYPE_LIST) BY_TAG[t.tag] = t;
const BY_NAME = new Map(DATA_TYPE_LIST.map((t) => [t.name, t]));

export function dataType(tag: number): DataType | undefined {
  return BY_TAG[tag];
}

export function dataTypeByName(name: string): DataType | undefined {
  return BY_NAME.get(name);
}

/** Tags used by the encoders. */
export const TAG = {
  nullData: 0,
  array: 1,
  structure: 2,
  boolean: 3,
  doubleLong: 5,
  doubleLongUnsigned: 6,
  octetString: 9,
  visibleString: 10,
  utf8String: 12,
  integer: 15,
  long: 16,
  unsigned: 17,
  longUnsigned: 18,
  long64: 20,
  long64Unsigned: 21,
  enum: 22,
  float32: 23,
  float64: 24,
  dateTime: 25,
} as const;
