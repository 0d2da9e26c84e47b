namespace Parley.Reports.Html;

/// <summary>
/// The report's stylesheet: system font stacks only (nothing to download), a restrained palette, and print rules
/// (A4/Letter, each issue on a new page, figures never split). Contains no '&lt;' or '&amp;', so the page stays valid XML.
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
:root {
  --ink: #1a202c; --muted: #4a5568; --faint: #718096; --rule: #cbd5e0; --grid: #e2e8f0; --paper: #ffffff; --wash: #f7f8fa;
  --accent: #1f4e79; --sq: #2f855a; --up: #22543d; --down: #822727;
  --m-compromise: #1f4e79; --m-median: #b7791f; --m-eum: #9b2c2c;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Times New Roman", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0 auto; max-width: 62rem; padding: 2.5rem 2rem 4rem; color: var(--ink); font-family: var(--serif); font-size: 17px; line-height: 1.55; }
h1, h2, h3, h4, .kicker, figcaption, table, .meta, .summary-table, nav { font-family: var(--sans); }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .75rem; color: var(--accent); font-weight: 600; margin: 0 0 .4rem; }
h1 { font-size: 2.1rem; line-height: 1.15; margin: 0 0 .5rem; font-weight: 700; letter-spacing: -.01em; }
.subtitle { font-size: 1.1rem; color: var(--muted); margin: 0 0 1.5rem; font-style: italic; }
h2 { font-size: 1.45rem; margin: 0 0 .3rem; line-height: 1.25; }
h3 { font-size: 1.02rem; margin: 2rem 0 .3rem; color: var(--ink); }
h4 { font-size: .9rem; margin: 1rem 0 .3rem; }
header.report { border-bottom: 3px solid var(--ink); padding-bottom: 1.2rem; margin-bottom: 2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.2rem; font-size: .85rem; margin: 0; color: var(--muted); }
dl.meta dt { font-weight: 600; color: var(--ink); }
dl.meta dd { margin: 0; }
.box { background: var(--wash); border-left: 4px solid var(--accent); padding: 1rem 1.3rem; margin: 1.5rem 0; }
.box h2 { font-size: 1.05rem; margin-bottom: .5rem; }
.box p { margin: .4rem 0; font-size: .95rem; }
table { border-collapse: collapse; width: 100%; font-size: .82rem; line-height: 1.4; }
th, td { text-align: left; vertical-align: top; padding: .4rem .55rem; border-bottom: 1px solid var(--grid); }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin-right: .4rem; vertical-align: baseline; }
.agree { color: var(--up); font-weight: 600; }
.disagree { color: var(--down); font-weight: 600; }
section.summary ul { padding-left: 1.2rem; }
section.summary li { margin: .35rem 0; }
nav.toc { font-size: .85rem; columns: 2; margin: 1rem 0 2rem; }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc ol { margin: 0; padding-left: 1.2rem; }
section.issue { border-top: 1px solid var(--rule); padding-top: 2rem; margin-top: 3rem; }
.issue-id { font-family: var(--sans); font-size: .8rem; color: var(--faint); margin: 0 0 .6rem; }
.lede { font-size: 1.05rem; margin: .6rem 0; }
.note { color: var(--muted); font-size: .92rem; }
figure { margin: 1.2rem 0 1.8rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .8rem; color: var(--muted); margin-top: .35rem; line-height: 1.45; max-width: 48rem; }
figcaption b { color: var(--ink); }
svg.chart { display: block; width: 100%; height: auto; font-family: var(--sans); overflow: visible; }
svg.chart text { fill: var(--ink); font-size: 11px; }
svg.chart .tick-label { fill: var(--muted); font-size: 10px; font-variant-numeric: tabular-nums; }
svg.chart .anchor-label { fill: var(--muted); font-size: 10px; }
svg.chart .axis-title { fill: var(--faint); font-size: 10px; letter-spacing: .02em; }
svg.chart .small-label, svg.chart .row-label.small { font-size: 10px; }
svg.chart .small-label { fill: var(--muted); }
svg.chart .tiny-label { fill: var(--faint); font-size: 9px; }
svg.chart .panel-title { font-weight: 600; font-size: 11px; }
svg.chart .value-label { font-size: 10.5px; font-variant-numeric: tabular-nums; }
svg.chart .value-label.up { fill: var(--up); font-weight: 600; }
svg.chart .value-label.down { fill: var(--down); font-weight: 600; }
svg.chart .gridline { stroke: var(--grid); stroke-width: 1; }
svg.chart .axisline, svg.chart .tick { stroke: var(--muted); stroke-width: 1; }
svg.chart .row-rule { stroke: #edf0f4; stroke-width: 1; }
svg.chart .sq-line { stroke: var(--sq); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .sq-band { fill: var(--sq); fill-opacity: .08; }
svg.chart .sq-label { fill: var(--sq); font-size: 10px; }
svg.chart .range { stroke: var(--faint); stroke-width: 1.2; }
svg.chart .bubble { fill: var(--accent); fill-opacity: .55; stroke: var(--accent); stroke-width: 1; }
svg.chart .interval { fill-opacity: .25; }
svg.chart .p50-tick { stroke: var(--ink); stroke-width: 1.5; }
svg.chart .point { stroke: #fff; stroke-width: 1.2; }
svg.chart .actor-path { fill: none; stroke: #a0aec0; stroke-width: 1.3; }
svg.chart .median-path { fill: none; stroke-width: 3; }
svg.chart .leader { stroke: #cbd5e0; stroke-width: .8; }
svg.chart .end-label { font-size: 10px; fill: var(--muted); }
svg.chart .median-label { font-weight: 700; }
svg.chart .band { fill: var(--grid); fill-opacity: .7; }
svg.chart .bar { fill-opacity: .75; }
svg.chart .baseline { stroke: var(--muted); stroke-width: .8; }
svg.chart .q { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; }
svg.chart .q.q50 { stroke-dasharray: none; stroke-width: 1.6; }
svg.chart .q-label { font-size: 9.5px; fill: var(--muted); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.chart .q-label.q50 { fill: var(--ink); font-weight: 600; }
svg.chart .low { fill: #90b4d6; }
svg.chart .high { fill: #1f4e79; }
svg.chart .base { stroke: var(--ink); stroke-width: 1.4; }
svg.chart .zero { stroke: var(--ink); stroke-width: 1.2; }
svg.chart .group-band { fill: var(--wash); }
svg.chart .ci { stroke-width: 2.2; stroke-linecap: round; }
svg.chart .m-compromise .interval, svg.chart .m-compromise .point, svg.chart .m-compromise .bar { fill: var(--m-compromise); }
svg.chart .m-median .interval, svg.chart .m-median .point, svg.chart .m-median .bar { fill: var(--m-median); }
svg.chart .m-eum .interval, svg.chart .m-eum .point, svg.chart .m-eum .bar { fill: var(--m-eum); }
svg.chart .m-compromise .ci { stroke: var(--m-compromise); }
svg.chart .m-median .ci { stroke: var(--m-median); }
svg.chart .m-eum .ci { stroke: var(--m-eum); }
svg.chart .m-eum .median-path, svg.chart .m-eum.median-path { stroke: var(--m-eum); }
svg.chart text.m-eum { fill: var(--m-eum); }
table.evidence td.quotes { font-family: var(--serif); font-size: .85rem; }
table.evidence q { display: block; margin: 0 0 .3rem; color: var(--ink); }
table.evidence q::before { content: "\201C"; }
table.evidence q::after { content: "\201D"; }
table.evidence .src { display: inline-block; font-size: .7rem; text-transform: uppercase; letter-spacing: .06em; background: var(--grid); border-radius: 3px; padding: 0 .35rem; white-space: nowrap; }
table.evidence .analyst-note { color: var(--muted); font-style: italic; margin-top: .2rem; }
.missing { color: var(--faint); font-style: italic; font-family: var(--sans); font-size: .85rem; }
footer { margin-top: 4rem; border-top: 1px solid var(--rule); padding-top: 1rem; font-family: var(--sans); font-size: .78rem; color: var(--faint); }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  section.issue { break-before: page; page-break-before: always; border-top: none; margin-top: 0; padding-top: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .box { border: 1px solid var(--rule); border-left: 4px solid var(--accent); }
  a { color: inherit; text-decoration: none; }
}
""";
}
