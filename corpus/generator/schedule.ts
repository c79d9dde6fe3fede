/**
 * Which directive each plan implements and on what day, and the order plans are
 * written in (by date, so that a copier only copies what already exists), kept
 * in typed arrays: a few bytes a plan, so a million plans fit easily.
 */
import { type Directive, makeDirective } from './directive.js';
import { type Day, addDays, dayOrdinal } from './frame.js';
import { Random } from './random.js';

/** The plan of an archive, before any plan is written. */
export interface Schedule {
  seed: number;
  plans: number;
  directives: Directive[];
  /** Plan indices in the order they are written: by date, then index. */
  order: Int32Array;
  /** By plan index: the directive it implements. */
  directiveOf: Uint16Array;
  /** By plan index: its day, as days after its directive's. */
  dayOffset: Uint8Array;
  /** By directive: its plans in the order they are written. */
  byDirective: Int32Array[];
  /** By plan index: its position in its directive's list. */
  position: Int32Array;
  /** By plan index: how many plans of its directive it may copy (written earlier, on an earlier day). */
  peerCount: Int32Array;
}

/** Directives in an archive of `plans` plans: several, each implemented by about 35 units. */
export function directiveCount(plans: number): number {
  return Math.max(3, Math.min(400, Math.round(plans / 35)));
}

/**
 * The generator of plan `index`, after the draws the schedule made from it
 * (directive and day): the plan is built from the rest of its draws.
 */
export function planRandom(seed: number, index: number, directives: number): Random {
  const rng = Random.derive(seed, 'plan', index);
  rng.int(0, directives - 1);
  rng.int(3, 150);
  return rng;
}

/** A plan's date. */
export function planDate(schedule: Schedule, index: number): Day {
  return addDays(schedule.directives[schedule.directiveOf[index]].date, schedule.dayOffset[index]);
}

/** Schedule an archive of `plans` plans. Deterministic. */
export function makeSchedule(seed: number, plans: number): Schedule {
  const directives = Array.from({ length: directiveCount(plans) }, (_, k) =>
    makeDirective(seed, k),
  );
  const directiveOf = new Uint16Array(plans);
  const dayOffset = new Uint8Array(plans);
  const ordinal = new Float64Array(plans);
  const base = directives.map((d) => dayOrdinal(d.date));
  for (let index = 0; index < plans; index++) {
    const rng = Random.derive(seed, 'plan', index);
    const d = rng.int(0, directives.length - 1);
    directiveOf[index] = d;
    dayOffset[index] = rng.int(3, 150);
    ordinal[index] = base[d] + dayOffset[index];
  }
  const order = Int32Array.from({ length: plans }, (_, i) => i);
  order.sort((a, b) => ordinal[a] - ordinal[b] || a - b);

  const counts = new Int32Array(directives.length);
  for (let i = 0; i < plans; i++) counts[directiveOf[i]]++;
  const byDirective = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(directives.length);
  const position = new Int32Array(plans);
  const peerCount = new Int32Array(plans);
  // Per directive: how many of its plans were written on days before the current one.
  const before = new Int32Array(directives.length);
  const lastDay = new Float64Array(directives.length).fill(-Infinity);
  for (const index of order) {
    const d = directiveOf[index];
    if (ordinal[index] !== lastDay[d]) {
      before[d] = filled[d];
      lastDay[d] = ordinal[index];
    }
    peerCount[index] = before[d];
    position[index] = filled[d];
    byDirective[d][filled[d]++] = index;
  }
  return {
    seed,
    plans,
    directives,
    order,
    directiveOf,
    dayOffset,
    byDirective,
    position,
    peerCount,
  };
}
