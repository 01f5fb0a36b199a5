/**
 * SML file to the project's PropertyValue list (@omdp/model), as packages/dsmr does: one value per
 * get-list entry with a 6-byte OBIS name, the property being `A-B:C.D.E` (`*F` when F is not 255).
 * Numbers carry their scaler and the DLMS unit's text (Wh, W, V, A, ...); energy (Wh, varh, VAh) is
 * rounded to whole units, other quantities keep their decimals. Octet strings become text when printable
 * ASCII, else hex, with unit "".
 */
import type { PropertyValue } from "@omdp/model";
import { hex } from "./entry";
import { propertyObis } from "./obis-names";
import type { SmlFile, SmlListEntry } from "./types";

const WHOLE_UNITS: readonly string[] = ["Wh", "varh", "VAh"];

export function toReadingValues(file: SmlFile): PropertyValue[] {
  return readingValues(file, true);
}

/** The values of toReadingValues that are numbers (texts are never converted). */
export function toReadingNumbers(file: SmlFile): PropertyValue[] {
  return readingValues(file, false);
}

function readingValues(file: SmlFile, texts: boolean): PropertyValue[] {
  const out: PropertyValue[] = [];
  for (const m of file.messages) {
    if (m.body.kind !== "getListResponse") continue;
    for (const e of m.body.valList) {
      const v = e.value.kind === "octets" && !texts ? undefined : entryValue(e);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

function entryValue(e: SmlListEntry): PropertyValue | undefined {
  if (e.objName.length !== 6) return undefined;
  const property = propertyObis(e.objName);
  const unit = e.unit ?? "";
  if (e.scaled !== undefined) {
    return { property, value: WHOLE_UNITS.includes(unit) ? Math.round(e.scaled) : e.scaled, unit };
  }
  if (e.value.kind === "octets") return { property, value: text(e.value.value), unit: "" };
  if (e.value.kind === "boolean") return { property, value: e.value.value ? 1 : 0, unit: "" };
  return undefined;
}

function text(b: Uint8Array): string {
  const printable = b.length > 0 && b.every((x) => x >= 0x20 && x < 0x7f);
  return printable ? String.fromCharCode(...b) : hex(b);
}
