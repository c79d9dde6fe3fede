/**
 * The document files of an archive folder: every file saochep reads, in
 * every subfolder, in one fixed order (so that a scan gives the same report
 * on every machine), with the files it skips for a reason.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isDocumentFile } from '../read/read-file.js';

/** A file found in an archive folder. */
export interface FoundFile {
  /** Absolute (or as given) path. */
  path: string;
  /** Path relative to the folder, with forward slashes: the document's id. */
  id: string;
}

/** What walking a folder found: documents, and folders that could not be listed. */
export interface FolderListing {
  files: FoundFile[];
  unreadable: Array<{ path: string; error: Error }>;
}

const SKIPPED_NAMES = new Set(['node_modules', '.git', '.svn', '__MACOSX']);

/** Walk `root` for document files, sorted by id (code-unit order). */
export async function collectFiles(root: string): Promise<FolderListing> {
  const files: FoundFile[] = [];
  const unreadable: FolderListing['unreadable'] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, error: error as Error });
      return;
    }
    for (const entry of entries) {
      if (
        entry.name.startsWith('.') ||
        entry.name.startsWith('~$') ||
        SKIPPED_NAMES.has(entry.name)
      )
        continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isDocumentFile(entry.name)) {
        files.push({ path, id: relative(root, path).split(sep).join('/') });
      }
    }
  }
  await walk(root);
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, unreadable };
}
