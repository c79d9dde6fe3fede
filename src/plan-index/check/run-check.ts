/**
 * A check from start to finish, on any store: read the plan, its own content
 * (statistics), candidates (postings), verification (records), alignment
 * (texts), score and result. The stages between the store's answers are
 * plain functions; the two drivers below differ only in waiting for them.
 */
import { parseDateLineOf, parseMetaDate } from '../../evidence/dates.js';
import type { ReadDocument } from '../read-document.js';
import type { Sketcher } from '../sketcher.js';
import type {
  AsyncIndexStoreReader,
  IndexStoreReader,
  StoreSummary,
} from '../store/index-store.js';
import type { CheckInput, CheckOptions, CheckResult } from '../types.js';
import { type ResolvedCheckOptions, checkInput, checkOptions } from '../validate.js';
import { postingRequest } from './candidates.js';
import type { CheckContext } from './check-context.js';
import { type OwnContent, ownContent } from './own-content.js';
import { type DeadlineGuard, deadlineGuard } from './deadline.js';
import { checkResult, nothingFound } from './result.js';
import { scoreMatches } from './score.js';
import { type Verified, type VerifyRules, verifyCandidates } from './verify.js';

/**
 * Up to this many documents, a check verifies every one instead of sampling
 * candidates: anchor sampling can miss a plan that copies a quarter of a
 * short document (about once in fifty), and verifying them all costs
 * microseconds each.
 */
const VERIFY_ALL_UP_TO = 256;

/** A check under way: the plan read, its options resolved. */
interface Begun {
  overdue: DeadlineGuard;
  text: string;
  meta: Record<string, unknown> | undefined;
  options: ResolvedCheckOptions;
  query: ReadDocument;
}

function begin(
  sketcher: Sketcher,
  input: CheckInput,
  options: CheckOptions | undefined,
  fn: string,
): Begun {
  const { text, meta } = checkInput(input, fn);
  const resolved = checkOptions(options, fn);
  const overdue = deadlineGuard(resolved.deadline, fn);
  const query = sketcher.read(text);
  overdue('reading the plan');
  return { overdue, text, meta, options: resolved, query };
}

/** Whether the store verifies every document rather than search candidates. */
function verifiesAll(summary: StoreSummary): boolean {
  return summary.live <= VERIFY_ALL_UP_TO;
}

function verifyRules(sketcher: Sketcher, begun: Begun): VerifyRules {
  const { options, meta, text, query } = begun;
  return {
    planDate: options.date ?? parseMetaDate(meta?.date) ?? parseDateLineOf(text, query.tokens),
    onlyEarlier: options.onlyEarlier,
    includeSameDay: options.includeSameDay,
    exclude: new Set(options.exclude),
    threshold: sketcher.options.threshold,
    minPassage: sketcher.options.minPassage,
  };
}

/** The sources of the verified candidates: cached, or read from `texts` for those listed by {@link uncached}. */
function uncached(
  context: CheckContext,
  verified: readonly Verified[],
  summary: StoreSummary,
): number[] {
  const out: number[] = [];
  for (const v of verified) if (!context.sources.get(v.d, summary.generation)) out.push(v.d);
  return out;
}

function sourcesOf(
  context: CheckContext,
  sketcher: Sketcher,
  verified: readonly Verified[],
  summary: StoreSummary,
  fetched: readonly number[],
  texts: ReadonlyArray<string | undefined>,
): Array<ReadDocument | undefined> {
  const read = new Map<number, ReadDocument | undefined>();
  for (const [k, d] of fetched.entries()) {
    const text = texts[k];
    let source: ReadDocument | undefined;
    if (text !== undefined) {
      const memo = context.sources.encodingMemo(d, summary.generation);
      source = sketcher.read(text, memo);
      context.sources.rememberEncoding(d, memo);
      context.sources.set(d, source);
    }
    read.set(d, source);
  }
  return verified.map((v) =>
    read.has(v.d) ? read.get(v.d) : context.sources.get(v.d, summary.generation),
  );
}

function finish(
  context: CheckContext,
  sketcher: Sketcher,
  begun: Begun,
  own: OwnContent,
  verified: readonly Verified[],
  sources: ReadonlyArray<ReadDocument | undefined>,
  docs: Parameters<typeof scoreMatches>[5],
): CheckResult {
  const { options } = sketcher;
  const scored = scoreMatches(context, begun.query, own, verified, sources, docs, {
    shingleSize: options.shingleSize,
    minPassage: options.minPassage,
    threshold: options.threshold,
    learnsStockPhrases: options.learnedBoilerplate > 0,
    overdue: begun.overdue,
  });
  return checkResult(begun.query, scored, own.ignored, begun.options, begun.overdue);
}

/** Check a plan against a synchronous store (the in-memory one). */
export function runCheck(
  store: IndexStoreReader,
  sketcher: Sketcher,
  context: CheckContext,
  input: CheckInput,
  options: CheckOptions | undefined,
  fn: string,
): CheckResult {
  const begun = begin(sketcher, input, options, fn);
  const stats = store.statistics(begun.query.shingles);
  const { summary } = stats;
  const own = ownContent(begun.query, stats, sketcher.options);
  if (own.set.length === 0 || own.ownCount === 0 || summary.live === 0)
    return nothingFound(own.ignored);
  let candidates: number[];
  if (verifiesAll(summary)) candidates = store.liveDocuments();
  else {
    const request = postingRequest(own.set, sketcher.bandKeys(own.set), summary);
    const postings = store.postings(request);
    candidates = context.search.find(postings, request, summary, sketcher.options.minContainment);
  }
  begun.overdue('finding candidates');
  const docs = store.documents(candidates);
  const verified = verifyCandidates(
    context,
    begun.query,
    own,
    docs,
    candidates,
    verifyRules(sketcher, begun),
  );
  begun.overdue('verifying candidates');
  const fetched = uncached(context, verified, summary);
  const texts = fetched.length === 0 ? [] : store.texts(fetched);
  const sources = sourcesOf(context, sketcher, verified, summary, fetched, texts);
  return finish(context, sketcher, begun, own, verified, sources, docs);
}

/** Check a plan against any store: the same stages, waiting for each of the store's answers. */
export async function runCheckAsync(
  store: AsyncIndexStoreReader,
  sketcher: Sketcher,
  context: CheckContext,
  input: CheckInput,
  options: CheckOptions | undefined,
  fn: string,
): Promise<CheckResult> {
  const begun = begin(sketcher, input, options, fn);
  const stats = await store.statistics(begun.query.shingles);
  const { summary } = stats;
  const own = ownContent(begun.query, stats, sketcher.options);
  if (own.set.length === 0 || own.ownCount === 0 || summary.live === 0)
    return nothingFound(own.ignored);
  let candidates: number[];
  if (verifiesAll(summary)) candidates = await store.liveDocuments();
  else {
    const request = postingRequest(own.set, sketcher.bandKeys(own.set), summary);
    const postings = await store.postings(request);
    candidates = context.search.find(postings, request, summary, sketcher.options.minContainment);
  }
  begun.overdue('finding candidates');
  const docs = await store.documents(candidates);
  const verified = verifyCandidates(
    context,
    begun.query,
    own,
    docs,
    candidates,
    verifyRules(sketcher, begun),
  );
  begun.overdue('verifying candidates');
  const fetched = uncached(context, verified, summary);
  const texts = fetched.length === 0 ? [] : await store.texts(fetched);
  const sources = sourcesOf(context, sketcher, verified, summary, fetched, texts);
  return finish(context, sketcher, begun, own, verified, sources, docs);
}
