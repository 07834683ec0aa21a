"""Helpers every extractor shares: evidence spans and who is cited."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Evidence
from ..read import Article, Sentence


@lru_cache(maxsize=1)
def nlp():
    """A blank English pipeline: spaCy's tokenizer and rule matchers, no model download."""
    import spacy

    return spacy.blank("en")


def evidence(
    article: Article,
    sentence: Sentence,
    *,
    extractor: str,
    value_span: tuple[int, int] | None = None,
    confidence: float = 0.8,
    cited_source: str | None = None,
) -> Evidence:
    """Evidence for a fact stated in ``sentence``; ``value_span`` is absolute."""
    raw = article.text[value_span[0] : value_span[1]] if value_span else None
    return Evidence(
        document=article.name,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        value_start=value_span[0] if value_span else None,
        value_end=value_span[1] if value_span else None,
        raw=raw,
        cited_source=cited_source if cited_source is not None else attribution(sentence.text),
        extractor=extractor,
        confidence=confidence,
    )


def attribution(text: str) -> str | None:
    """Who the sentence cites, as written ("Kommersant reported, citing two sources")."""
    flat = " ".join(text.split())
    match = re.search(r"according to ([^,.;]+(?:,\s*citing [^.;]+)?)", flat)
    if match:
        return "according to " + match.group(1).strip()
    match = re.search(
        r"((?:[A-Z][\w'’.-]*\s+){0,5}(?:[a-z]+\s+){0,2}(?:reported|said|confirmed|told reporters)"
        r"(?:\s+on\s+\w+)?(?:,?\s+citing\s+[^.;]+)?)",
        flat,
    )
    if match and match.group(1)[0].isupper():
        return match.group(1).strip()
    return None
