/** The help of each command, and the usage error that makes the exit code 1. */

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

export const MAIN_HELP = `saochep: find copied (sao chép) plans in Vietnamese administrative archives

Usage:
  saochep scan <folder|archive.jsonl> [options]   scan an archive and write a report
  saochep check <file> --index saved.idx          check one plan against a saved index
  saochep index <folder|archive.jsonl> --out saved.idx   build (or --add to) a saved index

  saochep <command> --help    options of a command
  saochep --version

Exit codes: 0 done, 1 bad usage, 2 nothing could be read, 3 the work failed
(the report or the index could not be written, or an unexpected error).
`;

export const SCAN_HELP = `Usage: saochep scan <folder|archive.jsonl> [options]

Reads every plan (.txt .md .html .docx .doc .pdf, or the lines of a .jsonl archive),
orders them by date (meta, the document's date line, or file time), checks each one
against the plans not dated after it and against the references, and writes a report.

Options:
  --out <file>          report file: .html, .json or .csv (default saochep-report.html)
  --references <path>   folder or .jsonl of the directives and templates the plans implement
  --threshold <x>       score from which a plan counts as copied, 0–1 (default 0.5)
  --index <saved.idx>   also check against the documents of a saved index
  --jobs <n>            worker threads for reading and signing (default: number of cores)
  --lang <vi|en>        language of the HTML report at opening (default vi)
  --quiet               no progress bar and no summary

Examples:
  saochep scan ./archive
  saochep scan ./archive --references ./directives --out report.json
  saochep scan archive.jsonl --threshold 0.4 --out report.csv
`;

export const CHECK_HELP = `Usage: saochep check <file> --index <saved.idx> [options]

Checks one plan against a saved index: its score, its sources and the copied passages.

Options:
  --index <saved.idx>   the index to check against (required)
  --limit <n>           sources shown (default 10)
  --json                print the result as JSON
  --quiet               print the score only

Example:
  saochep check ke-hoach-moi.docx --index archive.idx
`;

export const INDEX_HELP = `Usage: saochep index <folder|archive.jsonl> --out <saved.idx> [options]

Builds an index of an archive and saves it (atomically) for saochep check, saochep scan
--index, or an application's PlanIndex.load.

Options:
  --out <saved.idx>     where to save the index (required)
  --add                 extend the index already saved at --out instead of replacing it
  --references <path>   folder or .jsonl of directives and templates, indexed as references
  --jobs <n>            worker threads for reading and signing (default: number of cores)
  --quiet               no progress bar and no summary

Example:
  saochep index ./archive --references ./directives --out archive.idx
`;
