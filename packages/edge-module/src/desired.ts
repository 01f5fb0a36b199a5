import { isDeepStrictEqual } from "node:util";
import type { ZodType } from "zod";
import { type JsonObject, mergePatch, stripTwinMetadata } from "./merge-patch";

/** Outcome of offering a desired-properties patch to one configuration listener. */
export type DesiredOutcome<T> =
  | { readonly ok: true; readonly config: T; readonly changed: boolean }
  | { readonly ok: false; readonly error: string; readonly issues: readonly DesiredIssue[] };

export interface DesiredIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The live configuration of one `onDesired` listener (pure): the last desired document that validated,
 * and the rule that an invalid patch leaves it unchanged.
 */
export class DesiredState<T> {
  private accepted: JsonObject = {};
  private current: T | undefined;

  constructor(private readonly schema: ZodType<T>) {}

  /** The configuration in force (undefined until a document validated). */
  get config(): T | undefined {
    return this.current;
  }

  /** Merges `patch` onto the last accepted document; keeps it only if the result validates. */
  offer(patch: JsonObject): DesiredOutcome<T> {
    const candidate = mergePatch(this.accepted, stripTwinMetadata(patch));
    const parsed = this.schema.safeParse(candidate);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join("."),
        message: i.message,
      }));
      const error = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
      return { ok: false, error, issues };
    }
    const changed = this.current === undefined || !isDeepStrictEqual(candidate, this.accepted);
    this.accepted = candidate;
    this.current = parsed.data;
    return { ok: true, config: parsed.data, changed };
  }
}
