"""Store room: write documents, candidates and resolved facts to SQLite.

Alembic (:mod:`factdb.db`) creates and migrates the tables; this module
writes rows with sqlite-utils inside ``db.atomic()`` transactions, and
re-creates the derived objects (views, full-text search) after migrations.

The ``facts`` view is a public contract: exports and outside tools read its
columns. Add columns; never rename or drop one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from . import db as database
from pydantic import TypeAdapter

from .models import Evidence, Fact, FactBase
from .read import Article
from .resolve import Resolution, ResolvedFact, entity_id, normalize_text, stable_id

KIND_TABLES = {
    "entourage_member": "entourage_members",
    "event": "events",
    "venue": "venues",
    "figure": "figures",
    "menu_item": "menu_items",
    "quote": "quotes",
}

FACTS_COLUMNS = (
    "fact_id", "fact_type", "subject", "detail", "value", "value_number", "unit", "date",
    "date_precision", "present", "status", "origin", "document", "outlet", "quote",
    "char_start", "char_end",
)

VIEWS = {
    "facts": """
WITH kinds AS (
    SELECT m.fact_id, p.name AS subject, m.role AS detail, l.name AS value,
           NULL AS value_number, NULL AS unit, NULL AS date, NULL AS date_precision,
           m.present AS present
    FROM entourage_members m
    JOIN people p ON p.id = m.person_id
    LEFT JOIN people l ON l.id = m.leader_id
    UNION ALL
    SELECT e.fact_id, e.description, e.event_type, COALESCE(e.date_display, e.date_text),
           NULL, NULL, e.date, e.date_precision, NULL
    FROM events e
    UNION ALL
    SELECT v.fact_id, pl.name, v.activity, pl.place_type, NULL, NULL, NULL, NULL, NULL
    FROM venues v JOIN places pl ON pl.id = v.place_id
    UNION ALL
    SELECT f.fact_id, f.metric, f.raw, f.display, f.value, f.unit,
           CASE WHEN f.period GLOB '[0-9][0-9][0-9][0-9]' THEN f.period END,
           CASE WHEN f.period GLOB '[0-9][0-9][0-9][0-9]' THEN 'year' END, NULL
    FROM figures f
    UNION ALL
    SELECT mi.fact_id, mi.dish, mi.course, mi.meal, NULL, NULL, NULL, NULL, NULL
    FROM menu_items mi
    UNION ALL
    SELECT q.fact_id, COALESCE(sp.name, q.speaker), q.text,
           TRIM(COALESCE(q.verb, '') ||
                CASE WHEN q.via_interpreter THEN ' (through an interpreter)' ELSE '' END),
           NULL, NULL, NULL, NULL, NULL
    FROM quotes q LEFT JOIN people sp ON sp.id = q.speaker_id
)
SELECT r.fact_id, r.fact_type, k.subject, k.detail, k.value, k.value_number, k.unit,
       k.date, k.date_precision, k.present, r.status, r.origin,
       d.name AS document, o.name AS outlet, ev.sentence AS quote,
       ev.char_start, ev.char_end,
       ev.id AS evidence_id, ev.raw, ev.value_start, ev.value_end, ev.cited_source,
       ev.extractor, ev.confidence, ev.origin AS evidence_origin,
       d.published, d.title AS document_title, r.topic, r.status_reason,
       ev.rowid AS evidence_rowid, d.id AS document_id
FROM fact_records r
JOIN kinds k ON k.fact_id = r.fact_id
LEFT JOIN evidence ev ON ev.fact_id = r.fact_id
LEFT JOIN documents d ON d.id = ev.document_id
LEFT JOIN outlets o ON o.id = d.outlet_id
""",
    "fact_support": """
SELECT r.fact_id, r.fact_type, r.status,
       COUNT(ev.id) AS evidence_count,
       COUNT(DISTINCT ev.document_id) AS document_count,
       COUNT(DISTINCT d.outlet_id) AS outlet_count,
       COUNT(DISTINCT ev.sentence_key) AS independent_sources,
       MIN(d.published) AS earliest_published
FROM fact_records r
LEFT JOIN evidence ev ON ev.fact_id = r.fact_id
LEFT JOIN documents d ON d.id = ev.document_id
GROUP BY r.fact_id
""",
    "conflicts": """
SELECT f.topic, f.fact_id, f.fact_type, f.subject, f.value, f.value_number, f.unit,
       f.date, f.status, f.document, f.outlet, f.quote, f.char_start, f.char_end
FROM facts f
WHERE f.topic IN (
    SELECT topic FROM fact_records WHERE status != 'rejected'
    GROUP BY topic HAVING COUNT(*) > 1
)
ORDER BY f.topic, f.value
""",
    "timeline": """
SELECT e.fact_id, e.date, e.date_precision, COALESCE(e.date_display, e.date_text) AS "when",
       e.description, e.event_type, pl.name AS venue, r.status,
       s.outlet_count, s.document_count
