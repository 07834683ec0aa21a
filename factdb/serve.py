"""Serve room: the database in Datasette, read-only.

The file is opened immutable (no writes, no locking), with factdb's metadata,
templates and static files from ``datasette/`` and factdb's own small plugin
(:mod:`factdb.datasette_plugin`: robots blocked, facts linked to their
evidence in context).

``datasette/metadata.yml`` describes the database under the key ``factdb``;
Datasette names a database after its file's stem, so the metadata is
re-keyed to whatever file is served.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import yaml

from .db import datasette_dir

METADATA_DATABASE_KEY = "factdb"

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 5000,
    "default_page_size": 100,
    "allow_download": True,
    "allow_csv_stream": True,
    "max_csv_mb": 100,
    "default_cache_ttl": 60,
}


def load_metadata(db_path: str | Path | None = None) -> dict:
    """metadata.yml, adapted to the database at ``db_path`` when one is given."""
    path = datasette_dir() / "metadata.yml"
    metadata = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    metadata = metadata or {}
    if db_path is not None:
        metadata = for_database(metadata, Path(db_path))
    return metadata


def for_database(metadata: dict, db_path: Path) -> dict:
    """Re-key the database section to the file's stem and fill in its URL.

    Search settings naming a column the file lacks (an older view) are
    dropped, so a search box never leads to an SQL error.
    """
    from datasette.utils import tilde_encode

    metadata = copy.deepcopy(metadata)
    name = db_path.stem
    databases = metadata.get("databases") or {}
    if METADATA_DATABASE_KEY in databases and name != METADATA_DATABASE_KEY:
        databases[name] = databases.pop(METADATA_DATABASE_KEY)
    tables = (databases.get(name) or {}).get("tables") or {}
    columns = _columns(db_path)
    for table, table_metadata in tables.items():
        fts_pk = table_metadata.get("fts_pk")
        if fts_pk and fts_pk not in columns.get(table, set()):
            table_metadata.pop("fts_pk")
            table_metadata.pop("fts_table", None)
    return _fill_urls(metadata, "/" + tilde_encode(name))


def _columns(db_path: Path) -> dict[str, set[str]]:
    if not db_path.exists():
        return {}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
        return {n: {r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", [n])}
                for n in names}
    finally:
        conn.close()


def _fill_urls(value, db_url: str, key: str = ""):
    if isinstance(value, dict):
        return {k: _fill_urls(v, db_url, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill_urls(v, db_url, key) for v in value]
    if isinstance(value, str) and key.endswith("_html"):
        return value.replace("{db_url}", db_url)
    return value


def _register_plugin() -> None:
    from datasette.plugins import pm

    from . import datasette_plugin

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="factdb")


def datasette_app(db_path: str | Path):
    """A configured Datasette instance (also what the tests drive)."""
    from datasette.app import Datasette

    _register_plugin()
    directory = datasette_dir()
    templates = directory / "templates"
    static = directory / "static"
    return Datasette(
        immutables=[str(db_path)],
        metadata=load_metadata(db_path),
        settings=SETTINGS,
        template_dir=str(templates) if templates.is_dir() else None,
        static_mounts=[("static", str(static))] if static.is_dir() else [],
    )


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    import uvicorn

    uvicorn.run(datasette_app(db_path).app(), host=host, port=port, log_level="warning")
