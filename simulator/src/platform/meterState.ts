/**
 * The simulated meters' register state in the data dir (`<data>/sim/registers.json`), so a second
 * `omdp start` continues every register where the first left it: the meters do not go back to their seed
 * values (which the edge would flag as a replaced meter, and Live's "Imported today" would drop to 0).
 *
 * Saved every few seconds while the meters run and once more at a clean stop, atomically (temp file, then
 * rename: a kill leaves the previous complete file). Per meter id: the seed its registers were drawn from
 * (a meter whose seed changed starts afresh) and each register's exact accumulator (rate-seconds).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type RegisterAccumulators, RegisterBank } from "../meters/registers";
import { writePrivateFile } from "./dataDir";

export const REGISTERS_FILE = join("sim", "registers.json");
/** How often the running meters' registers are saved (wall ms). */
export const SAVE_EVERY_MS = 5_000;

export class MeterStateError extends Error {
  override readonly name = "MeterStateError";
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly content: string,
  ) {
    super(
      `${path}: ${reason} (expected {"meters": {"<id>": {"seed": n, "registers": {...}}}}): ${content.slice(0, 120)}`,
    );
  }
}

export interface MeterSeed {
  readonly id: string;
  readonly seed: number;
}

interface SavedMeter {
  readonly seed: number;
  /** Register name (the key after `<seed>:`) to accumulator. */
  readonly registers: Record<string, number>;
}

interface StateFile {
  readonly savedAt: string;
  readonly meters: Record<string, SavedMeter>;
}

/** The accumulators saved for these meters (keys `<seed>:<name>`); empty when there is no file. */
export function loadRegisterState(dataDir: string, meters: readonly MeterSeed[]): RegisterAccumulators {
  const path = join(dataDir, REGISTERS_FILE);
  if (!existsSync(path)) return {};
  const text = readFileSync(path, "utf8");
  let file: StateFile;
  try {
    file = JSON.parse(text) as StateFile;
  } catch {
    throw new MeterStateError(path, "not JSON", text);
  }
  if (typeof file !== "object" || file === null || typeof file.meters !== "object" || file.meters === null)
    throw new MeterStateError(path, "no meters object", text);
  const out: Record<string, number> = {};
  for (const m of meters) {
    const saved = file.meters[m.id];
    if (!saved || saved.seed !== m.seed || typeof saved.registers !== "object") continue;
    for (const [name, acc] of Object.entries(saved.registers)) {
      if (typeof acc !== "number" || !Number.isFinite(acc) || acc < 0)
        throw new MeterStateError(path, `register ${m.id}/${name} is not a non-negative number`, text);
      out[`${m.seed}:${name}`] = acc;
    }
  }
  return out;
}

/** Writes the bank's registers, grouped by meter id, atomically. */
export function saveRegisterState(
  dataDir: string,
  meters: readonly MeterSeed[],
  accumulators: RegisterAccumulators,
  now = new Date(),
): void {
  const out: Record<string, SavedMeter> = {};
  for (const m of meters) {
    const prefix = `${m.seed}:`;
    const registers: Record<string, number> = {};
    for (const [key, acc] of Object.entries(accumulators))
      if (key.startsWith(prefix)) registers[key.slice(prefix.length)] = acc;
    if (Object.keys(registers).length > 0) out[m.id] = { seed: m.seed, registers };
  }
  mkdirSync(join(dataDir, "sim"), { recursive: true, mode: 0o700 });
  const file: StateFile = { savedAt: now.toISOString(), meters: out };
  writePrivateFile(join(dataDir, REGISTERS_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * A bank primed with the saved state; `start` saves it every SAVE_EVERY_MS until `stop` (which saves once
 * more). Make the bank active (useRegisterBank) before the meters are created.
 */
export function keepRegisterState(
  dataDir: string,
  meters: readonly MeterSeed[],
  /** Called before each save: bring the registers up to now (they integrate lazily, when read). */
  catchUp: () => void = () => undefined,
): { bank: RegisterBank; start(): void; save(): void; stop(): void } {
  const bank = new RegisterBank(loadRegisterState(dataDir, meters));
  const save = () => {
    catchUp();
    saveRegisterState(dataDir, meters, bank.snapshot());
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    bank,
    save,
    start() {
      timer ??= setInterval(save, SAVE_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      save();
    },
  };
}
