/** The help of each command (the usage errors are in cli-errors.ts). */
import { OCR_HELP } from './ocr-options.js';

export { NothingReadError, UsageError } from './cli-errors.js';

import { LIMIT_OPTIONS_HELP } from './limit-options.js';

const INDEX_OPTIONS = `Index options (they change the results; saved in the index, recorded in the report):
  --shingle-size <n>          syllables per shingle, 1–64 (default 6)
  --num-perm <n>              MinHash values per signature, a power of two 16–1024 (default 128)
  --seed <n>                  seed of the MinHash permutation (default 1)
  --lsh-threshold <x>         Jaccard similarity the LSH bands are tuned for, and that
                              makes a match (default 0.5)
  --min-containment <x>       share of a plan a document must supply to be a match (default 0.2)
  --min-passage <n>           shortest copied stretch that counts, in syllables (default 25)
  --anchor-rate <1/k>         share of shingles kept as anchors, 1 to 1/256 (default 1/16)
  --learned-boilerplate <x>   shingles in this share of the documents are stock phrases,
                              0 turns learning off (default 0.05)
  --learn-from <n>            documents needed before stock phrases are learned (default 50)
  --no-frame                  count the administrative frame (header, Nơi nhận…) as content
`;

export const MAIN_HELP = `saochep: find copied (sao chép) plans in Vietnamese administrative archives

Usage:
  saochep scan <folder|archive.jsonl> [options]   scan an archive and write a report
  saochep check <file> --index saved.idx          check one plan against a saved index
  saochep index <folder|archive.jsonl> --out saved.idx   build (or --add to) a saved index
  saochep serve --index saved.idx             serve checks over HTTP (see saochep help serve)

Wherever --index or --out names an index, a shared archive in Redis can stand instead of
the file: redis://[user:password@]HOST:PORT[/DB]?name=ARCHIVE, or for a Redis Cluster
redis+cluster://HOST:PORT,HOST:PORT?name=ARCHIVE (default name saochep).

  saochep help <command>      options of a command (or saochep <command> --help)
  saochep --version           the version (also -V)

Exit codes: 0 done, 1 bad usage, 2 nothing could be read, 3 the work failed
(the report or the index could not be written, or an unexpected error),
4 check --fail-above: the plan scores at or above the limit, 130 stopped by Ctrl-C.
`;

export const SCAN_HELP = `Usage: saochep scan <folder|archive.jsonl> [options]

Reads every plan (.txt .md .html .docx .doc .pdf, scans .png .jpg .tif by OCR, or the
lines of a .jsonl archive),
orders them by date (meta, the document's date line, or file time), checks each one
against the plans not dated after it and against the references, and writes a report.

Options:
  --out <file>          report file: .html, .json or .csv (default saochep-report.html)
  --references <path>   folder or .jsonl of the directives and templates the plans implement
  --copied-at <x>       score from which a plan counts as copied, 0–1 (default 0.5)
  --threshold <x>       deprecated name of --copied-at
  --index <saved.idx>   also check against the documents of a saved index (its index
                        options are used: the index options below cannot be given);
                        it is extended in memory, not saved
  --index <redis://…>   also check against a shared archive in Redis (redis://HOST:PORT
                        ?name=ARCHIVE, redis+cluster://HOST:PORT,…): the plans and
                        references read are added to it (ids already there are kept)
  --jobs <n>            worker threads for reading, signing and checking (default: number of cores)
  --lang <vi|en>        language of the HTML report at opening (default vi)
  --quiet               no progress bar and no summary

${OCR_HELP}
${INDEX_OPTIONS}
${LIMIT_OPTIONS_HELP}
Examples:
  saochep scan ./archive
  saochep scan ./archive --references ./directives --out report.json
  saochep scan archive.jsonl --copied-at 0.4 --min-passage 40 --out report.csv
`;

