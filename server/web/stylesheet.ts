/**
 * The public pages' one stylesheet, served from /assets/canon.css so the CSP
 * can forbid inline styles. Light and dark follow prefers-color-scheme; the
 * single column reflows down to 320 px.
 */
export const STYLESHEET_PATH = '/assets/canon.css';

export const STYLESHEET = `:root{color-scheme:light dark;--bg:#fdfcf9;--fg:#1d1d1b;--muted:#5a5a55;--line:#d9d6cc;--accent:#8a2d0f;--card:#f3f0e8}
@media (prefers-color-scheme:dark){:root{--bg:#17171a;--fg:#ecebe6;--muted:#b4b2aa;--line:#3a3a40;--accent:#ffb08a;--card:#222228}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.55 Georgia,'Iowan Old Style',serif;overflow-wrap:anywhere}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header.site,main,footer.site{max-width:44rem;margin:0 auto;padding:0 1rem}
header.site{padding-top:1rem;border-bottom:1px solid var(--line)}
header.site a{text-decoration:none;font-weight:bold}
h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .25rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.subtitle{font-size:1.2rem;color:var(--muted);margin:0 0 .75rem}
.byline{margin:.25rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.muted{color:var(--muted);font-size:.95rem}
ol.comments{list-style:none;padding:0;margin:0}
ol.comments>li{border-top:1px solid var(--line);padding:.75rem 0}
ol.comments>li:first-child,ul.books li:first-child{border-top:0}
ol.comments>li:target{background:var(--card);outline:2px solid var(--accent);outline-offset:4px}
.who{font-weight:bold}
.when{color:var(--muted)}
ol.chapters{padding-left:1.75rem}
ul.plain{list-style:none;padding:0}
ul.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
ul.tags li{background:var(--card);border:1px solid var(--line);border-radius:1rem;padding:0 .6rem}
ul.books{list-style:none;padding:0}
ul.books li{border-top:1px solid var(--line);padding:.6rem 0}
ul.books .title{font-weight:bold}
.also a{margin-right:.5rem}
footer.site{margin-top:3rem;padding-bottom:2rem;border-top:1px solid var(--line)}
form label{display:block;font-weight:bold}
form label.inline{display:inline;font-weight:normal}
input:not([type=checkbox]),select,textarea{width:100%;max-width:32rem;font:inherit;padding:.4rem;background:var(--bg);color:var(--fg);border:1px solid var(--muted);border-radius:.25rem}
button{font:inherit;padding:.5rem 1.25rem;background:var(--accent);color:var(--bg);border:0;border-radius:.25rem;cursor:pointer}
.notice{background:var(--card);border-left:4px solid var(--accent);padding:.5rem .75rem}
.problem{border-left:4px solid #c00;padding:.5rem .75rem;font-weight:bold}
details.spoiler summary{cursor:pointer;color:var(--accent)}
.desk-nav{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;margin-top:.75rem}
.desk-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0}
.desk-nav a[aria-current=page]{font-weight:bold;text-decoration-thickness:3px}
button.quiet,a.button{display:inline-block;font:inherit;padding:.5rem 1.25rem;border-radius:.25rem;text-decoration:none}
button.quiet{background:transparent;color:var(--accent);border:1px solid var(--accent)}
a.button{background:var(--accent);color:var(--bg)}
button.small{padding:.1rem .6rem;font-size:.9rem}
ol.queue{list-style:none;padding:0}
ol.queue>li{border-top:1px solid var(--line);padding:.75rem 0 1rem}
ol.queue>li:first-child{border-top:0}
h2.item{border:0;margin:.5rem 0 .25rem;font-size:1.15rem}
.meta{margin:.25rem 0}
p.text{white-space:pre-wrap;background:var(--card);padding:.5rem .75rem;border-radius:.25rem}
.flags{font-weight:bold}
form.decide,form.sign-out{margin:.5rem 0}
form.entry .field{margin:0 0 1rem}
.hint,.field-problem{display:block}
.field-problem{color:var(--fg);border-left:4px solid #c00;padding-left:.5rem;font-weight:bold}
.field.invalid input,.field.invalid textarea{border:2px solid #c00}
ul.additions li{padding:.25rem 0}
.table-scroll{overflow-x:auto}
table.log{border-collapse:collapse;width:100%;font-size:.95rem}
table.log th,table.log td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
table.log caption{text-align:left;padding:.25rem 0}
header.site{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem}
header.site nav a{font-weight:normal}
.tools{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;font-size:.95rem}
.tools>a,details.flag>summary,details.second>summary{color:var(--accent);cursor:pointer}
details.flag[open],details.second[open]{flex-basis:100%;background:var(--card);padding:.5rem .75rem;border-radius:.25rem}
fieldset{border:1px solid var(--line);margin:.5rem 0;padding:.25rem .75rem}
legend{font-weight:bold}
ol.nominations{list-style:none;padding:0;margin:0}
ol.nominations>li{border-top:1px solid var(--line);padding:.75rem 0}
ol.nominations>li:first-child{border-top:0}
ol.nominations>li:target{outline:2px solid var(--accent);outline-offset:4px}
h3{font-size:1.15rem;margin:.5rem 0 .25rem}
h4{font-size:1rem;margin:.75rem 0 .25rem}
`;
