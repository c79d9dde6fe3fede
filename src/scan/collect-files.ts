/**
 * The document files of an archive folder: every file saochep reads, in
 * every subfolder, in one fixed order (so that a scan gives the same report
 * on every machine), with the files it skips for a reason.
 */
import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileNameText, isDocumentFile } from '../read/read-file.js';

/** A file found in an archive folder. */
export interface FoundFile {
  /** Absolute (or as given) path; a Buffer when the file's name is not valid UTF-8. */
  path: string | Buffer;
  /** Path relative to the folder, with forward slashes: the document's id. */
  id: string;
}

/** What walking a folder found: documents, and folders that could not be listed. */
export interface FolderListing {
  files: FoundFile[];
  unreadable: Array<{ path: string; error: Error }>;
}

const SKIPPED_NAMES = new Set(['node_modules', '.git', '.svn', '__MACOSX']);

/** A path as a string when its bytes are UTF-8 (the usual case), else as the bytes. */
function pathOf(bytes: Buffer): string | Buffer {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : bytes;
}

/**
 * Walk `root` for document files, sorted by id (code-unit order). Names are
 * read as bytes, so that a name that is not valid UTF-8 (an old Windows
 * share's) is still read. Not only regular files are listed: a symlink, a
 * FIFO, a device or a socket with a document's name is listed, and reading
 * it checks what it is (an error row, never a blocked or endless read).
 */
export async function collectFiles(root: string): Promise<FolderListing> {
  const files: FoundFile[] = [];
  const unreadable: FolderListing['unreadable'] = [];
  const separator = Buffer.from(sep);
  async function walk(dir: Buffer, id: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      unreadable.push({ path: fileNameText(dir), error: error as Error });
      return;
    }
    for (const entry of entries) {
      const raw = entry.name as unknown as Buffer;
      const name = fileNameText(raw);
      if (name.startsWith('.') || name.startsWith('~$') || SKIPPED_NAMES.has(name)) continue;
      const path = Buffer.concat([dir, separator, raw]);
      if (entry.isDirectory()) await walk(path, `${id}${name}/`);
      else if (isDocumentFile(name)) files.push({ path: pathOf(path), id: `${id}${name}` });
    }
  }
  const trimmed = root.replace(/[\\/]+$/, '');
  await walk(Buffer.from(trimmed === '' ? root : trimmed), '');
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, unreadable };
}
