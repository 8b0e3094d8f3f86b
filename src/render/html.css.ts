/**
 * The stylesheet of the HTML redline, inlined into every page (nothing is loaded from the
 * network). Serif type and calm colours, like a UN document; print rules for the PDF.
 */

/** Colours, named by meaning so the legend, the marks and the print rules agree. */
const C = {
  ink: '#1b1b1b',
  quiet: '#5c6470',
  rule: '#c9ced6',
  unBlue: '#1d5fa6',
  ins: '#0b4ea2',
  insBg: '#e8f0fb',
  del: '#a3161a',
  delBg: '#fbeaea',
  tech: '#6a7686',
  techBg: '#f1f3f6',
  moved: '#1f7a3a',
  movedBg: '#e9f5ec',
  warn: '#8a5a00',
};

/** The colour of body text, for what the PDF writes onto a printed page (the list's page numbers). */
export const INK = C.ink;

/** The redline stylesheet (both layouts, screen and print). */
export const REDLINE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #f4f5f7; color: ${C.ink};
  font-family: "Times New Roman", "Liberation Serif", "Noto Serif", Times, serif;
  font-size: 17px; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
main.redline {
  max-width: 52rem; margin: 1.5rem auto; padding: 2.2rem 3rem 3rem; background: #fff;
  box-shadow: 0 1px 3px rgba(0,0,0,.12);
}
body.layout-side-by-side main.redline, body.style-diff2html main.redline { max-width: 82rem; }

/* Head: like the masthead of a UN document, a blue rule under the body's name. */
.doc-head { border-bottom: 2px solid ${C.unBlue}; padding-bottom: .9rem; margin-bottom: 1.2rem; }
.doc-head .kicker { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: ${C.quiet}; }
.doc-head h1 { font-size: 1.45rem; font-weight: bold; margin: .25rem 0 .8rem; line-height: 1.25; }
.versions { display: grid; grid-template-columns: 1fr auto 1fr; gap: .4rem 1rem; align-items: start; }
.version { border: 1px solid ${C.rule}; padding: .5rem .75rem; border-radius: 2px; }
.version .role { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: ${C.quiet}; }
.version .symbol { font-weight: bold; font-size: 1.1rem; }
.version .vtitle { font-style: italic; }
.version .date, .version .file { font-size: .85rem; color: ${C.quiet}; }
.versions .arrow { align-self: center; font-size: 1.4rem; color: ${C.quiet}; }
.constructed-label {
  display: inline-block; margin-top: .3rem; padding: .05rem .4rem; font-size: .75rem; font-weight: bold;
  letter-spacing: .05em; text-transform: uppercase; color: ${C.warn}; border: 1px solid ${C.warn}; border-radius: 2px;
}
.constructed-banner {
  margin: .8rem 0 0; padding: .45rem .7rem; border-left: 4px solid ${C.warn}; background: #fdf6e7;
  color: #5b3c00; font-size: .9rem;
}

