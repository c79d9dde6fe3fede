/** The HTML report's style sheet (system fonts only: the file works offline). */
export const REPORT_STYLE = `
:root { --accent: #b3261e; --ref: #7a4fb5; --peer: #c0392b; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #222; background: #fafafa; }
header.top { display: flex; justify-content: space-between; align-items: center; padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
h1 { font-size: 20px; margin: 0; }
h2 { font-size: 17px; margin: 24px 0 8px; }
main { padding: 0 20px 40px; max-width: 1500px; margin: 0 auto; }
.lang button { border: 1px solid var(--line); background: #fff; padding: 4px 10px; cursor: pointer; }
.lang button[aria-pressed="true"] { background: #222; color: #fff; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); }
#filter { width: 280px; max-width: 100%; padding: 6px 8px; margin-bottom: 8px; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; cursor: pointer; user-select: none; white-space: nowrap; position: sticky; top: 53px; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #fff4e5; }
tbody tr.selected { background: #ffe8c2; }
tr.copied td.score { color: var(--accent); font-weight: 600; }
.bar { display: inline-block; height: 8px; background: var(--accent); vertical-align: middle; margin-left: 6px; }
#detail { scroll-margin-top: 60px; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-top: 20px; }
#more { margin: 8px 0; border: 1px solid var(--line); background: #fff; padding: 6px 12px; cursor: pointer; border-radius: 4px; }
.sources button { margin: 0 6px 6px 0; border: 1px solid var(--line); background: #fff; padding: 4px 8px; cursor: pointer; border-radius: 4px; }
.sources button[aria-pressed="true"] { border-color: #222; background: #222; color: #fff; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.pane { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; max-height: 70vh; overflow: auto; white-space: pre-wrap; font-family: ui-serif, Georgia, "Times New Roman", serif; font-size: 14px; }
.pane h3 { font: 600 13px system-ui, sans-serif; margin: 0 0 6px; position: sticky; top: -8px; background: #fff; padding: 4px 0; }
mark { background: #ffd0cc; padding: 0; }
mark.active { outline: 2px solid #222; }
.legend mark { padding: 0 4px; margin-right: 8px; }
.muted { color: var(--muted); }
.err td { color: #7a1c12; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
.filters #filter { margin-bottom: 0; }
.filters input[type=number] { width: 64px; }
.filters select { max-width: 260px; }
td.title { max-width: 360px; }
tbody tr:focus, th:focus { outline: 2px solid #1a5fb4; outline-offset: -2px; }
.chart { width: 400px; max-width: 100%; height: auto; display: block; }
.chart rect.lo { fill: #9bb7d4; }
.chart rect.hi { fill: var(--accent); }
.chart line.threshold { stroke: #222; stroke-dasharray: 3 3; }
.chart text { font-size: 10px; fill: var(--muted); }
.tools { display: flex; gap: 12px; align-items: center; margin-bottom: 4px; }
.tools button, .finding button { border: 1px solid var(--line); background: #fff; padding: 4px 10px; cursor: pointer; border-radius: 4px; }
.plan-title { font-weight: 600; }
.finding { background: #fff8e1; border-left: 4px solid #e0a800; padding: 6px 10px; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #888; margin-right: 6px; vertical-align: -1px; }
mark.edited { background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(0,0,0,.07) 6px 8px); }
.edit { border-bottom: 2px solid; }
.edit-name { border-color: #b3261e; text-decoration: underline wavy #b3261e; text-decoration-skip-ink: none; border-bottom: 0; }
.edit-number { border-color: #1a5fb4; border-bottom-style: double; border-bottom-width: 3px; }
.edit-words { border-color: #555; border-bottom-style: dotted; }
.edit.gap { border: 0; text-decoration: none; }
.edit.gap::after { content: "‸"; color: #b3261e; font-weight: 700; }
.legend .edit { margin-right: 8px; padding: 0 2px; }
@media print {
  @page { margin: 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; }
  header.top, th { position: static; }
  header.top .lang, .filters, #more, .tools, .sources button:not([aria-pressed="true"]), .finding button { display: none; }
  body.showing-plan #summary, body.showing-plan #plans, body.showing-plan #plans-section h2, body.showing-plan #clusters, body.showing-plan #errors { display: none; }
  #detail { border: 0; padding: 0; margin: 0; }
  .pair { display: block; }
  .pane { max-height: none; overflow: visible; border: 0; padding: 0; margin-bottom: 12px; page-break-inside: auto; }
  .pane h3 { position: static; }
  mark.active { outline: 0; }
}
`;