FROM events e
JOIN fact_records r ON r.fact_id = e.fact_id
LEFT JOIN places pl ON pl.id = e.place_id
LEFT JOIN fact_support s ON s.fact_id = e.fact_id
WHERE r.status != 'rejected' AND e.date IS NOT NULL
ORDER BY e.date, e.date_precision DESC, e.description
""",
}

FTS = {
    "documents": ["title", "text"],
    "evidence": ["sentence", "cited_source"],
    "quotes": ["text", "speaker"],
}

_FACT_ADAPTER = TypeAdapter(Fact)


def connect(path: str | Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(str(path))
    db.execute("PRAGMA foreign_keys=ON")
    return db


def migrate(path: str | Path) -> None:
    """Bring the file to the newest schema, then re-create views and FTS."""
    database.upgrade(path)
    db = connect(path)
    try:
        refresh_derived(db)
    finally:
        db.close()


def refresh_derived(db: sqlite_utils.Database) -> None:
    for name in reversed(list(VIEWS)):
        db.execute(f"DROP VIEW IF EXISTS [{name}]")
    for name, sql in VIEWS.items():
        db.create_view(name, sql)
    for table, columns in FTS.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)


def known_hashes(db: sqlite_utils.Database) -> dict[str, str]:
    """sha256 of every stored document's text -> the extractor version that read it."""
    return dict(db.execute("SELECT sha256, extractor_version FROM documents").fetchall())


def outdated_documents(db: sqlite_utils.Database, version: str) -> list[dict]:
    """Stored documents extracted by other code than ``version``, with what is known of them."""
    return [
        {"name": r["name"], "text": r["text"], "title": r["title"], "outlet": r["outlet"],
         "published": r["published"], "url": r["url"]}
        for r in db.query(
            "SELECT d.*, o.name AS outlet FROM documents d LEFT JOIN outlets o "
            "ON o.id = d.outlet_id WHERE d.extractor_version != ? ORDER BY d.name", [version])
    ]


def outlet_id(name: str) -> str:
    return entity_id("outlet", name)


def add_document(db: sqlite_utils.Database, article: Article, facts: list[FactBase],
                 extractor_version: str) -> str:
    """Store one article and its extracted candidates in one transaction.

    A document stored before (same text) gets its row and candidates replaced.
    """
    doc = article.document
    document_id = doc.sha256[:16]
    with db.atomic():
        if doc.outlet:
            db["outlets"].insert(
                {"id": outlet_id(doc.outlet), "name": doc.outlet, "domain": None}, ignore=True
            )
        # An edited article keeps its file name: its old version goes, evidence included
        # (resolution, which runs after ingest, rebuilds the evidence table).
        for (old_id,) in db.execute(
            "SELECT id FROM documents WHERE name = ? AND id != ?", [doc.name, document_id]
        ).fetchall():
            db.execute("DELETE FROM evidence WHERE document_id = ?", [old_id])
            db.execute("DELETE FROM documents WHERE id = ?", [old_id])
        db.execute("DELETE FROM candidates WHERE document_id = ?", [document_id])
        db["documents"].upsert({
            "id": document_id, "name": doc.name, "title": doc.title,
            "outlet_id": outlet_id(doc.outlet) if doc.outlet else None,
            "published": doc.published.isoformat() if doc.published else None,
            "url": doc.url, "text": doc.text, "sha256": doc.sha256,
            "extractor_version": extractor_version,
        }, pk="id")
        db["candidates"].insert_all(
            {"document_id": document_id, "fact_type": f.fact_type, "payload": f.model_dump_json()}
            for f in facts
        )
    return document_id


def load_documents(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query(
        "SELECT d.id, d.name, d.text, o.name AS outlet FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY d.name"
    ))


def load_candidates(db: sqlite_utils.Database) -> list[tuple[str, FactBase]]:
    return [
        (row["name"], _FACT_ADAPTER.validate_json(row["payload"]))
        for row in db.query(
            "SELECT d.name, c.payload FROM candidates c JOIN documents d ON d.id = c.document_id "
            "ORDER BY d.name, c.id"
        )
    ]


def _fact_signature(db: sqlite_utils.Database) -> dict[str, dict]:
    """Status and kind-row values of every stored fact, for the history table."""
    signature = {
        row["fact_id"]: {"status": row["status"]}
        for row in db.query("SELECT fact_id, status FROM fact_records")
    }
    for table in KIND_TABLES.values():
        for row in db.query(f"SELECT * FROM [{table}]"):
            fact_id = row.pop("fact_id")
            if fact_id in signature:
                signature[fact_id]["row"] = row
    return signature


def _comparable(row: dict) -> dict:
    return {k: (int(v) if isinstance(v, bool) else v) for k, v in row.items()}


