"""factdb build, ingest and export on the real seed articles, end to end."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys

import pytest

from factdb import pipeline
from factdb.curated import CuratedError
from factdb.models import FACT_TYPES
from factdb.store import FACTS_COLUMNS


def rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_build_yields_facts_of_every_kind(built_db):
    kinds = {r["fact_type"] for r in rows(built_db, "SELECT DISTINCT fact_type FROM facts")}
    assert kinds == set(FACT_TYPES)


def test_facts_view_has_the_contract_columns(built_db):
    conn = sqlite3.connect(built_db)
    columns = [d[0] for d in conn.execute("SELECT * FROM facts LIMIT 0").description]
    assert columns[: len(FACTS_COLUMNS)] == list(FACTS_COLUMNS)


def test_every_evidence_span_slices_to_its_sentence(built_db):
    checked = rows(built_db, """
        SELECT ev.sentence, substr(d.text, ev.char_start + 1, ev.char_end - ev.char_start) AS slice,
               ev.raw, substr(d.text, ev.value_start + 1, ev.value_end - ev.value_start) AS value_slice
        FROM evidence ev JOIN documents d ON d.id = ev.document_id""")
    assert checked
    for row in checked:
        assert row["slice"] == row["sentence"]
        if row["raw"] is not None and row["value_slice"] is not None:
            assert row["value_slice"] == row["raw"]


def test_documents_keep_their_full_text_and_hash(built_db, seeds_dir):
    stored = {r["name"]: r for r in rows(built_db, "SELECT name, text, sha256 FROM documents")}
    for path in (seeds_dir / "articles").iterdir():
        assert stored[path.name]["text"] == path.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_rebuild_keeps_every_fact_id_and_adds_no_row(tmp_path, seeds_dir):
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_dir)
    tables = ["documents", "fact_records", "evidence", "people", "places", "aliases", "facts"]
    before = {t: rows(path, f"SELECT * FROM {t} ORDER BY 1") for t in tables}
    report = pipeline.build(path, seeds_dir)
    assert report.added == [] and len(report.skipped) == 5 and report.history == 0
    assert {t: rows(path, f"SELECT * FROM {t} ORDER BY 1") for t in tables} == before
    fresh = tmp_path / "fresh.db"
    pipeline.build(fresh, seeds_dir)
    ids = "SELECT fact_id FROM fact_records ORDER BY 1"
    assert rows(fresh, ids) == rows(path, ids)


def test_history_records_first_appearance_of_each_fact(built_db):
    (count,) = rows(built_db, "SELECT COUNT(DISTINCT fact_id) AS n FROM fact_history")[0].values()
    (facts,) = rows(built_db, "SELECT COUNT(*) AS n FROM fact_records")[0].values()
    assert count == facts


def test_bad_curated_record_names_file_record_and_field_and_writes_nothing(tmp_path, seeds_copy):
    (seeds_copy / "curated" / "zz_bad.yaml").write_text(
        "facts:\n  - fact_type: figure\n    metric: trade\n    raw: lots\n    value: many\n"
        "    unit: USD\n", encoding="utf-8")
    path = tmp_path / "f.db"
    with pytest.raises(CuratedError) as error:
        pipeline.build(path, seeds_copy)
    message = str(error.value)
    assert "zz_bad.yaml" in message and "facts[0]" in message and "value" in message
    assert rows(path, "SELECT COUNT(*) AS n FROM fact_records")[0]["n"] == 0


def test_curated_evidence_sentence_must_exist_in_the_document(tmp_path, seeds_copy):
    name = sorted((seeds_copy / "articles").iterdir())[0].name
    (seeds_copy / "curated" / "zz_bad.yaml").write_text(
        "facts:\n  - fact_type: menu_item\n    dish: imaginary pie\n    evidence:\n"
        f"      - document: {name}\n        sentence: This sentence is in no article.\n",
        encoding="utf-8")
    with pytest.raises(CuratedError, match=r"zz_bad.yaml: facts\[0\].evidence\[0\].sentence"):
        pipeline.build(tmp_path / "f.db", seeds_copy)


def test_unreadable_article_fails_without_half_writing(tmp_path, seeds_dir):
    path = tmp_path / "f.db"
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe not utf-8 \xff")
    with pytest.raises(ValueError, match="broken.txt"):
        pipeline.ingest(path, [seeds_dir / "articles", bad])
    assert rows(path, "SELECT COUNT(*) AS n FROM documents")[0]["n"] == 5
    assert rows(path, "SELECT COUNT(*) AS n FROM fact_records")[0]["n"] == 0


def test_export_formats_parse_and_match_the_view(built_db):
    view = rows(built_db, "SELECT * FROM facts ORDER BY fact_type, fact_id, document, char_start")
    out = io.StringIO()
    assert pipeline.export(built_db, "json", out) == len(view)
    assert json.loads(out.getvalue()) == view
    out = io.StringIO()
    pipeline.export(built_db, "ndjson", out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == view
    out = io.StringIO()
    pipeline.export(built_db, "csv", out)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["fact_id"] for r in parsed] == [r["fact_id"] for r in view]
    assert list(parsed[0])[: len(FACTS_COLUMNS)] == list(FACTS_COLUMNS)


def test_cli_export_filters_by_type_and_works_from_any_directory(built_db, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "factdb", "export", "--format", "ndjson", "--type", "figure",
         "--db", str(built_db)],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert exported and {r["fact_type"] for r in exported} == {"figure"}


def test_cli_reports_errors_in_one_line_with_non_zero_exit(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "factdb", "ingest", str(tmp_path / "missing.txt"),
         "--db", str(tmp_path / "f.db")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
