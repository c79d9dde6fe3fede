/** The command line's own errors, each an exit code. */

/** Bad usage: an unknown option, a missing argument, a bad value. Exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Nothing could be read: no plan, no index. Exit code 2. */
export class NothingReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingReadError';
  }
}
