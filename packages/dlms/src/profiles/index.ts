import type { AxdrValue } from "../axdr/value";
import { isList } from "../axdr/value";
import { dlmsUnit } from "../cosem/units";
import type { CosemValue } from "../cosem/value";
import { textOf } from "../cosem/value";
import type { WalkResult } from "../cosem/walk";
import { fromValue } from "../cosem/walk";
import { DlmsError } from "../errors";
import { KAIFA_MA304 } from "./kaifa-ma304";
import { KAMSTRUP_HAN_NVE } from "./kamstrup-han-nve";
import { LG_E360_VSE } from "./lg-e360-vse";
import { isNamedProfile } from "./named";
import type { DlmsProfile } from "./types";

export { applyNamedProfile, isNamedProfile } from "./named";
export type { DlmsProfile, ProfileElement, ProfileMatch } from "./types";

/** Every known profile; add a meter by adding a data file with its golden telegram. */
export const PROFILES: readonly DlmsProfile[] = [KAIFA_MA304, KAMSTRUP_HAN_NVE, LG_E360_VSE];

export function findProfile(id: string): DlmsProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** The flat list a profile describes: the body itself when it is a list of bare (non-list) values. */
function flatList(body: AxdrValue): readonly AxdrValue[] | undefined {
  if (!isList(body) || body.items.some((x) => isList(x))) return undefined;
  return body.items;
}

/** The profile whose first-element text and a layout length match the body, if any. */
export function matchProfile(body: AxdrValue): DlmsProfile | undefined {
  const items = flatList(body);
  if (!items || items.length === 0) return undefined;
  const first = textOf(items[0]!);
  return PROFILES.find((p) => p.match.firstText === first && p.layouts?.[items.length] !== undefined);
}

/** Labels a flat list by the profile's layout for its length. Throws DlmsError when it does not fit. */
export function applyProfile(profile: DlmsProfile, body: AxdrValue): CosemValue[] {
  const items = flatList(body);
  const layout = items ? profile.layouts?.[items.length] : undefined;
  if (!items || !layout) {
    throw new DlmsError("PROFILE_MISMATCH", "profile", `profile ${profile.id} has no layout for this list`, {
      offset: body.offset,
      field: "notification-body",
      expected: Object.keys(profile.layouts ?? {}).join("|"),
      actual: items ? items.length : body.type,
    });
  }
  return items.map((v, i) => {
    const el = layout[i]!;
    return fromValue(el.obis, v, el.scaler, el.unit === undefined ? undefined : dlmsUnit(el.unit), "profile");
  });
}

/**
 * The named-list profile for a walk that found logical names: by the first unnamed text (Kamstrup's
 * list version), or by the device id's FLAG prefix when the push carried its push_object_list.
 */
export function matchNamedProfile(walk: WalkResult, hasPushObjectList: boolean): DlmsProfile | undefined {
  const firstUnnamed = walk.unlabeled.map(textOf).find((t) => t !== undefined);
  const firstText = walk.cosem.find((c) => c.text !== undefined && c.dateTime === undefined)?.text;
  return PROFILES.find((p) => {
    if (!isNamedProfile(p)) return false;
    if (p.match.firstText !== undefined) return p.match.firstText === firstUnnamed;
    const prefix = p.match.pushObjectListFrom;
    return prefix !== undefined && hasPushObjectList && firstText?.startsWith(prefix) === true;
  });
}
