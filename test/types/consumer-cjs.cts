// Type-checked by `npm run typecheck` against dist/index.d.cts, as a CommonJS user sees saochep.
import saochep = require('saochep');

const tokens: string[] = saochep.tokenize('Kế hoạch');
const hashes: Uint32Array = saochep.shingleText('Kế hoạch', { size: 2 });
export = { tokens, hashes };
