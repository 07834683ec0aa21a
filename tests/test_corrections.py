"""Curated decisions stick across rebuilds, and every change lands in fact_history."""

from __future__ import annotations

import sqlite3

import pytest

from factdb import pipeline
from factdb.resolve import UnknownFactError


def query(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def a_fact(path, fact_type):
    rows = query(path, "SELECT fact_id FROM fact_records WHERE fact_type = ? "
                       "AND status = 'extracted' ORDER BY fact_id LIMIT 1", [fact_type])
    assert rows, f"the seeds should yield an extracted {fact_type}"
    return rows[0]["fact_id"]


def test_rejection_survives_rebuilds_and_is_logged(tmp_path, seeds_copy):
    first = tmp_path / "first.db"
    pipeline.build(first, seeds_copy)
    fact_id = a_fact(first, "figure")
    (seeds_copy / "curated" / "zz_decisions.yaml").write_text(
        f"fact_decisions:\n  - fact_id: {fact_id}\n    action: reject\n"
        "    reason: misread by the extractor\n", encoding="utf-8")

    pipeline.build(first, seeds_copy)
    pipeline.build(first, seeds_copy)
    fresh = tmp_path / "fresh.db"
    pipeline.build(fresh, seeds_copy)

    for path in (first, fresh):
        (record,) = query(path, "SELECT status, status_reason FROM fact_records WHERE fact_id = ?",
                          [fact_id])
        assert record == {"status": "rejected", "status_reason": "misread by the extractor"}
    changes = query(first, "SELECT old_value, new_value, source FROM fact_history "
                           "WHERE fact_id = ? AND field = 'status' ORDER BY id", [fact_id])
    assert changes[-1] == {"old_value": "extracted", "new_value": "rejected",
                           "source": "zz_decisions.yaml"}
    assert len([c for c in changes if c["new_value"] == "rejected"]) == 1  # logged once


def test_correction_changes_the_value_and_records_from_and_to(tmp_path, seeds_copy):
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_copy)
    fact_id = a_fact(path, "menu_item")
    (old,) = query(path, "SELECT course FROM menu_items WHERE fact_id = ?", [fact_id])
    (seeds_copy / "curated" / "zz_fix.yaml").write_text(
        f"fact_decisions:\n  - fact_id: {fact_id}\n    action: correct\n"
        "    reason: the menu card says so\n    changes: {course: second course}\n",
        encoding="utf-8")
    pipeline.build(path, seeds_copy)
    (row,) = query(path, "SELECT m.course, r.status FROM menu_items m JOIN fact_records r "
                         "USING (fact_id) WHERE fact_id = ?", [fact_id])
    assert row == {"course": "second course", "status": "confirmed"}
    (change,) = query(path, "SELECT old_value, new_value FROM fact_history "
                            "WHERE fact_id = ? AND field = 'course'", [fact_id])
    assert change == {"old_value": old["course"], "new_value": "second course"}


def test_decision_about_an_unknown_fact_fails_the_build(tmp_path, seeds_copy):
    (seeds_copy / "curated" / "zz_decisions.yaml").write_text(
        "fact_decisions:\n  - fact_id: fig_000000000000\n    action: confirm\n"
        "    reason: typo\n", encoding="utf-8")
    with pytest.raises(UnknownFactError, match="zz_decisions.yaml"):
        pipeline.build(tmp_path / "f.db", seeds_copy)


def test_curated_decisions_survive_a_later_ingest(tmp_path, seeds_copy):
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_copy)
    fact_id = a_fact(path, "quote")
    (seeds_copy / "curated" / "zz_decisions.yaml").write_text(
        f"fact_decisions:\n  - fact_id: {fact_id}\n    action: reject\n    reason: misattributed\n",
        encoding="utf-8")
    pipeline.build(path, seeds_copy)
    extra = tmp_path / "later.txt"
    extra.write_text("Talks resume\n\nMay 2, 2019\n\nThe envoy arrived in Lima on Tuesday.\n",
                     encoding="utf-8")
    report = pipeline.ingest(path, [extra])  # no curated folder named: the build's is reused
    assert report.added == ["later.txt"]
    (record,) = query(path, "SELECT status FROM fact_records WHERE fact_id = ?", [fact_id])
    assert record["status"] == "rejected"
