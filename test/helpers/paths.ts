/** Where the tests find the checkout: its root, the built CLI, the committed sample. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built command (npm run build). */
export const CLI = join(ROOT, 'dist/cli.js');
/** The committed sample archive (corpus/sample). */
export const SAMPLE = join(ROOT, 'corpus/sample');
