export const ROLES = ["household", "admin", "analyst"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  readonly sub: string;
  readonly roles: ReadonlySet<Role>;
  /** Households a `household` principal may see (claim `households: [...]` or `household`). */
  readonly households: readonly string[];
}

export function isAdmin(p: Principal): boolean {
  return p.roles.has("admin");
}

/** Admins see every household; household principals only their own. */
export function canSeeHousehold(p: Principal, householdId: string): boolean {
  return isAdmin(p) || (p.roles.has("household") && p.households.includes(householdId));
}

/** Reads roles and households from claims: Entra ID app roles arrive as `roles: [...]`. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
  const roles = new Set<Role>();
  for (const r of [...list(claims.roles), ...list(claims.role)]) {
    if ((ROLES as readonly string[]).includes(r)) roles.add(r as Role);
  }
  const households = [...new Set([...list(claims.households), ...list(claims.household)])];
  return { sub: typeof claims.sub === "string" ? claims.sub : "", roles, households };
}