/* Summary */
.summary h2, .clauses h2, .warnings h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; border-bottom: 1px solid ${C.rule}; padding-bottom: .15rem; }
.summary .facts { margin: 0 0 .6rem; padding: 0; list-style: none; }
.summary .facts li { margin: .15rem 0; }
.summary .facts .label { font-weight: bold; }
.summary .none { color: ${C.quiet}; font-style: italic; }
.idlist a { color: inherit; text-decoration: none; border-bottom: 1px dotted ${C.quiet}; }
table.counts { border-collapse: collapse; font-size: .9rem; margin: .4rem 0 .6rem; }
table.counts th, table.counts td { border: 1px solid ${C.rule}; padding: .15rem .55rem; text-align: right; }
table.counts th { background: #f3f5f8; font-weight: normal; color: ${C.quiet}; }
table.counts th[scope=row] { text-align: left; color: ${C.ink}; font-weight: bold; white-space: nowrap; }
table.counts td { white-space: nowrap; }
.legend { font-size: .85rem; color: ${C.quiet}; }
.legend > span { margin-right: 1rem; white-space: nowrap; }

/* Clause marks */
ins, del { text-decoration-thickness: 1.5px; text-decoration-skip-ink: none; border-radius: 2px; }
ins { color: ${C.ins}; background: ${C.insBg}; text-decoration: underline; text-decoration-color: ${C.ins}; text-underline-offset: 2px; }
del { color: ${C.del}; background: ${C.delBg}; text-decoration: line-through; text-decoration-color: ${C.del}; }
ins.tech { color: ${C.tech}; background: transparent; text-decoration-style: dotted; text-decoration-color: ${C.tech}; text-decoration-thickness: 1px; }
ins.abut { margin-left: .2em; }
del.tech { color: ${C.tech}; background: transparent; text-decoration-color: ${C.tech}; text-decoration-thickness: 1px; }
.tag {
  display: inline-block; font-size: .72rem; letter-spacing: .04em; text-transform: uppercase; padding: 0 .35rem;
  border-radius: 2px; border: 1px solid ${C.rule}; color: ${C.quiet}; margin-left: .35rem; vertical-align: .1em; font-style: normal;
}
.tag.st-modified, .tag.st-split, .tag.st-merged { color: ${C.ink}; border-color: ${C.ink}; }
.tag.st-added { color: ${C.ins}; border-color: ${C.ins}; }
.tag.st-removed { color: ${C.del}; border-color: ${C.del}; }
.tag.technical { color: ${C.tech}; border-style: dashed; }
.tag.moved { color: ${C.moved}; border-color: ${C.moved}; background: ${C.movedBg}; }
.tag.opening { color: ${C.ink}; }

/* Clauses */
.clauses .part-head { margin-top: 1.6rem; }
.colheads { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; font-size: .85rem; color: ${C.quiet}; margin-bottom: .3rem; }
.pair { margin: 0 0 .9rem; padding: .1rem 0 .1rem .8rem; border-left: 3px solid transparent; break-inside: avoid; page-break-inside: avoid; }
.pair-head { font-size: .8rem; color: ${C.quiet}; margin: 0 0 .1rem; font-weight: normal; font-variant-numeric: tabular-nums; }
.pair-head .ids { font-weight: bold; color: ${C.ink}; letter-spacing: .02em; }
.pair-head h3.ids { display: inline; font-size: inherit; margin: 0; }
.pair.unchanged { color: #3b3f45; }
.pair.unchanged .pair-head .ids { font-weight: normal; color: ${C.quiet}; }
.pair.substantive { border-left-color: ${C.ink}; }
.pair.technical { border-left-color: ${C.rule}; border-left-style: dashed; }
.pair.added { border-left-color: ${C.ins}; }
.pair.removed { border-left-color: ${C.del}; }
.pair.moved { border-left-color: ${C.moved}; background: linear-gradient(90deg, ${C.movedBg}, transparent 8rem); }
.clause { margin: 0; text-align: justify; hyphens: auto; }
.clause .num { display: inline-block; min-width: 2.2em; }
.pair.kind-PP .clause { text-indent: 2.2em; }
.clause + .clause { margin-top: .45em; }
.clause.whole ins, .clause.whole del { background: transparent; }
.pair.added .clause { background: ${C.insBg}; padding: .2rem .35rem; }
.pair.removed .clause { background: ${C.delBg}; padding: .2rem .35rem; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.side.empty { color: ${C.quiet}; font-style: italic; font-size: .9rem; }
.side .clause { font-size: .95em; text-align: left; hyphens: manual; }

/* The list of changes on page 1 */
table.changes { border-collapse: collapse; font-size: .88rem; margin: .3rem 0 .7rem; width: 100%; }
table.changes th, table.changes td { border-bottom: 1px solid ${C.rule}; padding: .12rem .5rem; text-align: left; vertical-align: top; }
table.changes th { color: ${C.quiet}; font-weight: normal; }
table.changes td.page { white-space: nowrap; text-align: left; }
table.changes a { color: inherit; text-decoration: none; border-bottom: 1px dotted ${C.quiet}; }
/* The PDF writes the page number into this box: 1em high, its bottom on the baseline (an empty inline-block's baseline is its bottom edge), room for three digits. */
table.changes a.pageslot { display: inline-block; width: 1.6em; height: 1em; border: 0; padding: 0; margin: 0; vertical-align: baseline; }
table.changes tr.k-new .ckind { color: ${C.ins}; }
table.changes tr.k-dropped .ckind { color: ${C.del}; }
table.changes tr.k-moved .ckind { color: ${C.moved}; }
ins.tech::after { content: "\\2020"; font-size: .7em; vertical-align: super; line-height: 0; font-weight: normal; }
.tmark { font-size: .7em; vertical-align: .5em; margin-left: .05em; color: ${C.tech}; text-decoration: none; }
.doc-head .generated { margin: .5rem 0 0; font-size: .8rem; color: ${C.quiet}; }

/* The resolution's own head, chapeau, footnotes and closing block */
.res-head { text-align: center; margin: 1.2rem 0 .6rem; }
.res-head p { margin: .1rem 0; }
.res-head .bold { font-weight: bold; }
.chapeau { font-style: normal; text-indent: 2.2em; margin: .4rem 0 .8rem; }
.chapeau em, .line-chapeau { font-style: italic; }
.res-foot { margin-top: 1.2rem; }
.res-foot p { margin: .15rem 0; }
.res-foot .line-meeting, .res-foot .line-date, .res-foot .line-voteHead { font-style: italic; }
.footnotes { margin-top: 1.2rem; border-top: 1px solid ${C.rule}; font-size: .88rem; }
.footnotes h2 { font-size: 1rem; }
.footnotes ol { list-style: none; padding: 0; margin: .3rem 0; }
.footnotes li { margin: .15rem 0; }
.footnotes .fn-num { display: inline-block; min-width: 2.5em; vertical-align: super; font-size: .75em; }
sup.fnref { font-size: .7em; line-height: 0; }
sup.fnref a { color: inherit; text-decoration: none; }
p.folded { margin: 0 0 .25rem; padding-left: .8rem; font-size: .85rem; color: ${C.quiet}; border-left: 3px solid transparent; }
p.folded .ids { display: inline-block; min-width: 3.2em; }

/* The UN's convention for revised texts: insertions bold, deletions struck through, black only. */
body.style-un ins, body.style-un del, body.style-un ins.tech, body.style-un del.tech { color: #000; background: transparent; }
body.style-un ins { text-decoration: none; font-weight: bold; }
body.style-un del { text-decoration: line-through; text-decoration-color: #000; text-decoration-thickness: 1px; }
body.style-un ins.tech { font-weight: bold; text-decoration: none; }
body.style-un .tmark { color: #000; }
body.style-un .tag, body.style-un .tag.moved, body.style-un .tag.st-added, body.style-un .tag.st-removed { color: #000; border-color: #000; background: transparent; }
body.style-un .pair.substantive, body.style-un .pair.added, body.style-un .pair.removed, body.style-un .pair.moved { border-left-color: #000; background: none; }
body.style-un .pair.added .clause, body.style-un .pair.removed .clause { background: transparent; }
body.style-un .doc-head { border-bottom-color: #000; }
body.style-un table.changes tr .ckind { color: #000; }

/* Warnings */
.warnings ul { font-size: .85rem; color: ${C.warn}; }

/* diff2html view: prose lines are long, so they wrap (DESIGN §6); only the line's text keeps
   its spaces, the template's own whitespace collapses. */
.d2h-wrapper { font-size: 13px; }
.d2h-code-line, .d2h-code-side-line { white-space: normal; width: auto; padding: 0 .6em; }
.d2h-code-line-prefix { display: inline; white-space: pre; }
.d2h-code-line-ctn { display: inline; white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; }
.d2h-code-line ins, .d2h-code-line del, .d2h-code-side-line ins, .d2h-code-side-line del { display: inline; }
.d2h-code-linenumber, .d2h-code-side-linenumber { position: static; display: table-cell; vertical-align: top; }
.d2h-diff-tbody tr { break-inside: avoid; page-break-inside: avoid; }
.d2h-file-side-diff, .d2h-files-diff, .d2h-code-wrapper { overflow: visible; }
.d2h-files-diff { align-items: flex-start; }
.d2h-zipped { display: block; }
.d2h-zipped-table { table-layout: fixed; width: 100%; }
.d2h-zipped-table col.d2h-col-num { width: 3.2em; }
.d2h-zipped-table td:nth-child(3) { border-left: 1px solid ${C.rule}; }
.d2h-zipped-table td { vertical-align: top; }

footer.colophon { margin-top: 2rem; font-size: .75rem; color: ${C.quiet}; border-top: 1px solid ${C.rule}; padding-top: .4rem; }

@page { size: A4; }
@media print {
  body { background: #fff; font-size: 11pt; line-height: 1.35; }
  main.redline { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  body.layout-side-by-side main.redline, body.style-diff2html main.redline { max-width: none; }
  .doc-head h1 { font-size: 15pt; }
  .summary h2, .clauses h2 { break-after: avoid; page-break-after: avoid; }
  .pair-head { break-after: avoid; page-break-after: avoid; }
  .summary { break-after: page; page-break-after: always; }
  table.changes tr { break-inside: avoid; }
  .side .clause { font-size: 10pt; }
  .idlist a { border-bottom: none; }
  footer.colophon { display: none; }
}
`;
