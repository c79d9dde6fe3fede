/** The shape of a command's options, apart from the parser so that option tables need not import it. */

/** An option of a command: a value (`--out x`, `--out=x`) or a flag (`--quiet`). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}
