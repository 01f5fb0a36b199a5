/**
 * The terminal's view of a backfill: on a TTY one line rewritten in place (a bar, the meter day reached,
 * the wall seconds left), otherwise a few log lines (every quarter). Pure rendering; the caller writes.
 */
export interface BackfillSpan {
  readonly fromSimMs: number;
  readonly startWallMs: number;
  readonly endWallMs: number;
}

const WIDTH = 30;

/** Fraction done at wall time `wallMs` (0 while the clock is held, 1 once it reached the wall clock). */
export function backfillFraction(span: BackfillSpan, wallMs: number): number {
  const total = span.endWallMs - span.startWallMs;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (wallMs - span.startWallMs) / total));
}

/** One progress line, e.g. `backfill [###############...............]  50%  14 of 30 days, 20 s left`. */
export function backfillLine(span: BackfillSpan, wallMs: number): string {
  const f = backfillFraction(span, wallMs);
  const filled = Math.round(f * WIDTH);
  const days = Math.round((span.endWallMs - span.fromSimMs) / 86_400_000);
  const left = Math.max(0, Math.ceil((span.endWallMs - Math.max(wallMs, span.startWallMs)) / 1000));
  const pct = String(Math.round(f * 100)).padStart(3);
  const status = wallMs < span.startWallMs ? "waiting for the components" : `${left} s left`;
  return `backfill [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${pct}%  ${Math.floor(f * days)} of ${days} days, ${status}`;
}

/** The quarters (0..4) a non-TTY log reports: a line when the fraction passes 0, 25, 50, 75 and 100 %. */
export function backfillQuarter(span: BackfillSpan, wallMs: number): number {
  return Math.floor(backfillFraction(span, wallMs) * 4);
}
