// Type-checked by `npm run typecheck` against dist/index.d.cts and dist/sketch.d.cts, as a CommonJS user sees saochep.
import saochep = require('saochep');
import sketch = require('saochep/sketch');

const tokens: string[] = saochep.tokenize('Kế hoạch');
const hashes: Uint32Array = sketch.shingleText('Kế hoạch', { size: 2 });
export = { tokens, hashes };
