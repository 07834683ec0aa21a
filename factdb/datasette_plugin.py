"""factdb's own Datasette plugin: robots kept out, facts linked, articles readable.

Registered by :func:`factdb.serve.datasette_app`, never through an entry
point, so it only ever runs inside factdb's own Datasette.

- ``/robots.txt`` disallows everything and every response says
  ``X-Robots-Tag: noindex, nofollow``: a desk for reporters, not a public site.
- Only GET, HEAD and OPTIONS reach Datasette: any other method gets a 405.
- A ``fact_id`` in a view or a query result links to the ``fact`` canned
  query (the fact with its evidence in context); a ``document_id`` in a query
  result links to the article, with the evidence span highlighted when the
  row carries ``char_start``/``char_end``.
- Search-all results show long cells (an article's text) as a short preview.
- Templates get :func:`document_html` and :func:`context_html`, which render
  stored text as paragraphs with one span marked.
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
ROBOTS_HEADER = (b"x-robots-tag", b"noindex, nofollow")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Must match the window of the `fact` canned query's substr() calls.
CONTEXT_CHARS = 400

# Views (and the history table, whose fact_id is no foreign key) where a
# fact_id has no link of its own; tables keep Datasette's row links.
FACT_LINK_TABLES = {"facts", "fact_support", "conflicts", "timeline", "fact_history"}

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_HIGHLIGHT = re.compile(r"^(\d+)-(\d+)$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated block of ``text``, blank blocks left out."""
    spans, start = [], 0
    for gap in _BLANK_LINE.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def document_html(text: str, start: int | None = None, end: int | None = None,
                  mark_id: str = "evidence") -> Markup:
    """``text`` as ``<p>`` paragraphs, characters ``start:end`` wrapped in ``<mark>``.

    Offsets are those of the stored text, so evidence spans land exactly;
    single line breaks (hard-wrapped pastes) are left to HTML to fold into spaces.
    """
    text = text or ""
    marked = start is not None and end is not None and 0 <= start < end <= len(text)
    first_mark = True
    parts = []
    for block_start, block_end in paragraph_spans(text):
        if not marked or end <= block_start or start >= block_end:
            parts.append(f"<p>{escape(text[block_start:block_end])}</p>")
            continue
        lo, hi = max(start, block_start), min(end, block_end)
        attrs = f' id="{escape(mark_id)}"' if first_mark and mark_id else ""
        first_mark = False
        parts.append(
            f"<p>{escape(text[block_start:lo])}<mark{attrs}>{escape(text[lo:hi])}</mark>"
            f"{escape(text[hi:block_end])}</p>"
        )
    return Markup("\n".join(parts))


def context_html(before: str | None, evidence: str | None, after: str | None,
                 char_start: int | None = None, window: int = CONTEXT_CHARS) -> Markup:
    """An evidence sentence inside the text around it, the sentence highlighted.

    ``before``/``after`` are up to ``window`` characters either side (what the
    canned query's substr() returns); a cut through a word is trimmed back to
    whole words and shown as an ellipsis.
    """
    before, evidence, after = before or "", evidence or "", after or ""
    cut_before = char_start is not None and char_start > len(before)
    cut_after = len(after) >= window
    if cut_before and " " in before:
        before = before[before.index(" ") + 1:]
    if cut_after and " " in after:
        after = after[: after.rindex(" ")]
    snippet = ("… " if cut_before else "") + before
    start = len(snippet)
    snippet += evidence + after + (" …" if cut_after else "")
    return document_html(snippet, start, start + len(evidence), mark_id="")


def parse_highlight(value: str | None) -> tuple[int, int] | None:
    """``"120-245"`` -> (120, 245); anything else -> None."""
    match = _HIGHLIGHT.match(value or "")
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    return (start, end) if start < end else None


def fact_url(datasette, database: str, fact_id: str) -> str:
    return f"{datasette.urls.database(database)}/fact?{urlencode({'fact_id': fact_id})}"


