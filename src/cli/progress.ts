/**
 * A progress bar on stderr with the rate and the time left, redrawn at most
 * ten times a second; nothing at all when stderr is not a terminal.
 */

/** A progress bar for one stage of work. */
export class ProgressBar {
  private started = Date.now();
  private lastDraw = 0;
  private active = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    private readonly enabled: boolean,
  ) {}

  /** Show `done` of `total`. */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.active = true;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = done / seconds;
    const left = rate > 0 ? (total - done) / rate : 0;
    const width = 24;
    const filled = total === 0 ? width : Math.round((width * done) / total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(
      `\r${this.label.padEnd(9)} ${bar} ${done}/${total}  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ${formatSeconds(left)} left `,
    );
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
