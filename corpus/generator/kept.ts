/**
 * What the streaming generator keeps of a written plan for the plans that copy
 * it later: its text and where its lines and pieces are, in a few arrays
 * instead of hundreds of objects. A copier gets the plan back as a
 * `SourcePlan`, rebuilt on each request; it reads the same text, lines and
 * pieces as it would from the whole plan.
 */
import type { GeneratedDoc, Line, LineRole, PlacedPiece } from './doc.js';
import type { GeneratedPlan, SourcePlan } from './plan.js';

/** A plan as kept for its copiers. */
export interface KeptPlan {
  id: string;
  unit: SourcePlan['unit'];
  lead: string;
  text: string;
  /** By piece: its start, end and line. */
  pieces: Int32Array;
  /** By piece: the document a copied piece's text first appeared in. */
  roots: Array<string | undefined>;
  /** By line: its role, prefix and section. */
  roles: LineRole[];
  prefixes: string[];
  sections: Array<string | undefined>;
}

/** Keep what copiers read of `plan`. */
export function keepPlan(plan: GeneratedPlan): KeptPlan {
  const { doc, unit } = plan;
  const pieces = new Int32Array(doc.pieces.length * 3);
  const roots: Array<string | undefined> = new Array<string | undefined>(doc.pieces.length);
  doc.pieces.forEach((p, k) => {
    pieces[3 * k] = p.start;
    pieces[3 * k + 1] = p.end;
    pieces[3 * k + 2] = p.line;
    roots[k] = p.copy?.root;
  });
  return {
    id: plan.id,
    unit: {
      name: unit.name,
      short: unit.short,
      area: unit.area,
      superior: unit.superior,
      partyOrganisation: unit.partyOrganisation,
      localities: unit.localities,
    },
    lead: plan.writer.lead,
    text: doc.text,
    pieces,
    roots,
    roles: doc.lines.map((l) => l.role),
    prefixes: doc.lines.map((l) => l.prefix),
    sections: doc.lines.map((l) => l.section),
  };
}

/**
 * The kept plan as a copier reads it. A copied piece's copy tells only where
 * its text first appeared: the document it was copied from is not kept.
 */
export function sourceOf(kept: KeptPlan): SourcePlan {
  const lines: Line[] = kept.roles.map((role, k) => ({
    role,
    prefix: kept.prefixes[k],
    pieces: [],
    section: kept.sections[k],
  }));
  const pieces: PlacedPiece[] = [];
  const unknown: GeneratedDoc = { id: '', lines: [], text: '', pieces: [] };
  for (let k = 0; k < kept.roots.length; k++) {
    const start = kept.pieces[3 * k];
    const end = kept.pieces[3 * k + 1];
    const line = kept.pieces[3 * k + 2];
    const root = kept.roots[k];
    const text = kept.text.slice(start, end);
    const role = kept.roles[line];
    const piece: PlacedPiece =
      root === undefined
        ? { text, start, end, role, line }
        : {
            text,
            copy: { source: unknown, sourcePiece: -1, replacements: [], obfuscation: 'none', root },
            start,
            end,
            role,
            line,
          };
    pieces.push(piece);
    lines[line].pieces.push(piece);
  }
  return {
    id: kept.id,
    unit: kept.unit,
    writer: { lead: kept.lead },
    doc: { id: kept.id, lines, text: kept.text, pieces },
  };
}
