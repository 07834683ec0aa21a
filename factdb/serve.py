"""Serve room: the database in Datasette, read-only.

The file is opened immutable (no writes, no locking), with factdb's metadata,
templates and static files from ``datasette/``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .db import datasette_dir

SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 5000,
    "allow_download": True,
    "default_page_size": 100,
}


def load_metadata() -> dict:
    path = datasette_dir() / "metadata.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def datasette_app(db_path: str | Path):
    """A configured Datasette instance (also what the tests drive)."""
    from datasette.app import Datasette

    directory = datasette_dir()
    templates = directory / "templates"
    static = directory / "static"
    return Datasette(
        immutables=[str(db_path)],
        metadata=load_metadata(),
        settings=SETTINGS,
        template_dir=str(templates) if templates.is_dir() else None,
        static_mounts=[("static", str(static))] if static.is_dir() else [],
    )


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    import uvicorn

    uvicorn.run(datasette_app(db_path).app(), host=host, port=port, log_level="warning")
