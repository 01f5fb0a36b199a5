/**
 * The events state as one small JSON file, replaced atomically (write a temporary file, fsync, rename):
 * a crash leaves either the old or the new snapshot, never a torn one. The state is a few kilobytes
 * (hysteresis slots, 14 nights per meter, recent ids), so a file beats a database here and keeps the
 * module free of native dependencies.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { type EventsState, emptyState } from "./state";

export class SnapshotFile {
  constructor(readonly path: string) {}

  /** The saved state; an empty one when there is none. A corrupt file is kept aside, not lost. */
  load(): { state: EventsState; problem?: string } {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return { state: emptyState() };
    }
    try {
      const parsed = JSON.parse(text) as EventsState;
      if (parsed.version !== 1) throw new Error(`unknown snapshot version ${String(parsed.version)}`);
      return { state: { ...emptyState(), ...parsed } };
    } catch (err) {
      renameSync(this.path, `${this.path}.corrupt-${Date.now()}`);
      return { state: emptyState(), problem: String(err) };
    }
  }

  save(state: EventsState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
