"""Migrations: one head, upgrade from empty, down to base and back, models match.

pytest-alembic's built-in tests are imported here (its own collector is
switched off in pyproject.toml: it breaks under pytest 9); the fixtures below
point them at a real SQLite file migrated with factdb's Alembic configuration.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine

from pytest_alembic.tests import (  # noqa: F401  (collected as tests)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from factdb import db as database
from factdb import store


@pytest.fixture
def alembic_config():
    return database.alembic_config("unused.db")


@pytest.fixture
def alembic_engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'migrations.db'}")
    yield engine
    engine.dispose()


def test_views_and_search_are_recreated_after_downgrade_and_upgrade(tmp_path):
    path = tmp_path / "f.db"
    store.migrate(path)
    database.downgrade(path, "base")
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "fact_records" not in tables
    store.migrate(path)
    objects = dict(sqlite3.connect(path).execute("SELECT name, type FROM sqlite_master"))
    assert objects["facts"] == "view"
    assert objects["documents_fts"] == "table"
    assert "evidence_ai" in objects  # FTS trigger
    assert database.current_revision(path) == database.head_revision()


def test_foreign_keys_are_enforced(tmp_path):
    path = tmp_path / "f.db"
    store.migrate(path)
    db = store.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        db["venues"].insert({"fact_id": "nope", "place_id": "nowhere", "activity": "x"})
