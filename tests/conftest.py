"""Shared fixtures: the repository's seeds and a database built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factdb import pipeline

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A database built once from seeds/ with the real pipeline (read it, don't write it)."""
    path = tmp_path_factory.mktemp("built") / "factdb.db"
    pipeline.build(path, SEEDS)
    return path


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of seeds/ for tests that add or break curated files."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
