/**
 * The medium of a meter and of its intervals, from the value group A of its OBIS ids (IEC 62056-61
 * Table 2 / EN 13757-1 media: 1 electricity, 4 heat cost allocator, 6 heat, 7 gas, 8 cold water,
 * 9 hot water). Plain data, free of zod, so browser code can import it alone (`@omdp/model/medium`).
 */
export const MEDIA = ["electricity", "water", "heat", "gas", "hca"] as const;
export type Medium = (typeof MEDIA)[number];

const MEDIUM_BY_VALUE_GROUP: Readonly<Record<string, Medium>> = {
  "1": "electricity",
  "4": "hca",
  "6": "heat",
  "7": "gas",
  "8": "water",
  "9": "water",
};

/** The medium of an OBIS id `A-B:C.D.E` by its value group A, or undefined (abstract `0-` ids). */
export function mediumOf(obisId: string): Medium | undefined {
  const dash = obisId.indexOf("-");
  return dash > 0 ? MEDIUM_BY_VALUE_GROUP[obisId.slice(0, dash)] : undefined;
}
