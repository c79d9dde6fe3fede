/**
 * A progress bar on stderr with the rate and the time left, redrawn at most
 * ten times a second; nothing at all when stderr is not a terminal.
 */

/** No time left is shown before this many items are done and this many seconds have passed. */
const SETTLE_ITEMS = 5;
const SETTLE_SECONDS = 2;
/** Time constant of the smoothed rate, in seconds: the last few seconds weigh most. */
const SMOOTHING_SECONDS = 5;

/** What a bar writes to: a stream, and a clock (tests give their own). */
export interface ProgressBarOptions {
  now?: () => number;
}

/**
 * A progress bar for one stage of work. Its clock starts at the first update
 * (not when it is made: the second stage's bar is made before the first stage
 * runs). The rate is smoothed exponentially over the last few seconds, and no
 * time left is shown until a few items and seconds have passed, so that the
 * estimate does not swing wildly at the start.
 */
export class ProgressBar {
  private started: number | undefined;
  private lastDraw = -Infinity;
  private lastSample: { time: number; done: number } | undefined;
  private rate: number | undefined;
  private active = false;
  private readonly now: () => number;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly label: string,
    private readonly enabled: boolean,
    options: ProgressBarOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Items per second, smoothed; undefined until the estimate has settled. */
  get itemsPerSecond(): number | undefined {
    return this.rate;
  }

  /** Show `done` of `total`. */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = this.now();
    if (this.started === undefined) {
      this.started = now;
      this.lastSample = { time: now, done };
    }
    this.sample(now, done);
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.active = true;
    const width = 24;
    const filled = total === 0 ? width : Math.round((width * Math.min(done, total)) / total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const rate = this.rate;
    const speed = rate === undefined ? '' : `  ${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
    const left =
      done >= total
        ? ''
        : rate === undefined || rate <= 0
          ? '  estimating…'
          : `  ${formatSeconds((total - done) / rate)} left`;
    this.stream.write(`\r${this.label.padEnd(9)} ${bar} ${done}/${total}${speed}${left} \x1b[K`);
  }

  /** Fold the work done since the last sample into the smoothed rate. */
  private sample(now: number, done: number): void {
    const last = this.lastSample!;
    const seconds = (now - last.time) / 1000;
    const elapsed = (now - this.started!) / 1000;
    if (this.rate === undefined) {
      // Settled: start from the mean rate so far.
      if (done >= SETTLE_ITEMS && elapsed >= SETTLE_SECONDS) {
        this.rate = done / elapsed;
        this.lastSample = { time: now, done };
      }
      return;
    }
    // Samples closer than a quarter second are too noisy to count alone; they accumulate.
    if (seconds < 0.25) return;
    const instant = (done - last.done) / seconds;
    const weight = 1 - Math.exp(-seconds / SMOOTHING_SECONDS);
    this.rate += weight * (instant - this.rate);
    this.lastSample = { time: now, done };
  }

  /** End the bar's line. */
  finish(): void {
    if (this.active) this.stream.write('\n');
    this.active = false;
  }
}

/** 75 → "1:15", 3700 → "1:01:40". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
