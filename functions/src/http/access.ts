import { canSeeHousehold, isAdmin, type Principal } from "../auth/principal";
import type { Services } from "../services";
import type { MeterRecord } from "../store/port";
import { badParameter, notFound } from "./problem";

/** The meter if the caller may see it; otherwise 404 (whether it exists is not revealed). */
export async function meterFor(services: Services, principal: Principal, id: string): Promise<MeterRecord> {
  const meter = await services.store.getMeter(id);
  if (!meter || !canSeeHousehold(principal, meter.householdId)) throw notFound(`meter ${id}`);
  return meter;
}

/** A household the caller may see; otherwise 404. */
export function householdFor(principal: Principal, id: string): string {
  if (!canSeeHousehold(principal, id)) throw notFound(`household ${id}`);
  return id;
}

/** The households a caller's queries are limited to (undefined: all, for admins). */
export function scopeOf(principal: Principal): readonly string[] | undefined {
  return isAdmin(principal) ? undefined : principal.households;
}

/** Checks `from < to` and a maximum span; 400 naming the offending parameter. */
export function checkRange(r: { from: number; to: number }, maxDays: number): void {
  if (!(r.from < r.to)) throw badParameter("to", "must be after 'from'");
  if (r.to - r.from > maxDays * 86_400_000) throw badParameter("from", `range longer than ${maxDays} days`);
}
