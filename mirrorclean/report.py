"""`mirrorclean report`: one self-contained HTML file to audit a run (what was removed and flagged, per page).

The file needs no network and no other file: styles and script are inline, a Content-Security-Policy
meta tag forbids every fetch and every script but the report's own (by hash). The summary (pages, spam
pages, rejects by reason, flags by type, removals by reason, top spam terms, near-duplicate clusters and
a bar chart) is static HTML written here. The records are rendered by the inline script, a page of 20
at a time: they are embedded as gzip-compressed, base64-encoded JSON chunks of `CHUNK` records in
`<script type="application/octet-stream">` blocks (never executed, and base64 holds no markup), decoded
only when a page needs them (`DecompressionStream`), and shown with `textContent` only, so a page's text
(which may hold `<script>` or `onerror=` payloads) is shown and never run. A small index (title, source,
counts) in a `<script type="application/json">` block, with `<`, `>` and `&` escaped, drives filtering
and pagination. Removed text longer than `REMOVED_CHARS` is shortened in the report (the JSONL keeps it).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

CHUNK = 50  # records per embedded chunk
PAGE_SIZE = 20  # records per page of the report
REMOVED_CHARS = 600  # removed text kept per item in the report
TOP_TERMS = 20
TOP_CLUSTERS = 10

#: What each `removed[].where` means (docs/schema.md).
WHERE = {
    "html": "HTML element dropped before extraction, or extracted lines outside the article",
    "title": "part of the title",
    "body": "a line or part of a line of the extracted body",
    "header": "a line above the title of a text dump",
    "trailer": "a line below the article of a text dump",
    "text": "a line of a text dump without a recognised layout",
}


def default_output(records_path: str) -> str:
    """out.jsonl -> out.html (next to the records)."""
    root, ext = os.path.splitext(records_path)
    return (root if ext.lower() in (".jsonl", ".json", ".ndjson") else records_path) + ".html"


def read_jsonl(path: str) -> Iterator[dict[str, Any] | None]:
    """The objects of a JSON Lines file; None for a line that is not a JSON object (counted, not fatal)."""
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError:
                yield None
                continue
            yield obj if isinstance(obj, dict) else None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _flag_view(flag: Any) -> dict[str, Any] | None:
    """A flag as the report shows it: type, places [[start, end], …] and its other fields (or None if unusable)."""
    if not isinstance(flag, dict):
        return None
    start, end = _int(flag.get("start")), _int(flag.get("end"))
    if start is None or end is None:
        return None
    places = [[start, end]]
    occ = flag.get("occurrences")
    if isinstance(occ, list):
        more = [[_int(p[0]), _int(p[1])] for p in occ if isinstance(p, list) and len(p) == 2]
        places += [p for p in more if None not in p and p != [start, end]]
    info = {k: v for k, v in flag.items() if k not in ("type", "start", "end", "occurrences")}
    return {"type": _str(flag.get("type")) or "flag", "places": places, "info": info}


def _removed_view(items: Any) -> list[list[Any]]:
    """removed[] grouped by (reason, where): [[reason, where, [[text, original length], …]], …] in first-seen order."""
    groups: dict[tuple[str, str], list[list[Any]]] = {}
    for item in _list(items):
        if not isinstance(item, dict):
            continue
        text = _str(item.get("text"))
        key = (_str(item.get("reason")) or "(no reason)", _str(item.get("where")) or "?")
        groups.setdefault(key, []).append([text[:REMOVED_CHARS], len(text)])
    return [[reason, where, texts] for (reason, where), texts in groups.items()]


@dataclass
class Summary:
    """Run-level counts shown at the top of the report."""

    records: int = 0
    spam_pages: int = 0
    flagged_pages: int = 0
    near_duplicates: int = 0
    bad_lines: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)  # items per reason
    removed_chars: Counter[str] = field(default_factory=Counter)
    spam_terms: Counter[str] = field(default_factory=Counter)  # pages per term
    clusters: Counter[str] = field(default_factory=Counter)  # records per cluster id
    languages: Counter[str] = field(default_factory=Counter)


class ReportBuilder:
    """Collect records (and rejects) one at a time, then write the HTML report.

    Memory stays small: each chunk of `CHUNK` records is compressed as soon as it is full.
    """

    def __init__(self, title: str = "mirrorclean report", origin: str = "") -> None:
        self.title = title
        self.origin = origin
        self.summary = Summary()
        self.index: list[list[Any]] = []
        self.chunks: list[str] = []
        self._pending: list[dict[str, Any]] = []
        self.rejects_source: str | None = None

    # -- input

    def add_record(self, rec: dict[str, Any] | None) -> None:
        """One record (a dict as written to the JSONL); None counts an unreadable line."""
        s = self.summary
        if not isinstance(rec, dict):
            s.bad_lines += 1
            return
        text = _str(rec.get("text"))
        flags = [f for f in map(_flag_view, _list(rec.get("flags"))) if f]
        removed = _removed_view(rec.get("removed"))
        terms = [t for t in _list(rec.get("spam_terms")) if isinstance(t, str)]
        key = _str(rec.get("url") or rec.get("source"))
        cluster = _str(rec.get("cluster"))
        dup = bool(cluster) and cluster != key
        spam = rec.get("is_spam_page") is True
        s.records += 1
        s.spam_pages += spam
        s.flagged_pages += bool(flags)
        s.near_duplicates += dup
        for f in flags:
            s.flags[f["type"]] += len(f["places"]) if f["type"] == "censored_gap" else 1
        for reason, _where, texts in removed:
            s.removed[reason] += len(texts)
            s.removed_chars[reason] += sum(n for _, n in texts)
        s.spam_terms.update(set(terms))
        if cluster:
            s.clusters[cluster] += 1
        s.languages[_str(rec.get("language")) or "(none)"] += 1
        n_removed = sum(len(t) for _, _, t in removed)
        self.index.append([_str(rec.get("title")), _str(rec.get("url") or rec.get("source")), int(spam), len(flags),
                           n_removed, int(dup), cluster])
        self._pending.append({
            "title": _str(rec.get("title")), "url": _str(rec.get("url")), "source": _str(rec.get("source")),
            "site": _str(rec.get("site")), "published": _str(rec.get("published")),
            "language": _str(rec.get("language")), "spam": spam, "terms": terms,
            "spin": rec.get("spin_score") if isinstance(rec.get("spin_score"), (int, float)) else None,
            "cluster": cluster if dup else "", "similarity": rec.get("cluster_similarity") if dup else None,
            "text": text, "flags": flags, "removed": removed,
            "references": [r for r in _list(rec.get("references")) if isinstance(r, str)],
        })
        if len(self._pending) >= CHUNK:
            self._flush()

    def add_reject(self, rej: dict[str, Any] | None) -> None:
        """One line of a rejects file."""
        reason = (_str(rej.get("reason")) or "(no reason)") if isinstance(rej, dict) else "(unreadable line)"
        self.summary.rejects[reason] += 1

    def add_reject_counts(self, counts: dict[str, int]) -> None:
        """Rejects known only by count (a crawl's stats)."""
        for reason, n in counts.items():
            self.summary.rejects[reason] += int(n)

    def _flush(self) -> None:
        if self._pending:
            data = json.dumps(self._pending, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
            self.chunks.append(base64.b64encode(gzip.compress(data, 6, mtime=0)).decode("ascii"))
            self._pending = []

    # -- output

    def html(self) -> str:
        """The whole report as one string."""
        return "".join(self.iter_html())

    def write(self, path: str) -> int:
        """Write the report to `path`; return its size in bytes."""
        parent = os.path.dirname(path)
        if parent:
            os.makedirs(parent, exist_ok=True)
        size = 0
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for part in self.iter_html():
                fh.write(part)
                size += len(part.encode("utf-8"))
        return size

    def iter_html(self) -> Iterator[str]:
        self._flush()
        index = {"chunk": CHUNK, "pageSize": PAGE_SIZE, "chunks": len(self.chunks), "rows": self.index}
        csp = (f"default-src 'none'; script-src '{_sha256(SCRIPT)}'; style-src '{_sha256(STYLE)}'; "
               "img-src data:; base-uri 'none'; form-action 'none'")
        yield ("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
               f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               f"<meta name=\"referrer\" content=\"no-referrer\">\n<title>{_esc(self.title)}</title>\n"
               f"<style>{STYLE}</style>\n</head>\n<body>\n")
        yield f"<header><h1>{_esc(self.title)}</h1>"
        if self.origin:
            yield f"<p class=\"origin\">{_esc(self.origin)}</p>"
        yield "</header>\n"
        yield self._summary_html()
        yield ("<section id=\"mc-records\" aria-label=\"records\"><h2>Records</h2>\n"
               "<div class=\"controls\"><label>Show <select id=\"mc-filter\">"
               "<option value=\"all\">all records</option><option value=\"spam\">spam pages</option>"
               "<option value=\"flagged\">with flags</option><option value=\"removed\">with removals</option>"
               "<option value=\"dup\">near-duplicates</option><option value=\"clean\">clean (no spam, no flags)</option>"
               "</select></label> <label>Find <input id=\"mc-search\" type=\"search\" "
               "placeholder=\"title, url, source or cluster\" size=\"32\"></label></div>\n"
               "<nav class=\"pager\" id=\"mc-pager\"><button id=\"mc-first\" type=\"button\">« first</button>"
               "<button id=\"mc-prev\" type=\"button\">‹ previous</button> <span id=\"mc-pageinfo\"></span> "
               "<button id=\"mc-next\" type=\"button\">next ›</button><button id=\"mc-last\" type=\"button\">last »</button>"
               " <label>page <input id=\"mc-goto\" type=\"number\" min=\"1\" value=\"1\"></label></nav>\n"
               "<div id=\"mc-list\"><p class=\"note\" id=\"mc-loading\">The records are shown by the report's "
               "script (JavaScript must be on).</p></div>\n</section>\n")
        yield (f"<script type=\"application/json\" id=\"mc-index\">{_json_script(index)}</script>\n")
        for i, chunk in enumerate(self.chunks):
            yield f"<script type=\"application/octet-stream\" id=\"mc-chunk-{i}\">{chunk}</script>\n"
        yield f"<script>{SCRIPT}</script>\n</body>\n</html>\n"

    def _summary_html(self) -> str:
        s = self.summary
        rejects = sum(s.rejects.values())
        multi = {c: n for c, n in s.clusters.items() if n > 1}
        out = ["<section id=\"mc-summary\" aria-label=\"summary\"><h2>Summary</h2>\n<div class=\"charts\">"
               "<div><table class=\"counts\">"]
        rows = [
            ("pages (records)", s.records, "mc-n-records"),
            ("spam pages", s.spam_pages, "mc-n-spam"),
            ("pages with flags", s.flagged_pages, "mc-n-flagged"),
            ("near-duplicates (a later copy of an earlier record)", s.near_duplicates, "mc-n-dup"),
            ("clusters with 2+ records", len(multi), "mc-n-clusters"),
            ("rejects (inputs with no article)", rejects, "mc-n-rejects"),
        ]
        if s.bad_lines:
            rows.append(("lines of the records file that are not JSON objects (skipped)", s.bad_lines, "mc-n-bad"))
        for label, n, ident in rows:
            out.append(f"<tr><th>{_esc(label)}</th><td id=\"{ident}\">{n:,}</td></tr>")
        out.append("</table>\n")
        if self.rejects_source:
            out.append(f"<p class=\"note\">Rejects read from {_esc(self.rejects_source)}.</p>")
        out.append("</div>")
        out.append(_chart("What was removed (items by reason)", s.removed, "mc-chart-removed",
                          extra={r: f"{s.removed_chars[r]:,} chars" for r in s.removed}))
        out.append(_chart("Flags by type", s.flags, "mc-chart-flags"))
        out.append(_chart("Rejects by reason", s.rejects, "mc-chart-rejects"))
        out.append("</div>\n<div class=\"lists\">")
        out.append(_table("Top spam terms (pages)", s.spam_terms.most_common(TOP_TERMS), "mc-terms", "term"))
        top = sorted(multi.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CLUSTERS]
        out.append(_table("Largest near-duplicate clusters (records)", top, "mc-clusters", "cluster", search=True))
        out.append(_table("Languages", s.languages.most_common(), "mc-languages", "language"))
        out.append("</div>\n")
        out.append("<details class=\"legend\"><summary>Reading a record</summary><p>Highlighted spans are flags "
                   "(hover for the evidence and the suggested original): <mark class=\"f-censored_gap\">censored "
                   "gap</mark> <mark class=\"f-spun_phrase\">spun phrase</mark> <mark class=\"f-missing_reference\">"
                   "missing reference</mark>. Removed text is grouped by reason and by where it was:</p><ul>")
        out += [f"<li><b>{_esc(k)}</b>: {_esc(v)}</li>" for k, v in WHERE.items()]
        out.append(f"</ul><p>Removed text longer than {REMOVED_CHARS} characters is shortened here; the "
                   "records file has it in full (up to 2,000 characters).</p></details>\n</section>\n")
        return "".join(out)


def _esc(value: Any) -> str:
    return html.escape(_str(value), quote=True)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _json_script(obj: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>`, `&` or line separators as themselves."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _chart(title: str, counts: Counter[str], ident: str, extra: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG (labels escaped)."""
    items = counts.most_common(12)
    if not items:
        return f"<figure class=\"chart\" id=\"{ident}\"><figcaption>{_esc(title)}</figcaption><p class=\"note\">none</p></figure>"
    bar_h, gap, label_w, bar_w = 18, 6, 140, 180
    height = len(items) * (bar_h + gap)
    top = max(n for _, n in items) or 1
    parts = [f"<figure class=\"chart\" id=\"{ident}\"><figcaption>{_esc(title)}</figcaption>"
             f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label_w + bar_w + 60}\" height=\"{height}\" "
             f"role=\"img\" aria-label=\"{_esc(title)}\">"]
    for i, (label, n) in enumerate(items):
        y = i * (bar_h + gap)
        w = max(1, round(bar_w * n / top))
        note = f" ({extra[label]})" if extra and label in extra else ""
        parts.append(f"<g class=\"bar\" data-label=\"{_esc(label)}\" data-count=\"{n}\"><title>{_esc(label)}: {n:,}{_esc(note)}</title>"
                     f"<text x=\"{label_w - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{_esc(label[:22])}</text>"
                     f"<rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\" rx=\"2\"></rect>"
                     f"<text x=\"{label_w + w + 5}\" y=\"{y + 13}\">{n:,}</text></g>")
    parts.append("</svg></figure>")
    return "".join(parts)


def _table(title: str, items: Iterable[tuple[str, int]], ident: str, head: str, search: bool = False) -> str:
    rows = list(items)
    out = [f"<div class=\"list\" id=\"{ident}\"><h3>{_esc(title)}</h3>"]
    if not rows:
        out.append("<p class=\"note\">none</p></div>")
        return "".join(out)
    out.append(f"<table><tr><th>{_esc(head)}</th><th>n</th></tr>")
    for label, n in rows:
        cell = _esc(label)
        if search:
            cell = f"<button type=\"button\" class=\"find\" data-find=\"{_esc(label)}\">{cell}</button>"
        out.append(f"<tr><td>{cell}</td><td>{n:,}</td></tr>")
    out.append("</table></div>")
    return "".join(out)


# --------------------------------------------------------------------------- building from files


def build_report(records_path: str, out_path: str, *, rejects_path: str | None = None,
                 reject_counts: dict[str, int] | None = None, title: str | None = None) -> ReportBuilder:
    """Read a records file (and its rejects file when there is one) and write the report to `out_path`."""
    builder = ReportBuilder(title or f"mirrorclean report: {os.path.basename(records_path)}",
                            origin=f"records: {records_path}")
    for rec in read_jsonl(records_path):
        builder.add_record(rec)
    if rejects_path and os.path.exists(rejects_path):
        for rej in read_jsonl(rejects_path):
            builder.add_reject(rej)
        builder.rejects_source = rejects_path
    if reject_counts:
        builder.add_reject_counts(reject_counts)
    builder.write(out_path)
    return builder


STYLE = """
:root{--fg:#1d232a;--muted:#5b6670;--line:#d9dee3;--bg:#fff;--soft:#f5f7f9;--accent:#2f6fab}
*{box-sizing:border-box}
body{font:15px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:0 16px 48px}
header h1{font-size:22px;margin:20px 0 2px}.origin,.note{color:var(--muted);font-size:13px;margin:2px 0}
h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}
h3{font-size:15px;margin:10px 0 4px}
table{border-collapse:collapse}td,th{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
table.counts td{font-variant-numeric:tabular-nums;font-weight:600}table.counts th{font-weight:normal}
.charts,.lists{display:flex;flex-wrap:wrap;gap:8px 32px}
figure.chart{margin:10px 0}figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
svg text{font-size:12px;fill:var(--fg)}svg rect{fill:var(--accent)}
.list table{font-size:13px}.list td:last-child{font-variant-numeric:tabular-nums}
button.find{border:0;background:none;color:var(--accent);cursor:pointer;padding:0;font:inherit;text-align:left}
.controls{margin:8px 0}.pager{margin:8px 0;display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.pager input{width:5em}
article.rec{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:14px 0}
article.rec h3{font-size:17px;margin:0 0 2px}
.meta{color:var(--muted);font-size:13px;word-break:break-all}.meta span{margin-right:12px}
.badge{display:inline-block;font-size:12px;border-radius:3px;padding:0 6px;margin-right:6px;background:var(--soft)}
.badge.spam{background:#fde2e1;color:#8a1c14}.badge.dup{background:#e8e4fb;color:#3f2d8f}
.terms{margin:4px 0}.term{display:inline-block;font-size:12px;background:#fff1d6;border-radius:3px;padding:0 5px;margin:0 4px 2px 0}
.text{white-space:pre-wrap;word-wrap:break-word;background:var(--soft);padding:8px 10px;border-radius:4px;margin:8px 0;
}
mark{border-radius:2px;padding:0 1px;cursor:help;position:relative;color:inherit}
mark[data-tip]:hover::after{content:attr(data-tip);position:absolute;left:0;top:1.7em;z-index:5;white-space:pre-line;
width:max-content;max-width:30em;background:#1d232a;color:#fff;font-size:12px;line-height:1.45;padding:5px 8px;border-radius:4px}
mark.f-censored_gap{background:#ffd1d1;outline:1px solid #e05a5a}
mark.f-spun_phrase{background:#fff0a8;outline:1px dashed #c9a400}
mark.f-missing_reference{background:#d7ecff;outline:1px solid #3b88c8}
mark.f-other{background:#e3e3e3}
ul.flags{margin:4px 0;padding-left:20px;font-size:13px}
details.removed{margin:4px 0}details.removed>summary{cursor:pointer;font-size:14px}
.group{margin:4px 0 4px 12px}.group h4{font-size:13px;margin:2px 0;font-weight:600}
.group ol{margin:0;padding-left:22px;font-size:13px}.group li{white-space:pre-wrap;word-wrap:break-word;color:#5a2b2b}
.cut{color:var(--muted);font-style:italic}
.refs{font-size:13px;color:var(--muted)}
"""

SCRIPT = r"""
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var index = JSON.parse(byId('mc-index').textContent);
  var rows = index.rows;
  var cache = new Map();
  var state = { filter: 'all', q: '', page: 1 };
  var selected = rows.map(function (_, i) { return i; });
  var renderSeq = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function loadChunk(i) {
    if (cache.has(i)) return cache.get(i);
    var p = (async function () {
      var holder = byId('mc-chunk-' + i);
      var bin = atob(holder.textContent.trim());
      var bytes = new Uint8Array(bin.length);
      for (var k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return JSON.parse(await new Response(stream).text());
    })();
    cache.set(i, p);
    if (cache.size > 12) cache.delete(cache.keys().next().value);
    return p;
  }

  function record(i) {
    return loadChunk(Math.floor(i / index.chunk)).then(function (list) { return list[i % index.chunk]; });
  }

  function matches(r) {
    var f = state.filter;
    if (f === 'spam' && !r[2]) return false;
    if (f === 'flagged' && !r[3]) return false;
    if (f === 'removed' && !r[4]) return false;
    if (f === 'dup' && !r[5]) return false;
    if (f === 'clean' && (r[2] || r[3])) return false;
    if (state.q) {
      var q = state.q.toLowerCase();
      if ((r[0] + '\n' + r[1] + '\n' + r[6]).toLowerCase().indexOf(q) < 0) return false;
    }
    return true;
  }

  function pages() { return Math.max(1, Math.ceil(selected.length / index.pageSize)); }

  // Python string offsets count code points; JavaScript strings count UTF-16 units.
  function unitOffsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    var map = [], u = 0;
    for (var ch of text) { map.push(u); u += ch.length; }
    map.push(u);
    return map;
  }

  function tip(f) {
    var info = f.info || {}, parts = [f.type.replace(/_/g, ' ')];
    if (info.suggestion) parts.push('likely: ' + info.suggestion);
    if (info.original) parts.push('original: ' + info.original);
    if (info.as_found) parts.push('as found: ' + info.as_found);
    if (info.refs) parts.push('missing references: ' + [].concat(info.refs).join(', '));
    if (info.kind) parts.push('kind: ' + info.kind);
    if (info.evidence) parts.push('evidence: ' + info.evidence);
    if (typeof info.confidence === 'number') parts.push('confidence: ' + info.confidence);
    if (f.places.length > 1) parts.push(f.places.length + ' places');
    return parts.join(' · ');
  }

  function flagClass(type) {
    return ['censored_gap', 'spun_phrase', 'missing_reference'].indexOf(type) >= 0 ? 'f-' + type : 'f-other';
  }

  function renderText(box, text, flags) {
    var map = unitOffsets(text), size = map ? map.length - 1 : text.length;
    var unit = function (i) { return map ? map[i] : i; };
    var spans = [], bad = 0;
    flags.forEach(function (f) {
      f.places.forEach(function (p) {
        if (p[0] >= 0 && p[1] > p[0] && p[1] <= size) spans.push({ s: p[0], e: p[1], f: f });
        else bad++;
      });
    });
    var cuts = new Set([0, size]);
    spans.forEach(function (sp) { cuts.add(sp.s); cuts.add(sp.e); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    for (var k = 0; k + 1 < points.length; k++) {
      var a = points[k], b = points[k + 1];
      var piece = text.slice(unit(a), unit(b));
      var over = spans.filter(function (sp) { return sp.s <= a && sp.e >= b; });
      if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
      var m = el('mark', flagClass(over[0].f.type), piece);
      m.dataset.tip = over.map(function (sp) { return tip(sp.f); }).join('\n');
      m.dataset.flag = over.map(function (sp) { return sp.f.type; }).join(' ');
      box.appendChild(m);
    }
    return bad;
  }

  function safeHref(url) {
    return /^https?:\/\//i.test(url) ? url : null;
  }

  function renderRecord(i, r) {
    var art = el('article', 'rec');
    art.id = 'r-' + i;
    art.dataset.index = String(i);
    art.appendChild(el('h3', 'title', r.title || '(no title)'));
    var meta = el('div', 'meta');
    var href = safeHref(r.url);
    if (href) {
      var a = el('a', null, r.url);
      a.href = href; a.rel = 'noopener noreferrer nofollow'; a.target = '_blank';
      meta.appendChild(a);
    } else if (r.url) {
      meta.appendChild(el('span', null, r.url));
    }
    if (r.source && r.source !== r.url) meta.appendChild(el('span', null, 'source: ' + r.source));
    meta.appendChild(el('span', null, 'date: ' + (r.published || '—')));
    if (r.language) meta.appendChild(el('span', null, 'language: ' + r.language));
    if (r.spin !== null && r.spin !== undefined) meta.appendChild(el('span', null, 'spin: ' + r.spin));
    meta.appendChild(el('span', null, '#' + (i + 1)));
    art.appendChild(meta);
    var badges = el('div', 'badges');
    if (r.spam) badges.appendChild(el('span', 'badge spam', 'spam page'));
    if (r.cluster) badges.appendChild(el('span', 'badge dup', 'near-duplicate of ' + r.cluster +
      (typeof r.similarity === 'number' ? ' (' + Math.round(r.similarity * 100) + '%)' : '')));
    if (r.flags.length) badges.appendChild(el('span', 'badge', r.flags.length + ' flag' + (r.flags.length > 1 ? 's' : '')));
    if (badges.childNodes.length) art.appendChild(badges);
    if (r.terms.length) {
      var terms = el('div', 'terms');
      terms.appendChild(el('span', null, 'spam terms: '));
      r.terms.forEach(function (t) { terms.appendChild(el('span', 'term', t)); });
      art.appendChild(terms);
    }
    var box = el('div', 'text');
    var bad = renderText(box, r.text, r.flags);
    art.appendChild(box);
    if (r.flags.length) {
      var ul = el('ul', 'flags'), chars = /[\uD800-\uDFFF]/.test(r.text) ? Array.from(r.text) : r.text;
      r.flags.forEach(function (f) {
        var p = f.places[0], found = chars.slice(p[0], p[1]);
        ul.appendChild(el('li', null, '「' + (typeof found === 'string' ? found : found.join('')) + '」 ' + tip(f)));
      });
      art.appendChild(ul);
    }
    if (bad) art.appendChild(el('p', 'note', bad + ' flag place(s) with offsets outside the text (not shown)'));
    if (r.references.length) art.appendChild(el('p', 'refs', r.references.length + ' reference line(s) moved out of the text'));
    var total = r.removed.reduce(function (n, g) { return n + g[2].length; }, 0);
    var det = el('details', 'removed');
    det.open = total > 0 && total <= 12;
    det.appendChild(el('summary', null, total ? 'Removed: ' + total + ' item' + (total > 1 ? 's' : '') + ' in ' +
      r.removed.length + ' group' + (r.removed.length > 1 ? 's' : '') : 'Removed: nothing'));
    r.removed.forEach(function (g) {
      var grp = el('div', 'group');
      grp.dataset.reason = g[0];
      grp.dataset.where = g[1];
      grp.appendChild(el('h4', null, g[0] + ' · ' + g[1] + ' (' + g[2].length + ')'));
      var ol = el('ol');
      g[2].forEach(function (t) {
        var li = el('li', null, t[0]);
        if (t[1] > t[0].length) li.appendChild(el('span', 'cut', ' … (' + t[1] + ' characters in all)'));
        ol.appendChild(li);
      });
      grp.appendChild(ol);
      det.appendChild(grp);
    });
    art.appendChild(det);
    return art;
  }

  function writeHash() {
    var h = 'page=' + state.page;
    if (state.filter !== 'all') h += '&filter=' + state.filter;
    if (state.q) h += '&q=' + encodeURIComponent(state.q);
    if (location.hash.slice(1) !== h) history.replaceState(null, '', '#' + h);
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    state.filter = params.get('filter') || 'all';
    state.q = params.get('q') || '';
    state.page = parseInt(params.get('page') || '1', 10) || 1;
    var rec = parseInt(params.get('r') || '', 10);
    byId('mc-filter').value = state.filter;
    byId('mc-search').value = state.q;
    select();
    if (rec >= 1 && rec <= rows.length) {
      state.filter = 'all'; state.q = ''; byId('mc-filter').value = 'all'; byId('mc-search').value = '';
      select();
      state.page = Math.floor((rec - 1) / index.pageSize) + 1;
      return rec - 1;
    }
    return null;
  }

  function select() {
    selected = [];
    for (var i = 0; i < rows.length; i++) if (matches(rows[i])) selected.push(i);
  }

  async function render(focus) {
    var seq = ++renderSeq;
    state.page = Math.min(Math.max(1, state.page), pages());
    var from = (state.page - 1) * index.pageSize;
    var ids = selected.slice(from, from + index.pageSize);
    byId('mc-pageinfo').textContent = selected.length
      ? 'records ' + (from + 1) + '–' + (from + ids.length) + ' of ' + selected.length + ' · page ' + state.page + ' of ' + pages()
      : 'no record matches';
    byId('mc-goto').value = state.page;
    byId('mc-goto').max = pages();
    byId('mc-prev').disabled = byId('mc-first').disabled = state.page <= 1;
    byId('mc-next').disabled = byId('mc-last').disabled = state.page >= pages();
    writeHash();
    var list = byId('mc-list');
    list.setAttribute('aria-busy', 'true');
    var recs;
    try {
      recs = await Promise.all(ids.map(record));
    } catch (err) {
      if (seq === renderSeq) { list.replaceChildren(el('p', 'note', 'Could not read the records: ' + err)); list.removeAttribute('aria-busy'); }
      return;
    }
    if (seq !== renderSeq) return;
    var frag = document.createDocumentFragment();
    ids.forEach(function (i, k) { frag.appendChild(renderRecord(i, recs[k])); });
    list.replaceChildren(frag);
    list.removeAttribute('aria-busy');
    document.body.dataset.page = String(state.page);
    if (focus !== null && focus !== undefined) {
      var target = byId('r-' + focus);
      if (target) target.scrollIntoView();
    }
  }

  function go(page) { state.page = page; render(); byId('mc-records').scrollIntoView(); }

  byId('mc-first').addEventListener('click', function () { go(1); });
  byId('mc-prev').addEventListener('click', function () { go(state.page - 1); });
  byId('mc-next').addEventListener('click', function () { go(state.page + 1); });
  byId('mc-last').addEventListener('click', function () { go(pages()); });
  byId('mc-goto').addEventListener('change', function (e) { go(parseInt(e.target.value, 10) || 1); });
  byId('mc-filter').addEventListener('change', function (e) { state.filter = e.target.value; select(); state.page = 1; render(); });
  var timer = null;
  byId('mc-search').addEventListener('input', function (e) {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = e.target.value.trim(); select(); state.page = 1; render(); }, 200);
  });
  document.querySelectorAll('button.find').forEach(function (b) {
    b.addEventListener('click', function () {
      state.q = b.dataset.find; state.filter = 'all';
      byId('mc-search').value = state.q; byId('mc-filter').value = 'all';
      select(); state.page = 1; render(); byId('mc-records').scrollIntoView();
    });
  });
  window.addEventListener('hashchange', function () {
    var want = new URLSearchParams(location.hash.slice(1));
    if (String(state.page) === want.get('page') && (want.get('filter') || 'all') === state.filter &&
        (want.get('q') || '') === state.q && !want.get('r')) return;
    render(readHash());
  });
  if (typeof DecompressionStream === 'undefined') {
    byId('mc-list').replaceChildren(el('p', 'note', 'This browser cannot decompress the embedded records ' +
      '(DecompressionStream is missing); use a current Chromium, Firefox or Safari.'));
    return;
  }
  render(readHash());
})();
"""
