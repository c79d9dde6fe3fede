/**
 * An index as bytes and files: the in-memory store serialised in the saved
 * format (see format.ts), and read back, with messages that say what to do
 * when a file cannot be used.
 */
import { SaochepError } from '../errors.js';
import { VERSION } from '../version.js';
import { decodeIndex, encodeIndex } from './format.js';
import { Sketcher } from './sketcher.js';
import { MemoryStore } from './store/memory-store.js';

/** Whether version `a` (x.y.z) is newer than `b`. */
function isNewerVersion(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let k = 0; k < 3; k++) {
    const x = pa[k] ?? 0;
    const y = pb[k] ?? 0;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (x !== y) return x > y;
  }
  return false;
}

/** The bytes of a store made with `sketcher`'s options. */
export function encodeStore(sketcher: Sketcher, store: MemoryStore): Uint8Array {
  return encodeIndex(sketcher.options, store.storedDocuments(), store.storedState(), VERSION);
}

/** A sketcher and a store from bytes made by {@link encodeStore}; `fn` names the caller in errors. */
export function decodeStore(
  bytes: Uint8Array,
  loadText: ((id: string) => string | undefined) | undefined,
  fn: string,
): { sketcher: Sketcher; store: MemoryStore } {
  const { header, docs, state } = decodeIndex(bytes);
  try {
    const sketcher = new Sketcher(header.options);
    return { sketcher, store: MemoryStore.build(sketcher, docs, state, loadText) };
  } catch (error) {
    // Options this saochep does not know, in an index a newer one saved: say so, not "unknown option".
    if (
      (error as SaochepError).code === 'ERR_SAOCHEP_INVALID_OPTION' &&
      isNewerVersion(header.saochep, VERSION)
    ) {
      throw new SaochepError(
        'ERR_SAOCHEP_INDEX_VERSION',
        `${fn}: the index was made by a newer saochep (${header.saochep}, this is ${VERSION}) with options this one does not know (${(error as Error).message}). Upgrade saochep to load it.`,
      );
    }
    throw error;
  }
}
