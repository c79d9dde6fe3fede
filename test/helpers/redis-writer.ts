/**
 * One writer process of the many-writers test: adds its own documents (one
 * by one, every fourth from the second as a reference, and pipelined), removes every third of them, and tries to add the
 * documents every writer tries. Prints how many adds were refused as
 * duplicates. Arguments: Redis URL, archive name, writer number, JSON file
 * of { own: PlanDoc[][], contested: PlanDoc[] }.
 */
import { readFileSync } from 'node:fs';
import { SharedPlanIndex } from '../../src/index.js';
import type { PlanDoc } from '../../src/index.js';

const [url, name, writer, file] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(file, 'utf8')) as { own: PlanDoc[][]; contested: PlanDoc[] };
const own = docs.own[Number(writer)];
const index = await SharedPlanIndex.connect(url, { name });
let duplicates = 0;
const half = Math.floor(own.length / 2);
for (const [k, doc] of own.slice(0, half).entries())
  await (k % 4 === 1 ? index.addReference(doc) : index.add(doc));
await index.addAll(own.slice(half));
for (const [k, doc] of docs.contested.entries()) {
  try {
    // Writers take the contested documents in different orders, so that they meet.
    await index.add(docs.contested[(k + Number(writer) * 7) % docs.contested.length] ?? doc);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SAOCHEP_DUPLICATE_ID') throw error;
    duplicates++;
  }
}
for (const [k, doc] of own.entries()) if (k % 3 === 0) await index.remove(doc.id);
await index.close();
process.stdout.write(JSON.stringify({ duplicates }));
