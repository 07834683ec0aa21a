"""The SQLite file: engines with foreign keys on, and Alembic migrations.

Alembic owns every table. Views and full-text search indexes are derived
objects that :func:`factdb.store.refresh_derived` re-creates after each
upgrade, so autogenerate is told to ignore them (:func:`include_name`).
"""

from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

DEFAULT_DB = "factdb.db"


def default_db_path() -> Path:
    return Path(os.environ.get("FACTDB_DB", DEFAULT_DB))


@event.listens_for(Engine, "connect")
def sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys are off by default in SQLite; factdb relies on them."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def include_name(name, type_, parent_names) -> bool:
    """Keep FTS tables (and their shadow tables) out of autogenerate."""
    if type_ == "table" and name is not None:
        return "_fts" not in name
    return True


def engine_for(path: str | Path) -> Engine:
    return create_engine(f"sqlite:///{Path(path)}")


def migrations_dir() -> Path:
    return Path(str(resources.files("factdb.migrations")))


def datasette_dir() -> Path:
    """Metadata, templates and static files for Datasette, beside the migrations.

    ``datasette/`` cannot be a package (it would shadow the datasette library
    when run from the checkout), so it is found from the installed migrations.
    """
    return migrations_dir().parent / "datasette"


def seeds_dir() -> Path:
    """The project's seeds (articles and curated facts), found like the migrations."""
    return migrations_dir().parent / "seeds"


def alembic_config(path: str | Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{Path(path)}")
    return config


def drop_derived(path: str | Path) -> None:
    """Drop views and full-text indexes before a migration.

    Batch migrations copy and rename tables, which breaks views and triggers
    that name them; :func:`factdb.store.refresh_derived` re-creates them after.
    """
    if not Path(path).exists():
        return
    connection = sqlite3.connect(path)
    try:
        objects = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') "
            "OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING FTS%')"
        ).fetchall()
        for kind, name in objects:
            connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        connection.commit()
    finally:
        connection.close()


def upgrade(path: str | Path, revision: str = "head") -> None:
    if current_revision(path) == revision or (
        revision == "head" and Path(path).exists() and current_revision(path) == head_revision()
    ):
        return
    drop_derived(path)
    command.upgrade(alembic_config(path), revision)


def downgrade(path: str | Path, revision: str) -> None:
    drop_derived(path)
    command.downgrade(alembic_config(path), revision)


def current_revision(path: str | Path) -> str | None:
    engine = engine_for(path)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config(DEFAULT_DB)).get_current_head()