def document_url(datasette, database: str, document_id: str,
                 span: tuple[int, int] | None = None) -> str:
    url = datasette.urls.row(database, "documents", tilde_encode(str(document_id)))
    if span:
        url += f"?highlight={span[0]}-{span[1]}#evidence"
    return url


def _link(url: str, label) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, label)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value in (None, ""):
        return None
    if column == "fact_id" and (table is None or table in FACT_LINK_TABLES):
        return _link(fact_url(datasette, database, str(value)), value)
    if column == "document_id" and table is None:
        keys = row.keys() if hasattr(row, "keys") else []
        span = None
        if "char_start" in keys and "char_end" in keys and row["char_start"] is not None:
            span = (row["char_start"], row["char_end"])
        return _link(document_url(datasette, database, value, span), value)
    if table == "documents" and column == "text":
        # The row page shows the whole article as paragraphs; the cell only previews it.
        text = str(value)
        preview = text[:280].rsplit(" ", 1)[0] + " …" if len(text) > 280 else text
        return Markup('{} <span class="factdb-length">({:,} characters)</span>').format(
            preview, len(text))
    return None


@hookimpl
def extra_template_vars(request, datasette):
    return {
        "factdb_document_html": document_html,
        "factdb_context_html": context_html,
        "factdb_highlight": parse_highlight(request.args.get("highlight")) if request else None,
        "factdb_fact_url": partial(fact_url, datasette),
        "factdb_document_url": partial(document_url, datasette),
    }


# datasette-search-all shows every column of each hit, a whole article included;
# long cells are cut, as results arrive, to the stretch around the search words.
SEARCH_PREVIEW_SCRIPT = """
(function () {
  var results = document.getElementById("search-all-results");
  if (!results) return;
  var LIMIT = 240;
  var box = document.getElementById("search-all-q");
  var words = ((box && box.value) || "").toLowerCase().match(/[a-z0-9]{3,}/g) || [];
  function preview(text) {
    var lower = text.toLowerCase(), at = -1;
    words.some(function (w) { at = lower.indexOf(w.slice(0, 5)); return at >= 0; });
    var start = at < 0 ? 0 : Math.max(0, at - LIMIT / 2);
    return (start > 0 ? "\u2026 " : "") + text.slice(start, start + LIMIT) +
           (start + LIMIT < text.length ? " \u2026" : "");
  }
  function shorten() {
    results.querySelectorAll("td:not([data-factdb-short])").forEach(function (td) {
      td.setAttribute("data-factdb-short", "1");
      var text = td.textContent;
      if (text.length > LIMIT && td.children.length === 0) {
        td.title = text.slice(0, 2000);
        td.textContent = preview(text);
      }
    });
  }
  new MutationObserver(shorten).observe(results, {childList: true, subtree: true});
  shorten();
})();
"""


@hookimpl
def extra_body_script(template):
    if template == "search_all.html":
        return SEARCH_PREVIEW_SCRIPT
    return None


async def robots_txt():
    return Response.text(ROBOTS_TXT)


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def read_only_no_robots(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            if scope["method"] not in READ_METHODS:
                # Nothing on the desk writes: refuse at the door rather than
                # rely on each view (Datasette 0.65 answers some POSTs with a 500).
                return await Response.text(
                    "factdb serves a read-only database", status=405,
                    headers={"Allow": ", ".join(sorted(READ_METHODS)),
                             ROBOTS_HEADER[0].decode(): ROBOTS_HEADER[1].decode()},
                ).asgi_send(send)

            async def send_with_header(event):
                if event["type"] == "http.response.start":
                    headers = [h for h in event.get("headers", [])
                               if h[0].lower() != ROBOTS_HEADER[0]]
                    event = {**event, "headers": [*headers, ROBOTS_HEADER]}
                await send(event)

            await app(scope, receive, send_with_header)

        return read_only_no_robots

    return wrap
