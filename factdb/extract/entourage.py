"""Placeholder: being written."""

from __future__ import annotations

from ..read import Article


def extract(article: Article) -> list:
    return []
