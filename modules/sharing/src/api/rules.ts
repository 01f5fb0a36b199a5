import { Rules } from "@omdp/module-events/config";
import { z } from "zod";
import type { ApiDeps, Caller } from "./deps";
import { badParameter, type InvalidParam, invalidFields } from "./errors";
import { readJson, sendJson } from "./http-io";
import type { Router } from "./router";

export const RULES_KEY = "events.rules";

/** `PUT /api/rules` body, checked with the events module's own rule schema (one schema, written once). */
export const RulesBody = z.object({ rules: Rules });

/** A zod issue path as the client wrote the field: `rules[0].thresholdW`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = "";
  for (const p of path) name += typeof p === "number" ? `[${p}]` : `${name === "" ? "" : "."}${String(p)}`;
  return name === "" ? "body" : name;
}

/** Every issue of a failed parse as an invalid field (path and message). */
export function issuesToFields(error: z.ZodError): InvalidParam[] {
  return error.issues.map((i) => ({ name: fieldName(i.path), reason: i.message }));
}

/**
 * `GET/PUT /api/rules`: the rules are validated (defaults applied) by the events module's schema before
 * they are stored and sent, so a rule that is stored is a rule that runs.
 */
export function addRuleRoutes(r: Router<Caller | undefined>, deps: ApiDeps): void {
  const { store } = deps;
  r.add("GET", "/api/rules", (c) => {
    const rules = store.settings.get<unknown[]>(RULES_KEY);
    sendJson(c.res, 200, { rules: rules?.value ?? [], updatedAt: rules?.updatedAt ?? null });
  });

  r.add("PUT", "/api/rules", async (c) => {
    const body = await readJson(c.req);
    if (body === null || typeof body !== "object" || Array.isArray(body))
      throw badParameter("body", "expected { rules: [ {...}, ... ] } (an array of rule objects)");
    const parsed = RulesBody.safeParse(body);
    if (!parsed.success) throw invalidFields(issuesToFields(parsed.error));
    const rules = parsed.data.rules;
    store.settings.set(RULES_KEY, rules, deps.now());
    await deps.sendControl({ kind: "control", action: "setRules", rules });
    const saved = store.settings.get<unknown[]>(RULES_KEY)!;
    sendJson(c.res, 200, { rules: saved.value, updatedAt: saved.updatedAt });
  });
}
