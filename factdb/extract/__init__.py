"""Extract room: an Article becomes candidate facts, one extractor per kind.

Each extractor is a function ``(Article) -> list[Fact]`` in its own module.
Rules describe how news prose states a kind of fact; none of them knows
which facts any particular article holds.
"""

from __future__ import annotations

from ..models import FactBase
from ..read import Article
from . import entourage, event, figure, menu, quote, venue

EXTRACTORS = {
    "entourage_member": entourage.extract,
    "event": event.extract,
    "venue": venue.extract,
    "figure": figure.extract,
    "menu_item": menu.extract,
    "quote": quote.extract,
}


def extract(article: Article, kinds: list[str] | None = None) -> list[FactBase]:
    """Run every extractor (or those named in ``kinds``) over one article."""
    facts: list[FactBase] = []
    for kind, extractor in EXTRACTORS.items():
        if kinds is None or kind in kinds:
            facts.extend(extractor(article))
    return facts
