import type { Quality } from "@omdp/model";

/**
 * Quality precedence, the one rule of the platform: the worst child wins, in the order
 * `estimated` > `partial` > `complete`. An interval with any estimated value is an estimate, whatever
 * else is missing; otherwise anything missing makes it partial. A roll-up whose children do not cover
 * its whole bucket also gets the `gap` flag and is at least `partial`.
 */
export const QUALITY_PRECEDENCE: readonly Quality[] = ["complete", "partial", "estimated"];

/** The worse of two qualities by QUALITY_PRECEDENCE. */
export function worseQuality(a: Quality, b: Quality): Quality {
  return QUALITY_PRECEDENCE.indexOf(a) >= QUALITY_PRECEDENCE.indexOf(b) ? a : b;
}

/** The flag a roll-up gets when its children leave part of its bucket uncovered. */
export const GAP_FLAG = "gap";
