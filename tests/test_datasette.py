"""The reporter's desk through Datasette's own test client (no browser, no server).

The database is built from ``seeds/`` into a file named ``desk.db`` on
purpose: Datasette names a database after its file, and every page, link and
template must work whatever that name is. Expected values are read from the
database, so the tests hold as the extractors change.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import html
import io
import re
import sqlite3
from pathlib import Path

import pytest

from factdb import pipeline
from factdb.datasette_plugin import context_html, document_html, parse_highlight
from factdb.serve import SETTINGS, datasette_app, for_database, load_metadata

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DB = "desk"
CONTRACT_COLUMNS = [
    "fact_id", "fact_type", "subject", "detail", "value", "value_number", "unit", "date",
    "date_precision", "present", "status", "origin", "document", "outlet", "quote",
    "char_start", "char_end",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("desk") / f"{DB}.db"
    pipeline.build(path, SEEDS)
    return path


@pytest.fixture(scope="module")
def ds(db_path):
    return datasette_app(db_path)


def get(ds, path: str):
    return asyncio.run(ds.client.get(path))


def post(ds, path: str, data: dict):
    return asyncio.run(ds.client.post(path, data=data))


def query(db_path: Path, sql: str, params=()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- the facts view: the public contract -------------------------------------------


def test_facts_view_as_json_has_the_contract_columns(ds, db_path):
    response = get(ds, f"/{DB}/facts.json?_size=max")
    assert response.status_code == 200
    data = response.json()
    assert data["columns"][: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert len(data["rows"]) == query(db_path, "SELECT COUNT(*) FROM facts")[0][0] > 0

    objects = get(ds, f"/{DB}/facts.json?_shape=array&_size=5").json()
    assert all(set(CONTRACT_COLUMNS) <= set(row) for row in objects)


def test_facts_view_streams_as_csv(ds, db_path):
    response = get(ds, f"/{DB}/facts.csv?_stream=on&_size=max")
    assert response.status_code == 200
    rows = csv_rows(response.text)
    assert list(rows[0])[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    stored = query(db_path, "SELECT fact_id, quote FROM facts")
    assert len(rows) == len(stored)
    assert sorted((r["fact_id"], r["quote"]) for r in rows) == sorted(map(tuple, stored))


def test_every_table_view_and_query_exports_csv_and_json(ds):
    listing = get(ds, f"/{DB}.json").json()
    names = [t["name"] for t in listing["tables"] if not t["hidden"]]
    names += [v["name"] for v in listing["views"]]
    names += [q["name"] for q in listing["queries"]]
    assert {"facts", "timeline", "conflicts", "fact_support", "documents"} <= set(names)
    for name in names:
        as_json = get(ds, f"/{DB}/{name}.json?_shape=array")
        assert as_json.status_code == 200, name
        assert isinstance(as_json.json(), list), name
        as_csv = get(ds, f"/{DB}/{name}.csv")
        assert as_csv.status_code == 200, name
        assert as_csv.text.splitlines()[0], name


def test_table_pages_link_a_streaming_csv_download(ds):
    page = get(ds, f"/{DB}/facts?fact_type=figure").text
    assert f'href="/{DB}/facts.csv?fact_type=figure&amp;_size=max&amp;_stream=on&amp;_dl=1"' in page
    query_page = get(ds, f"/{DB}/story_timeline").text
    assert "factdb-downloads" in query_page and f"/{DB}/story_timeline.csv" in query_page


# --- described data ------------------------------------------------------------------


def test_every_visible_column_is_described(ds, db_path):
    metadata = load_metadata(db_path)["databases"][DB]["tables"]
    listing = get(ds, f"/{DB}.json").json()
    visible = [t["name"] for t in listing["tables"] if not t["hidden"]]
    visible += [v["name"] for v in listing["views"]]
    for name in visible:
        assert metadata.get(name, {}).get("title"), f"{name} has no title"
        assert (metadata[name].get("description") or metadata[name].get("description_html")), name
        columns = [r[1] for r in query(db_path, "SELECT * FROM pragma_table_info(?)", [name])]
        missing = [c for c in columns if c not in metadata[name].get("columns", {})]
        assert not missing, f"{name}: no description for {missing}"


def test_internal_tables_are_hidden(ds):
    hidden = {t["name"] for t in get(ds, f"/{DB}.json").json()["tables"] if t["hidden"]}
    assert {"alembic_version", "candidates", "build_state", "documents_fts",
            "evidence_fts_data"} <= hidden


def test_default_facets_on_the_facts_view(ds):
    data = get(ds, f"/{DB}/facts.json?_size=0").json()
    assert {"fact_type", "status", "outlet", "date"} <= set(data["facet_results"])


def test_foreign_keys_show_names(ds, db_path):
    expected = {r["fact_id"]: r["name"] for r in query(
        db_path, "SELECT m.fact_id, p.name FROM entourage_members m "
                 "JOIN people p ON p.id = m.person_id")}
    if not expected:
        pytest.skip("no entourage facts yet")
    rows = get(ds, f"/{DB}/entourage_members.json?_labels=on&_shape=array").json()
    assert {r["fact_id"]["value"]: r["person_id"]["label"] for r in rows} == expected


def test_metadata_follows_the_database_name(db_path, tmp_path):
    metadata = load_metadata(db_path)
    assert list(metadata["databases"]) == [DB]
    assert f'href="/{DB}/facts"' in metadata["description_html"]
    assert "{db_url}" not in str(metadata)
    # The canonical name is left alone.
    same = for_database(load_metadata(), tmp_path / "factdb.db")
    assert list(same["databases"]) == ["factdb"]


def test_view_search_needs_its_key_column(tmp_path):
    """fts settings for a view are kept only when the view has the fts_pk column."""
    metadata = {"databases": {"factdb": {"tables": {
        "facts": {"fts_table": "evidence_fts", "fts_pk": "evidence_rowid"}}}}}
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE evidence (sentence TEXT)")
    conn.execute("CREATE VIEW facts AS SELECT sentence FROM evidence")
    conn.commit()
    assert "fts_pk" not in for_database(metadata, path)["databases"]["x"]["tables"]["facts"]
    conn.execute("DROP VIEW facts")
    conn.execute("CREATE VIEW facts AS SELECT rowid AS evidence_rowid, sentence FROM evidence")
    conn.commit()
    conn.close()
    kept = for_database(metadata, path)["databases"]["x"]["tables"]["facts"]
    assert kept == {"fts_table": "evidence_fts", "fts_pk": "evidence_rowid"}


# --- search ----------------------------------------------------------------------------


@pytest.mark.parametrize("table, fts, column", [
    ("evidence", "evidence_fts", "sentence"),
    ("documents", "documents_fts", "text"),
    ("quotes", "quotes_fts", "text"),
])
def test_full_text_search_on_table_pages(ds, db_path, table, fts, column):
    sample = query(db_path, f"SELECT [{column}] FROM [{table}] LIMIT 1")
    if not sample:
        pytest.skip(f"{table} is empty")
    word = max(re.findall(r"[A-Za-z]{5,}", sample[0][0]), key=len)
    expected = query(db_path, f"SELECT COUNT(*) FROM [{fts}] WHERE [{fts}] MATCH ?", [word])[0][0]
    data = get(ds, f"/{DB}/{table}.json?_search={word}&_size=max").json()
    assert expected >= 1 and len(data["rows"]) == expected


def test_search_all_covers_documents_evidence_and_quotes(ds):
    page = get(ds, "/-/search?q=summit")
    assert page.status_code == 200
    for table in ("documents", "evidence", "quotes"):
        assert f"/{DB}/{table}.json" in page.text


# --- canned queries ----------------------------------------------------------------------


CANNED = ["fact", "travelled_with", "story_timeline", "disputed_facts", "figures_for_metric",
          "menu_of_meal", "from_outlet", "about_person", "single_source_facts", "venue_map",
          "events_per_day"]


def test_canned_queries_have_titles_and_descriptions(ds):
    queries = {q["name"]: q for q in get(ds, f"/{DB}.json").json()["queries"]}
    assert set(CANNED) <= set(queries)
    for name in CANNED:
        assert queries[name].get("title"), name
        assert queries[name].get("description") or queries[name].get("description_html"), name


@pytest.mark.parametrize("hostile", [
    "x' OR '1'='1",
    "'); DELETE FROM outlets; --",
    "%' UNION SELECT name, sql, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 FROM sqlite_master --",
    '" OR ""="',
])
def test_canned_query_parameters_are_bound(ds, db_path, hostile):
    before = query(db_path, "SELECT COUNT(*) FROM outlets")[0][0]
    for name, param in [("from_outlet", "outlet"), ("travelled_with", "leader"),
                        ("about_person", "person"), ("figures_for_metric", "metric")]:
        response = asyncio.run(ds.client.get(f"/{DB}/{name}.json",
                                             params={param: hostile, "_shape": "array"}))
        assert response.status_code == 200, (name, response.text)
        assert response.json() == [], name
    assert query(db_path, "SELECT COUNT(*) FROM outlets")[0][0] == before


def test_canned_query_parameter_filters(ds, db_path):
    outlet = query(db_path, "SELECT outlet, COUNT(*) FROM facts WHERE outlet IS NOT NULL "
                            "GROUP BY outlet ORDER BY 2 DESC LIMIT 1")[0]
    rows = asyncio.run(ds.client.get(f"/{DB}/from_outlet.json",
                                     params={"outlet": outlet[0], "_shape": "array"})).json()
    assert len(rows) == outlet[1] and {r["outlet"] for r in rows} == {outlet[0]}


def test_travelled_with_finds_a_leader_by_any_spelling(ds, db_path):
    spelling = query(db_path, "SELECT a.alias, COUNT(DISTINCT m.fact_id) FROM entourage_members m "
                              "JOIN fact_records r ON r.fact_id = m.fact_id "
                              "JOIN aliases a ON a.person_id = m.leader_id "
                              "WHERE r.status != 'rejected' GROUP BY a.alias LIMIT 1")
    if not spelling:
        pytest.skip("no entourage facts with a leader yet")
    rows = asyncio.run(ds.client.get(f"/{DB}/travelled_with.json",
                                     params={"leader": spelling[0][0], "_shape": "array"})).json()
    assert len(rows) == spelling[0][1]


def test_single_source_facts(ds, db_path):
    rows = get(ds, f"/{DB}/single_source_facts.json?_shape=array&_size=max").json()
    support = {r["fact_id"]: r for r in query(db_path, "SELECT * FROM fact_support")}
    assert rows
    for row in rows:
        s = support[row["fact_id"]]
        assert s["outlet_count"] <= 1 or s["independent_sources"] <= 1
    assert {r["fact_id"] for r in rows} >= {
        f for f, s in support.items() if s["outlet_count"] == 1 and s["status"] != "rejected"}


def test_venue_map_and_events_per_day_feed_the_pictures(ds, db_path):
    places = get(ds, f"/{DB}/venue_map.json?_shape=array").json()
    assert places and all(p["latitude"] is not None and p["longitude"] is not None
                          for p in places)
    assert "datasette-cluster-map" in get(ds, f"/{DB}/venue_map").text
    days = get(ds, f"/{DB}/events_per_day.json?_shape=array").json()
    assert days and list(days[0]) == ["date", "events"]
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert "datasette_vega" in get(ds, f"/{DB}/events_per_day").text


# --- evidence in context ----------------------------------------------------------------


def _a_fact_with_evidence(db_path):
    return query(db_path, "SELECT f.fact_id, f.quote, f.char_start, f.char_end, ev.document_id "
                          "FROM facts f JOIN evidence ev ON ev.id = f.evidence_id "
                          "ORDER BY f.char_start DESC LIMIT 1")[0]


def test_fact_query_cuts_the_evidence_out_of_the_article(ds, db_path):
    fact = _a_fact_with_evidence(db_path)
    rows = asyncio.run(ds.client.get(f"/{DB}/fact.json", params={
        "fact_id": fact["fact_id"], "_shape": "array"})).json()
    texts = {r["id"]: r["text"] for r in query(db_path, "SELECT id, text FROM documents")}
    assert rows
    for row in rows:
        text = texts[row["document_id"]]
        start, end = row["char_start"], row["char_end"]
        assert row["evidence"] == text[start:end]
        assert row["context_before"] == text[max(0, start - 400):start]
        assert row["context_after"] == text[end:end + 400]
    assert fact["quote"] in {r["evidence"] for r in rows}


def test_fact_page_highlights_the_sentence_and_links_the_article(ds, db_path):
    fact = _a_fact_with_evidence(db_path)
    page = asyncio.run(ds.client.get(f"/{DB}/fact", params={"fact_id": fact["fact_id"]})).text
    assert "<mark>" in page
    marked = [html.unescape(m.split("</mark>", 1)[0]) for m in page.split("<mark>")[1:]]
    assert fact["quote"] in marked
    link = (f'/{DB}/documents/{fact["document_id"]}'
            f'?highlight={fact["char_start"]}-{fact["char_end"]}#evidence')
    assert link in page


def test_fact_ids_link_to_the_fact_page(ds, db_path):
    fact_id = query(db_path, "SELECT fact_id FROM facts LIMIT 1")[0][0]
    page = get(ds, f"/{DB}/facts?fact_id={fact_id}").text
    assert f'href="/{DB}/fact?fact_id={fact_id}"' in page


def test_document_page_shows_the_full_text_with_the_span_marked(ds, db_path):
    fact = _a_fact_with_evidence(db_path)
    document = query(db_path, "SELECT text FROM documents WHERE id = ?", [fact["document_id"]])[0]
    page = get(ds, f"/{DB}/documents/{fact['document_id']}"
                   f"?highlight={fact['char_start']}-{fact['char_end']}").text
    assert '<mark id="evidence">' in page
    marked = page.split('<mark id="evidence">', 1)[1].split("</mark>", 1)[0]
    assert html.unescape(marked) in fact["quote"]
    # Every paragraph of the stored text is on the page.
    last_paragraph = document["text"].strip().split("\n\n")[-1].strip()
    assert last_paragraph.splitlines()[0] in html.unescape(page)
    assert page.count("<p>") >= document["text"].strip().count("\n\n") // 2


# --- served safely -----------------------------------------------------------------------


def test_database_is_immutable_and_writes_are_refused(ds, db_path):
    assert ds.databases[DB].is_mutable is False
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert get(ds, f"/{DB}.json?sql=DELETE+FROM+outlets").status_code == 400
    assert get(ds, f"/{DB}.json?sql=UPDATE+outlets+SET+name%3D1").status_code == 400
    for path, data in [(f"/{DB}", {"sql": "DELETE FROM outlets"}),
                       (f"/{DB}/from_outlet", {"outlet": "x"}),
                       (f"/{DB}/outlets", {"id": "x", "name": "x"}),
                       (f"/{DB}/outlets/-/insert", {"row": "{}"})]:
        response = post(ds, path, data)
        assert response.status_code == 405, path
    for method in ("PUT", "PATCH", "DELETE"):
        assert asyncio.run(ds.client.request(method, f"/{DB}/outlets")).status_code == 405
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest


def test_limits_are_set_and_no_writing_plugins(ds):
    settings = get(ds, "/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"] <= 5000
    assert settings["max_returned_rows"] == SETTINGS["max_returned_rows"]
    names = {p["name"] for p in get(ds, "/-/plugins.json").json()}
    assert "factdb.datasette_plugin" in names
    for word in ("write", "edit", "upload", "insert", "import", "delete", "auth-tokens"):
        assert not any(word in name for name in names), names


def test_robots_are_blocked(ds):
    robots = get(ds, "/robots.txt")
    assert robots.status_code == 200
    assert robots.text.splitlines() == ["User-agent: *", "Disallow: /"]
    for path in ("/", f"/{DB}/facts", f"/{DB}/facts.json"):
        assert get(ds, path).headers["x-robots-tag"] == "noindex, nofollow"


# --- rendering helpers -------------------------------------------------------------------


def test_document_html_escapes_and_marks_across_paragraphs():
    text = "First <b>para</b>.\nStill first.\n\nSecond & last."
    start, end = text.index("Still"), text.index("Second") + len("Second")
    out = str(document_html(text, start, end))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp; last" in out
    assert out.count("<p>") == 2
    assert '<mark id="evidence">Still first.</mark>' in out
    assert "<mark>Second</mark>" in out, "only the first piece carries the anchor"


def test_document_html_ignores_a_bad_span():
    text = "One paragraph."
    assert "<mark" not in str(document_html(text, 5, 500))
    assert "<mark" not in str(document_html(text, 7, 3))
    assert parse_highlight("3-9") == (3, 9)
    assert parse_highlight("9-3") is None and parse_highlight("x") is None


def test_context_html_trims_cut_words_and_shows_ellipses():
    before, sentence, after = "cut word then context. ", "The sentence.", " After it." + "x" * 400
    out = str(context_html(before, sentence, after, char_start=1000, window=400))
    assert out.startswith("<p>… word then context. <mark>The sentence.</mark>")
    assert out.rstrip("</p>").endswith("…")
    whole = str(context_html("Start. ", "Sentence.", " End.", char_start=7))
    assert "…" not in whole and "<mark>Sentence.</mark>" in whole
