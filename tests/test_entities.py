"""Issue 4 on the real seeds: one entity per person, corroboration, conflicts, timeline."""

from __future__ import annotations

import sqlite3

from factdb import pipeline


def query(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def person_of(path, alias):
    rows = query(path, "SELECT person_id FROM aliases WHERE alias = ?", [alias])
    return {r["person_id"] for r in rows}


def test_spelling_variants_merge_by_rule_without_curated_help(tmp_path, seeds_copy):
    (seeds_copy / "curated" / "entities.yaml").unlink()
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_copy)
    assert person_of(path, "Kim Chang-son") == person_of(path, "Kim Chang Son") != set()
    assert person_of(path, "Yury Ushakov") == person_of(path, "Yuri Ushakov") != set()
    rules = {r["rule"] for r in query(
        path, "SELECT rule FROM resolution_decisions WHERE decision = 'link' "
              "AND mention IN ('Yury Ushakov', 'Yuri Ushakov')")}
    assert rules == {"transliteration-variant"}


def test_people_sharing_a_surname_stay_apart(built_db):
    names = ["Kim Jong Un", "Kim Yo Jong", "Kim Yong Chol", "Kim Chang Son"]
    ids = [person_of(built_db, n) for n in names]
    assert all(len(i) == 1 for i in ids)
    assert len(set.union(*ids)) == len(names)


def test_curated_split_keeps_two_spellings_apart(tmp_path, seeds_copy):
    (seeds_copy / "curated" / "entities.yaml").unlink()
    (seeds_copy / "curated" / "split.yaml").write_text(
        "entity_decisions:\n  - entity_type: person\n    action: split\n"
        "    names: [Yuri Ushakov, Yury Ushakov]\n    reason: test of a negative decision\n",
        encoding="utf-8")
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_copy)
    assert person_of(path, "Yury Ushakov") != person_of(path, "Yuri Ushakov")
    assert query(path, "SELECT COUNT(*) AS n FROM resolution_decisions "
                       "WHERE decision = 'keep-apart'")[0]["n"] >= 1


def test_corroboration_counts_documents_and_outlets(built_db):
    (support,) = query(built_db, """
        SELECT s.* FROM fact_support s JOIN entourage_members m USING (fact_id)
        JOIN aliases a ON a.person_id = m.person_id AND a.alias = 'Kim Chang Son'""")
    # 000 and 001 are both The Moscow Times; 002 is Korea JoongAng Daily.
    assert support["document_count"] == 3
    assert support["outlet_count"] == 2
    assert support["earliest_published"] == "2019-04-23"


def test_wire_copies_count_as_one_independent_source(tmp_path, seeds_dir):
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_dir)
    source = (seeds_dir / "articles" / "001_430a555e82b18ee5.txt").read_text(encoding="utf-8")
    copy = tmp_path / "wire_copy.txt"
    copy.write_text("Syndicated copy\n\nFrom Another Paper\n\n" + source, encoding="utf-8")
    pipeline.ingest(path, [copy])
    rows = query(path, """
        SELECT s.document_count, s.independent_sources FROM fact_support s
        JOIN entourage_members m USING (fact_id) JOIN people p ON p.id = m.person_id
        WHERE p.name = 'Choe Son Hui'""")
    assert rows == [{"document_count": 2, "independent_sources": 1}]


def test_disagreeing_years_of_one_event_are_a_conflict(tmp_path, seeds_copy):
    (seeds_copy / "curated" / "facts.yaml").unlink()  # the decision that settles it
    path = tmp_path / "f.db"
    pipeline.build(path, seeds_copy)
    conflict = query(path, "SELECT topic, date, document, status FROM conflicts "
                           "WHERE fact_type = 'event'")
    by_topic = {}
    for row in conflict:
        by_topic.setdefault(row["topic"], []).append(row)
    years = [sorted({r["date"] for r in rows}) for rows in by_topic.values()]
    assert ["2008", "2009"] in years
    assert all(r["status"] == "disputed" for r in conflict)


def test_a_curated_decision_settles_the_conflict(built_db):
    statuses = {r["date"]: r["status"] for r in query(built_db, """
        SELECT e.date, r.status FROM events e JOIN fact_records r USING (fact_id)
        WHERE r.status_reason LIKE '%talks%December 2008%'""")}
    assert statuses == {"2008": "confirmed", "2009": "rejected"}
    assert not query(built_db, "SELECT * FROM conflicts WHERE date IN ('2008', '2009')")


def test_curated_fact_restating_an_extracted_one_adds_evidence_not_a_fact(built_db):
    rows = query(built_db, """
        SELECT f.status, f.document, f.evidence_origin FROM facts f
        WHERE f.fact_type = 'event' AND f.date = '2019-04-25' AND f.status = 'confirmed'""")
    assert {r["evidence_origin"] for r in rows} == {"extracted", "curated"}
    assert len({r["document"] for r in rows}) >= 2


def test_timeline_is_ordered_and_written_as_a_reporter_would(built_db):
    rows = query(built_db, 'SELECT date, date_precision, "when" FROM timeline')
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    shown = {(r["date"], r["when"]) for r in rows}
    assert ("2019-04-25", "25 April 2019") in shown
    assert ("2011", "2011") in shown
