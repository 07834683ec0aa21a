"""The Python API the CLI is a thin layer over: build, ingest, export.

A document walks read -> extract -> validate (the Pydantic models) and is
stored with its candidate facts in one transaction per document. Then the
whole database is resolved afresh (entities, merged facts, curated
decisions) and written in one more transaction. Documents already stored
are recognised by the sha256 of their text and skipped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import hashlib
from functools import lru_cache

from . import store
from .curated import load_dir
from .extract import extract
from .read import SUPPORTED_SUFFIXES, read_path, read_text, sha256_text
from .resolve import SourcedFact, resolve


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of the reading and extraction code: when it changes, stored documents are re-extracted."""
    package = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted([package / "read.py", *(package / "extract").glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    reextracted: list[str] = field(default_factory=list)
    facts: int = 0
    history: int = 0


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the supported files inside folders named, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or directory")
    return found


def _plain_text_sha256(path: Path) -> str | None:
    """The stored text's hash without reading the article, for plain-text files.

    Lets a re-run skip known documents cheaply; HTML is hashed after extraction.
    """
    if path.suffix.lower() not in (".txt", ".md"):
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return sha256_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def ingest(
    db_path: str | Path,
    paths: Iterable[str | Path],
    curated_dir: str | Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Add articles (skipping known ones), then re-resolve every fact.

    Without ``curated_dir`` the curated folder of the database's last
    resolution is applied again, so decisions survive a later ingest.
    """
    store.migrate(db_path)
    db = store.connect(db_path)
    report = IngestReport()
    try:
        if curated_dir is None:
            remembered = store.build_state(db, "curated_dir")
            curated_dir = remembered if remembered and Path(remembered).is_dir() else None
        version = extractor_version()
        known = store.known_hashes(db)
        for path in article_paths(paths):
            if known.get(_plain_text_sha256(path)) == version:
                report.skipped.append(path.name)
                if progress:
                    progress(path)
                continue
            article = read_path(path)
            if known.get(article.document.sha256) == version:
                report.skipped.append(path.name)
            else:
                store.add_document(db, article, extract(article), version)
                known[article.document.sha256] = version
                report.added.append(path.name)
            if progress:
                progress(path)
        # Documents stored by older extraction code are extracted again, from the stored text.
        for stored in store.outdated_documents(db, version):
            article = read_text(stored.pop("name"), stored.pop("text"), **stored)
            store.add_document(db, article, extract(article), version)
            report.reextracted.append(article.name)
        result = resolve_database(db, curated_dir)
        report.facts, report.history = result["facts"], result["history"]
    finally:
        db.close()
    return report


def _resolution_inputs(db, curated_dir: str | Path | None) -> str:
    """A fingerprint of everything resolution reads: documents, curated files, resolver code."""
    digest = hashlib.sha1()
    for sha, version in sorted(store.known_hashes(db).items()):
        digest.update(f"{sha}:{version}\n".encode())
    if curated_dir and Path(curated_dir).is_dir():
        for path in sorted(Path(curated_dir).glob("*.y*ml")):
            digest.update(path.name.encode() + path.read_bytes())
    for module in ("resolve.py", "store.py", "models.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def resolve_database(db, curated_dir: str | Path | None, force: bool = False) -> dict[str, int]:
    """Resolve every stored fact afresh, unless nothing it reads has changed since last time."""
    fingerprint = _resolution_inputs(db, curated_dir)
    if not force and store.build_state(db, "resolution_inputs") == fingerprint:
        return {"facts": store.fact_count(db), "history": 0}
    documents = store.load_documents(db)
    texts = {d["name"]: d["text"] for d in documents}
    curated = load_dir(Path(curated_dir), texts) if curated_dir else []
    sourced = [SourcedFact(fact, name, texts[name]) for name, fact in store.load_candidates(db)]
    for source, curated_file in curated:
        for fact in curated_file.facts:
            text = texts.get(fact.evidence[0].document, "") if fact.evidence else ""
            sourced.append(SourcedFact(fact, source, text))
    resolution = resolve(sourced, curated, [d["outlet"] for d in documents if d["outlet"]])
    state = {"resolution_inputs": fingerprint,
             "curated_dir": str(Path(curated_dir).resolve()) if curated_dir else ""}
    return store.write_resolution(db, resolution, state)


def build(db_path: str | Path, seeds_dir: str | Path = "seeds",
          progress: Callable[[Path], None] | None = None) -> IngestReport:
    """Create or upgrade the database and load ``seeds/articles`` and ``seeds/curated``."""
    seeds = Path(seeds_dir)
    if not (seeds / "articles").is_dir():
        raise FileNotFoundError(f"{seeds / 'articles'}: no seed articles folder")
    return ingest(db_path, [seeds / "articles"], seeds / "curated", progress)


EXPORT_FORMATS = ("csv", "json", "ndjson")


def fact_rows(db_path: str | Path, fact_type: str | None = None) -> Iterable[dict]:
    db = store.connect(db_path)
    try:
        sql = "SELECT * FROM facts"
        params: dict = {}
        if fact_type:
            sql += " WHERE fact_type = :fact_type"
            params["fact_type"] = fact_type
        sql += " ORDER BY fact_type, fact_id, document, char_start"
        yield from db.query(sql, params)
    finally:
        db.close()


def export(db_path: str | Path, fmt: str, out: io.TextIOBase, fact_type: str | None = None) -> int:
    """Write rows of the ``facts`` view as csv, json or ndjson; returns the row count."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    rows = fact_rows(db_path, fact_type)
    count = 0
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            count += 1
        if writer is None:
            csv.writer(out).writerow(store.FACTS_COLUMNS)
    elif fmt == "ndjson":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    else:
        out.write("[")
        for row in rows:
            out.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            count += 1
        out.write("\n]\n")
    return count
