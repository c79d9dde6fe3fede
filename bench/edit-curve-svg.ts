/**
 * The score-against-edit-rate chart as a small self-contained SVG, written
 * beside the benchmark results so that the README can show it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './util.js';

/** One point of the curve. */
export interface CurvePointLike {
  kind: string;
  rate: number;
  score: number;
  truth: number;
  shingleContainment: number;
}

const W = 720;
const H = 260;
const PANEL = 220;
const PAD = { left: 40, top: 28, bottom: 34 };
const COLOURS = { score: '#1f6feb', truth: '#2da44e', shingleContainment: '#cf222e' };
const LABELS = {
  score: 'sao chép score',
  truth: 'truth (words unchanged)',
  shingleContainment: 'shingle containment (old measure)',
};

/** Write bench/results/edit-curve.svg and return its path. */
export function writeEditCurveSvg(points: readonly CurvePointLike[]): string {
  const kinds = [...new Set(points.map((p) => p.kind))];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 30}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
  ];
  kinds.forEach((kind, k) => {
    const x0 = PAD.left + k * (PANEL + 16);
    const y0 = PAD.top;
    const h = H - PAD.top - PAD.bottom;
    const series = points.filter((p) => p.kind === kind);
    const maxRate = Math.max(...series.map((p) => p.rate), 0.0001);
    const x = (rate: number) => x0 + (rate / maxRate) * PANEL;
    const y = (v: number) => y0 + (1 - v) * h;
    parts.push(
      `<text x="${x0 + PANEL / 2}" y="16" text-anchor="middle" font-weight="bold">words ${kind === 'replace' ? 'replaced' : kind === 'insert' ? 'inserted' : 'deleted'}</text>`,
    );
    parts.push(
      `<rect x="${x0}" y="${y0}" width="${PANEL}" height="${h}" fill="none" stroke="#888"/>`,
    );
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      parts.push(`<line x1="${x0}" x2="${x0 + PANEL}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`);
      if (k === 0) parts.push(`<text x="${x0 - 4}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
    }
    for (const p of series)
      parts.push(
        `<text x="${x(p.rate)}" y="${y0 + h + 14}" text-anchor="middle">${Math.round(p.rate * 100)}%</text>`,
      );
    for (const key of ['truth', 'shingleContainment', 'score'] as const) {
      const d = series
        .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.rate).toFixed(1)},${y(p[key]).toFixed(1)}`)
        .join(' ');
      parts.push(
        `<path d="${d}" fill="none" stroke="${COLOURS[key]}" stroke-width="2"${key === 'truth' ? ' stroke-dasharray="4 3"' : ''}/>`,
      );
    }
  });
  let lx = PAD.left;
  for (const key of ['score', 'truth', 'shingleContainment'] as const) {
    parts.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${H + 14}" y2="${H + 14}" stroke="${COLOURS[key]}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${lx + 22}" y="${H + 18}">${LABELS[key]}</text>`);
    lx += 40 + LABELS[key].length * 6;
  }
  parts.push('</svg>');
  const path = join(ROOT, 'bench/results/edit-curve.svg');
  writeFileSync(path, `${parts.join('\n')}\n`);
  return path;
}
