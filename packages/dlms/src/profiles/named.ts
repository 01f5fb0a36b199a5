import { dlmsUnit } from "../cosem/units";
import { applyScaler, type CosemValue } from "../cosem/value";
import { fromValue, type WalkResult } from "../cosem/walk";
import type { DlmsProfile } from "./types";

/** Profiles of lists that name their values but send no scaler_unit (registers / unlabeled). */
export function isNamedProfile(p: DlmsProfile): boolean {
  return p.registers !== undefined || p.unlabeled !== undefined;
}

/**
 * Applies a named-list profile to a walk: values without a scaler take the profile's scaler and unit,
 * unlabeled values take the profile's names in order (before the generic conventions see them).
 */
export function applyNamedProfile(profile: DlmsProfile, walk: WalkResult): WalkResult {
  const byObis = new Map((profile.registers ?? []).map((r) => [r.obis, r]));
  const registers: CosemValue[] = walk.cosem.map((c) => {
    const r = byObis.get(c.obis);
    if (!r || c.scaler !== undefined || c.unit !== undefined || typeof c.value !== "number") return c;
    const out: { -readonly [K in keyof CosemValue]: CosemValue[K] } = { ...c, source: "profile" };
    if (r.scaler !== undefined) {
      out.value = applyScaler(c.value, r.scaler);
      out.scaler = r.scaler;
    }
    const unit = r.unit === undefined ? undefined : dlmsUnit(r.unit);
    if (unit !== undefined) out.unit = unit;
    return out;
  });
  const names = profile.unlabeled ?? [];
  const unlabeled = walk.unlabeled.slice(names.length);
  const named = walk.unlabeled
    .slice(0, names.length)
    .map((v, i) => fromValue(names[i]!, v, undefined, undefined, "profile"));
  return { cosem: [...named, ...registers], unlabeled };
}
