/**
 * Progress of long work on a terminal: one status line, rewritten in place a few times a second
 * (captures ingested, pages written, with counts and the time elapsed), and the lines that stay
 * (a summary, a problem) printed above it. Not on a terminal, or in CI (CI=true), there is no
 * status line at all: only the lines that stay.
 */
export class Progress {
  private readonly started = performance.now();
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    readonly live: boolean = Boolean(stream.isTTY) && !isCi(process.env),
  ) {}

  /** Seconds since the work started, as the status line and summaries print them. */
  elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1)} s`;
  }

  /** The status line: `text` and the time elapsed. At most a few redraws a second unless `now`. */
  status(text: string, now = false): void {
    if (!this.live) return;
    const time = performance.now();
    if (!now && time - this.lastDraw < 100) return;
    this.lastDraw = time;
    const line = `${text} · ${this.elapsed()}`;
    const width = this.stream.columns ? this.stream.columns - 1 : line.length;
    this.stream.write(`\r\x1b[2K${line.slice(0, width)}`);
    this.shown = true;
  }

  /** A line that stays, printed above the status line. */
  line(text: string, stream: NodeJS.WriteStream = this.stream): void {
    this.clear();
    stream.write(`${text}\n`);
  }

  /** Removes the status line (before the summary). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** CI=true (or any value but false and 0), as CI services set it. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return Boolean(value) && value !== 'false' && value !== '0';
}

/** 9808 → 9,808. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