export const CHECK_HELP = `Usage: saochep check <file> --index <saved.idx|redis://…> [options]

Checks one plan against a saved index: its score, its sources and the copied passages.
A plan that is itself in the index (a document of the same file name and the same text)
is said to be so, and left out of its own sources.

Options:
  --index <saved.idx>   the index to check against (required): a saved index, or a shared
                        archive in Redis (redis://HOST:PORT?name=ARCHIVE, redis+cluster://…)
  --fail-above <x>      exit 4 when the score is at or above x, 0–1 (to gate an upload)
  --limit <n>           sources shown (default 10)
  --only-earlier        count only sources dated before the plan (undated references count)
  --same-day            with --only-earlier, count sources of the plan's own day too
  --date <date>         the plan's date (2021-11-18 or 18/11/2021; default: its date line)
  --json                print the result as JSON
  --quiet               print the score only

${OCR_HELP}
The index options (shingle size, minimum passage…) are those saved in the index.

${LIMIT_OPTIONS_HELP}
Examples:
  saochep check ke-hoach-moi.docx --index archive.idx --fail-above 0.5
  saochep check ke-hoach-moi.docx --index 'redis://10.0.0.5:6379?name=ha-noi' --json
`;

export const INDEX_HELP = `Usage: saochep index <folder|archive.jsonl|saved.idx> --out <saved.idx|redis://…> [options]

Builds an index of an archive and saves it (atomically) for saochep check, saochep scan
--index, or an application's PlanIndex.load. With --out redis://… the documents go into a
shared archive in Redis (created with the index options given, or extended: ids already
there are kept), and a saved .idx given instead of an archive is migrated there.

Options:
  --out <saved.idx>     where to save the index (required; checked before reading)
  --out <redis://…>     a shared archive in Redis: redis://[user:password@]HOST:PORT[/DB]
                        ?name=ARCHIVE, or redis+cluster://HOST:PORT,HOST:PORT?name=ARCHIVE
  --add                 extend the index already saved at --out instead of replacing it
                        (with its own index options: the index options below cannot be given)
  --references <path>   folder or .jsonl of directives and templates, indexed as references
  --jobs <n>            worker threads for reading and signing (default: number of cores)
  --quiet               no progress bar and no summary

${OCR_HELP}
${INDEX_OPTIONS}
${LIMIT_OPTIONS_HELP}
Examples:
  saochep index ./archive --references ./directives --out archive.idx
  saochep index ./archive --out 'redis://127.0.0.1:6379?name=ha-noi'
  saochep index archive.idx --out 'redis://127.0.0.1:6379?name=ha-noi'   (migrate)
`;

export const SERVE_HELP = `Usage: saochep serve --index <saved.idx|redis://host:port[/db]?name=archive> [options]

Serves checks over HTTP for a document system that checks plans at upload time:
POST /v1/check, PUT/GET/DELETE /v1/plans/{id}, GET /v1/stats, /v1/health, /v1/ready,
/v1/openapi.json. A write is answered once it is in the log beside the index
(saved.idx.log); the log is folded into saved.idx periodically and on SIGTERM.
SIGTERM or Ctrl-C: requests in flight are finished, the index saved, exit 0.
An index that cannot be loaded (damaged, unreadable): exit 2.

Options:
  --index <saved.idx>   the saved index to serve (a missing file starts an empty one);
                        or redis://[:password@]host:port[/db]?name=archive, a shared
                        archive in Redis that several serve processes serve at once
                        (writes as durable as Redis's AOF settings make them), or
                        redis+cluster://host:port,host:port?name=archive on a Redis Cluster
  --host <address>      address to listen on (default 127.0.0.1: this machine only)
  --port <n>            port (default 8080; 0 picks a free one)
  --token-file <file>   every request but /v1/health needs Authorization: Bearer <token>,
                        the file's first line (at least 16 characters)
  --allow-unauthenticated-writes
                        without --token-file, accept PUT and DELETE anyway (only behind
                        a gateway that authenticates); otherwise they are refused (403)
  --body-limit <MB>     largest request body, JSON or upload (default 20)
  --time-limit <s>      longest a request may take (default 30)
  --snapshot-interval <s>  seconds between snapshots while writes wait in the log (default 300)
  --jobs <n>            threads that check (default 1: the server's own). With n ≥ 2, a saved
                        index is checked by n worker threads, each holding a copy of the
                        index in memory, while the server's thread answers HTTP and writes

Example:
  saochep serve --index archive.idx --token-file /etc/saochep/token --port 8080
`;