def build_state(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM build_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def fact_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COUNT(*) FROM fact_records").fetchone()[0]


def write_resolution(db: sqlite_utils.Database, resolution: Resolution,
                     state: dict[str, str] | None = None) -> dict[str, int]:
    """Replace entities and facts with a fresh resolution, logging what changed.

    Ids are content-derived, so an unchanged input rewrites identical rows;
    history gets a row only for a fact that appears, disappears, or changes
    status or value.
    """
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    documents = {row["name"]: row["id"] for row in db.query("SELECT id, name FROM documents")}
    with db.atomic():
        before = _fact_signature(db)
        for table in ["evidence", *KIND_TABLES.values(), "fact_records", "aliases",
                      "resolution_decisions"]:
            db.execute(f"DELETE FROM [{table}]")
        # Entities no longer referenced go too; documents keep their outlets.
        db.execute("DELETE FROM people")
        db.execute("DELETE FROM places")
        db.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM documents "
                   "WHERE outlet_id IS NOT NULL)")
        db["people"].insert_all(
            {"id": e.id, "name": e.name, "wikidata": e.attributes.get("wikidata"),
             "description": e.attributes.get("description")}
            for e in resolution.people
        )
        db["places"].insert_all(
            {"id": e.id, "name": e.name, "place_type": e.attributes.get("place_type"),
             "latitude": e.attributes.get("latitude"), "longitude": e.attributes.get("longitude"),
             "wikidata": e.attributes.get("wikidata")}
            for e in resolution.places
        )
        db["outlets"].upsert_all(
            ({"id": e.id, "name": e.name, "domain": e.attributes.get("domain")}
             for e in resolution.outlets),
            pk="id",
        )
        db["aliases"].insert_all(_alias_rows(resolution))
        db["resolution_decisions"].insert_all(
            {"entity_type": d.entity_type, "mention": d.mention, "entity_id": d.entity_id,
             "decision": d.decision, "rule": d.rule, "score": d.score, "reason": d.reason}
            for d in resolution.decisions
        )
        facts = list(resolution.facts.values())
        db["fact_records"].insert_all(
            {"fact_id": f.fact_id, "fact_type": f.fact_type, "status": f.status,
             "origin": f.origin, "topic": f.topic, "status_reason": f.status_reason}
            for f in facts
        )
        for kind, table in KIND_TABLES.items():
            db[table].insert_all(
                {"fact_id": f.fact_id, **f.row} for f in facts if f.fact_type == kind
            )
        db["evidence"].insert_all(
            _evidence_row(f, ev, documents) for f in facts for ev in f.evidence
        )
        history = list(_history_rows(before, facts, now))
        db["fact_history"].insert_all(history)
        db["build_state"].upsert_all(
            ({"key": k, "value": v} for k, v in (state or {}).items()), pk="key")
    return {"facts": len(facts), "history": len(history)}


def _alias_rows(resolution: Resolution):
    column = {"person": "person_id", "place": "place_id", "outlet": "outlet_id"}
    for entities in (resolution.people, resolution.places, resolution.outlets):
        for entity in entities:
            for alias in sorted(entity.aliases | {entity.name}):
                yield {"entity_type": entity.entity_type, "alias": alias,
                       "person_id": None, "place_id": None, "outlet_id": None,
                       column[entity.entity_type]: entity.id}


def _evidence_row(fact: ResolvedFact, ev: Evidence, documents: dict[str, str]) -> dict:
    if ev.document not in documents:
        raise ValueError(f"fact {fact.fact_id}: evidence names unknown document {ev.document!r}")
    document_id = documents[ev.document]
    return {
        "id": stable_id("ev", fact.fact_id, document_id, ev.char_start, ev.char_end),
        "fact_id": fact.fact_id, "document_id": document_id,
        "char_start": ev.char_start, "char_end": ev.char_end, "sentence": ev.sentence,
        "sentence_key": hashlib.sha1(normalize_text(ev.sentence).encode()).hexdigest()[:16],
        "value_start": ev.value_start, "value_end": ev.value_end, "raw": ev.raw,
        "cited_source": ev.cited_source, "extractor": ev.extractor,
        "confidence": ev.confidence,
        "origin": "curated" if ev.extractor == "curated" else "extracted",
    }


def _history_rows(before: dict[str, dict], facts: list[ResolvedFact], now: str):
    after_ids = set()
    for fact in facts:
        after_ids.add(fact.fact_id)
        source = fact.decision_source or "resolve"
        old = before.get(fact.fact_id)
        if old is None:
            yield _history(fact.fact_id, "status", None, fact.status, now,
                           fact.status_reason or "first seen", source)
            continue
        if old["status"] != fact.status:
            yield _history(fact.fact_id, "status", old["status"], fact.status, now,
                           fact.status_reason, source)
        old_row = _comparable(old.get("row", {}))
        for key, value in _comparable(fact.row).items():
            if old_row.get(key) != value:
                yield _history(fact.fact_id, key, old_row.get(key), value, now,
                               fact.status_reason, source)
    for fact_id in sorted(set(before) - after_ids):
        yield _history(fact_id, "status", before[fact_id]["status"], None, now,
                       "no longer supported by any document or curated file", "resolve")


def _history(fact_id, field, old, new, now, reason, source) -> dict:
    encode = lambda v: v if v is None or isinstance(v, str) else json.dumps(v)  # noqa: E731
    return {"fact_id": fact_id, "field": field, "old_value": encode(old),
            "new_value": encode(new), "changed_at": now, "reason": reason, "source": source}
