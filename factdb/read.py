"""Read room: a file on disk becomes an :class:`Article`.

An Article is the validated :class:`~factdb.models.Document` (text, title,
outlet, publication date) plus the structure extractors walk: paragraphs and
sentences with character offsets into the stored text, and the boilerplate
spans (captions, share prompts, embedded tweets...) that stay in the stored
text so offsets remain true but are never extracted from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .models import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")


class ReadError(ValueError):
    """A file that cannot be read as an article."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    boilerplate: bool = False


@dataclass
class Article:
    document: Document
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def published(self) -> date | None:
        return self.document.published

    def content_sentences(self) -> list[Sentence]:
        """Sentences of the article body, boilerplate left out."""
        return [s for s in self.sentences if not s.boilerplate]

    def paragraph_text(self, index: int) -> str:
        start, end = self.paragraphs[index]
        return self.text[start:end]


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for match in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        block = text[pos:end]
        stripped = block.strip()
        if stripped:
            lead = len(block) - len(block.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        if match:
            pos = match.end()
    return spans


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    nlp = _sentencizer()
    sentences = []
    blocks = [text[start:end] for start, end in paragraphs]
    for index, (doc, (offset, _)) in enumerate(zip(nlp.pipe(blocks), paragraphs)):
        for sent in doc.sents:
            raw = sent.text
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = offset + sent.start_char + lead
            sentences.append(Sentence(start, start + len(stripped), stripped, index))
    return sentences


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(name: str, text: str, **known) -> Article:
    """Build an Article from text already in memory."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document = Document(name=name, text=text, sha256=sha256_text(text), **known)
    paragraphs = paragraph_spans(text)
    return Article(document, paragraphs, split_sentences(text, paragraphs))


def read_path(path: str | Path) -> Article:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ReadError(f"{path}: unsupported file type {path.suffix!r}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(f"{path}: {exc}") from exc
    return read_text(path.name, text)
