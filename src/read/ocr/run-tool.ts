/**
 * One run of an external program (tesseract, pdftoppm) as OCR needs it: an
 * argument array (never a shell), bytes on standard input, standard output
 * collected up to a size limit, and a time limit after which the program is
 * killed. Every way it can fail is a {@link ToolFailure} that says which.
 */
import { spawn } from 'node:child_process';

/** How a run of a tool failed. */
export type ToolFailureKind = 'missing' | 'timeout' | 'exit' | 'output-limit' | 'aborted';

/** A tool run that did not give its output. */
export class ToolFailure extends Error {
  constructor(
    readonly kind: ToolFailureKind,
    message: string,
    /** The last of what the tool wrote to standard error. */
    readonly stderr = '',
  ) {
    super(message);
    this.name = 'ToolFailure';
  }
}

/** What to run and within which limits. */
export interface ToolRun {
  command: string;
  args: readonly string[];
  /** Written to the tool's standard input, which is then closed. */
  input?: Uint8Array;
  timeoutMs: number;
  maxOutputBytes: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Told of the tool's process id when it starts and when it ends (OCR slots note them). */
  processes?: { started(pid: number): void; ended(pid: number): void };
}

const STDERR_KEPT = 2000;

/** Run a tool and resolve to its standard output; rejects with a {@link ToolFailure}. */
export function runTool(run: ToolRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) {
      reject(new ToolFailure('aborted', `${run.command} was not started: the work was stopped`));
      return;
    }
    const child = spawn(run.command, run.args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: run.env ?? process.env,
      windowsHide: true,
    });
    const pid = child.pid;
    if (pid !== undefined) run.processes?.started(pid);
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: ToolFailure | undefined;
    const stop = (why: ToolFailure) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(
          new ToolFailure('timeout', `${run.command} took longer than ${run.timeoutMs / 1000} s`),
        ),
      run.timeoutMs,
    );
    const onAbort = () => stop(new ToolFailure('aborted', `${run.command} was stopped`));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > run.maxOutputBytes)
        stop(
          new ToolFailure(
            'output-limit',
            `${run.command} wrote more than ${run.maxOutputBytes} bytes`,
          ),
        );
      else chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_KEPT);
    });
    // A tool that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => {});
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT'
          ? new ToolFailure('missing', `${run.command} is not installed (not found on the PATH)`)
          : new ToolFailure('exit', `${run.command} could not be started (${error.message})`);
    });
    const finish = () => {
      if (pid !== undefined) run.processes?.ended(pid);
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
    };
    // A killed tool is done when it exits, even if a process it started still holds its output open.
    child.on('exit', () => {
      if (!failure) return;
      finish();
      child.stdout.destroy();
      child.stderr.destroy();
      reject(new ToolFailure(failure.kind, failure.message, stderr));
    });
    child.on('close', (code, signal) => {
      finish();
      if (failure) reject(new ToolFailure(failure.kind, failure.message, stderr));
      else if (code !== 0)
        reject(
          new ToolFailure(
            'exit',
            `${run.command} failed (${signal ? `signal ${signal}` : `exit code ${code}`}): ${stderr.trim().slice(-300)}`,
            stderr,
          ),
        );
      else resolve(Buffer.concat(chunks));
    });
    if (run.input) child.stdin.end(run.input);
    else child.stdin.end();
  });
}
