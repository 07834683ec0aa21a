"""Read room: a file on disk becomes an :class:`Article`.

An Article is the validated :class:`~factdb.models.Document` (text, title,
outlet, publication date, URL) plus the structure extractors walk: paragraphs
and sentences with character offsets into the stored text, and the
boilerplate spans (captions, share prompts, embedded tweets...) that stay in
the stored text so offsets remain true but are never extracted from.

The stored text is the file's text byte for byte (only ``\\r\\n`` becomes
``\\n``); for HTML it is trafilatura's extracted text with paragraphs
separated by blank lines. Nothing is deleted: furniture is *marked*.

How a page is read, in order:

1. optional YAML front matter (``---`` ... ``---``) gives known metadata;
2. every line is classified on its own (:func:`factdb.boilerplate.line_reason`);
3. context rules: broken URLs are rejoined, tweet bodies and continuation
   lines join the furniture around them, the outlet's own name as a
   masthead, the title and its repeats, one-line headings, short fragments
   between furniture, paragraphs repeated by the next one;
4. title, outlet, wire and publication date are chosen from ranked cues;
5. blank-line blocks become paragraphs, split at line level where a block
   mixes prose and furniture and at the end of a "CITY (Source) -" dateline;
   a block that stops mid-sentence and a next block that starts in lower
   case are one paragraph (hard-wrapped pastes);
6. spaCy's rule sentencizer splits each paragraph; sentences keep offsets.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import yaml

from . import boilerplate as bp
from .models import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


class ReadError(ValueError):
    """A file that cannot be read as an article."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    boilerplate: bool = False
    reason: str | None = None  # kind of furniture ("caption", "tweet", ...) when boilerplate


@dataclass
class Article:
    document: Document
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # Why each paragraph is furniture (None for prose); parallel to ``paragraphs``.
    paragraph_reasons: list[str | None] = field(default_factory=list)
    # The news agency credited in a dateline, when it is not the outlet itself.
    wire: str | None = None
    # Where each metadata value came from ("front_matter", "url", "dateline", ...).
    metadata_sources: dict[str, str] = field(default_factory=dict)

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

    def boilerplate_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, reason) of every furniture paragraph."""
        return [
            (start, end, reason)
            for (start, end), reason in zip(self.paragraphs, self.paragraph_reasons)
            if reason
        ]


@lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's English tokenizer and its sentencizer's sentence-final characters (text and hashes)."""
    import spacy
    from spacy.pipeline import Sentencizer

    nlp = spacy.blank("en")
    chars = frozenset(Sentencizer.default_punct_chars)
    return nlp.tokenizer, chars, frozenset(nlp.vocab.strings.add(ch) for ch in chars)


@lru_cache(maxsize=1)
def _final_char_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(the sentence-final characters of the Basic Multilingual Plane, all of them).

    A character class holding astral characters makes ``re`` crawl (several
    ms per article), so the full class runs only on texts that hold one.
    """
    chars = _tokenizer()[1]
    bmp = sorted(ch for ch in chars if ord(ch) < 0x10000)
    return (
        re.compile("[" + re.escape("".join(bmp)) + "]"),
        re.compile("[" + re.escape("".join(sorted(chars))) + "]"),
    )


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_NON_SPACE = re.compile(r"\S*")
_SPACE = re.compile(r"\s*")
# Words after a chunk, one space apart, that start with punctuation ("said. \"We",
# "end.) Next"): the sentencizer looks through them for the word opening the next sentence.
_PUNCT_CHUNKS = re.compile(r"(?: (?:[^\w\s]|_)\S*)*")


def _sentence_starts(blocks: list[str]) -> list[list[int]]:
    """Offsets (within each block) where spaCy's rule sentencizer starts a sentence.

    The rule: a sentence starts at a block's first token and at the first
    token after a sentence-final token ("." "!" "?" ... alone) that is neither
    punctuation nor sentence-final itself (so closing quotes and brackets stay
    with the sentence they close); a whitespace token opens one too.

    Tokenizing every word cost more than all the rest of the read room, so
    only the words around sentence-final characters are tokenized. spaCy cuts
    the text at whitespace and splits each chunk on its own (:func:`_regions`),
    so between those regions everything the rule needs is known without the
    tokenizer: a chunk that starts with a letter or digit opens with a word
    token, and a whitespace run other than one plain space is a whitespace
    token (spaCy drops a run's leading plain space). The regions are tokenized
    in one call, each with the chunk on either side of it as context (the
    tokenizer's special cases, "Mr ." or ": o", can join tokens of
    neighbouring chunks) and a line break between them, which nothing joins.
    """
    tokenizer, _, final_hashes = _tokenizer()
    starts = [[0] for _ in blocks]
    regions = [(b, *region) for b, block in enumerate(blocks) for region in _regions(block)]
    if not regions:
        return starts
    from spacy.attrs import IDX, IS_PUNCT, ORTH

    windows = []
    offsets = []  # where each region starts in the joined windows
    offset = 0
    for b, start, end in regions:
        block = blocks[b]
        before, after = _context_start(block, start), _context_end(block, end)
        windows.append(block[before:after])
        offsets.append(offset + start - before)
        offset += after - before + 2
    tokens = tokenizer("\n\n".join(windows)).to_array([IDX, IS_PUNCT, ORTH]).reshape(-1, 3).tolist()
    n = 0
    seen_final = False
    previous_block = -1
    for (b, start, end), offset in zip(regions, offsets):
        if b != previous_block:
            seen_final, previous_block = False, b
        block_starts = starts[b]
        while tokens[n][0] < offset:
            n += 1
        region_end = offset + end - start
        while n < len(tokens) and tokens[n][0] < region_end:
            idx, is_punct, orth = tokens[n]
            n += 1
            is_final = orth in final_hashes
            if seen_final and not is_punct and not is_final:
                block_starts.append(start + idx - offset)
                seen_final = False
            elif is_final:
                seen_final = True
        block = blocks[b]
        if seen_final and end < len(block):
            # The next token: the word after a single space, else a whitespace token.
            gap_end = _SPACE.match(block, end).end()
            if gap_end - end > 1 or block[end] != " ":
                block_starts.append(end + (block[end] == " "))
                seen_final = False
            elif gap_end < len(block):
                block_starts.append(gap_end)
                seen_final = False
    return starts


def _regions(block: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of chunks the sentencizer rule needs tokens for.

    A region is a chunk holding a sentence-final character plus the chunks
    after it, one space apart, that start with punctuation (closing quotes,
    brackets, dashes): the rule looks through them for the next sentence's
    first token.
    """
    bmp_finals, all_finals = _final_char_patterns()
    finals = all_finals if _ASTRAL.search(block) else bmp_finals
    regions = []
    reached = 0
    for match in finals.finditer(block):
        at = match.start()
        if at < reached:
            continue
        start = at
        while start > reached and not block[start - 1].isspace():
            start -= 1
        reached = _PUNCT_CHUNKS.match(block, _NON_SPACE.match(block, at).end()).end()
        regions.append((start, reached))
    return regions


def _context_start(block: str, start: int) -> int:
    """Start of the chunk one plain space before ``start``, else ``start``."""
    if start < 2 or block[start - 1] != " " or block[start - 2].isspace():
        return start
    before = start - 2
    while before > 0 and not block[before - 1].isspace():
        before -= 1
    return before


def _context_end(block: str, end: int) -> int:
    """End of the chunk one plain space after ``end``, else ``end``."""
    if end + 1 >= len(block) or block[end] != " " or block[end + 1].isspace():
        return end
    return _NON_SPACE.match(block, end + 1).end()


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


def split_sentences(
    text: str,
    paragraphs: list[tuple[int, int]],
    reasons: list[str | None] | None = None,
) -> list[Sentence]:
    """Sentences of each paragraph with absolute offsets.

    ``reasons`` (parallel to ``paragraphs``) marks furniture paragraphs; their
    sentences come back with ``boilerplate=True``. A sentence may contain
    newlines (hard-wrapped text): offsets stay true to the stored text.
    """
    reasons = reasons or [None] * len(paragraphs)
    sentences = []
    blocks = [text[start:end] for start, end in paragraphs]
    for index, (block, starts, (offset, _), reason) in enumerate(
        zip(blocks, _sentence_starts(blocks), paragraphs, reasons)
    ):
        ends = starts[1:] + [len(block)]
        for begin, end in zip(starts, ends):
            raw = block[begin:end]
            stripped = raw.strip()
            if not stripped:
                continue
            start = offset + begin + len(raw) - len(raw.lstrip())
            sentences.append(
                Sentence(start, start + len(stripped), stripped, index, bool(reason), reason)
            )
    return sentences


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- front matter ------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename"),
    "published": ("published", "date", "pubdate", "published_at", "date_published"),
    "url": ("url", "link", "source_url", "canonical", "canonical_url"),
    "wire": ("wire", "agency"),
}


def _front_matter(name: str, text: str) -> tuple[int, dict]:
    """(end offset, metadata) of a leading YAML front matter block, else (0, {})."""
    match = _FRONT_MATTER.match(text)
    if not match or len(match.group(0)) > 20_000:
        return 0, {}
    try:
        data = yaml.safe_load(match["body"] or "") or {}
    except yaml.YAMLError:
        return 0, {}  # a "---" rule that is not front matter
    if not isinstance(data, dict):
        return 0, {}
    lowered = {str(k).lower(): v for k, v in data.items()}
    meta: dict = {}
    for key, spellings in _FRONT_MATTER_KEYS.items():
        for spelling in spellings:
            value = lowered.get(spelling)
            if value not in (None, ""):
                meta[key] = value
                break
    if not meta:
        return 0, {}
    if "published" in meta:
        meta["published"] = _as_date(name, meta["published"])
    for key in ("title", "outlet", "url", "wire"):
        if key in meta:
            meta[key] = str(meta[key]).strip()
    return match.end(), meta


def _as_date(name: str, value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = bp.parse_date(text) or bp.parse_foreign_date(text)
    if parsed is None:
        raise ReadError(f"{name}: front matter date {text!r} is not a full date")
    return parsed


# --- lines and blocks --------------------------------------------------------


@dataclass
class _Line:
    start: int  # offsets of the stripped line in the stored text
    end: int
    text: str
    block: int
    reason: str | None = None


def _split_lines(text: str, begin: int) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    pos = begin
    for raw in text[begin:].split("\n"):
        # A byte-order mark stays in the stored text but is blank for analysis.
        raw = raw.replace("\ufeff", " ")
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped, block))
        elif lines and lines[-1].block == block:
            block += 1
        pos += len(raw) + 1
    return lines


_TITLE_END = re.compile(r"[.,;:]$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def _title_shaped(line: str) -> bool:
    text = _MD_HEADING.sub("", line)
    count = len(bp.words(text))
    return (
        3 <= count <= 30
        and len(text) <= 250
        and not (_TITLE_END.search(text) and not text.endswith("..."))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“'‘")
    )


class _Page:
    """The furniture analysis and metadata cues of one stored text."""

    def __init__(self, text: str, begin: int, known: dict):
        self.text = text
        self.lines = _split_lines(text, begin)
        self.known = known
        self.urls: list[tuple[str, bool, int]] = []  # (url, the article's own, line index)
        self.datelines: list[tuple[int, int, int, str | None, date | None]] = []
        # (month, day) of the first dateline when it gives no year ("SEOUL, June 30 (Reuters) -")
        self.dateline_month_day: tuple[int, int] | None = None
        self.meta: dict = {}
        self.sources: dict[str, str] = {}
        self.wire: str | None = None
        self._blocks: dict[int, list[int]] = {}
        for i, line in enumerate(self.lines):
            self._blocks.setdefault(line.block, []).append(i)

    # -- helpers --

    def block_lines(self, block: int) -> list[int]:
        return self._blocks.get(block, [])

    def same_block(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.lines) and self.lines[i].block == self.lines[j].block

    def first_body_block(self) -> int:
        """The first block that reads like article prose (a long line or several lines)."""
        for block, indices in self._blocks.items():
            prose = [i for i in indices if self.lines[i].reason is None]
            if len(prose) >= 2 or any(len(bp.words(self.lines[i].text)) >= 12 for i in prose):
                return block
        return len(self._blocks)

    # -- the analysis --

    def analyse(self) -> None:
        self._single_lines()
        self._link_lists()
        self._join_urls()
        self._tweets()
        self._continuations()
        self._credited_captions()
        self._kickers()
        self._find_datelines()
        self._choose_outlet()
        self._mastheads()
        self._choose_title()
        self._bare_bylines()
        self._headings()
        self._fragments()
        self._repeats()
        self._choose_published()
        self._choose_url()

    def _single_lines(self) -> None:
        foreign = [bp.is_foreign_script(line.text) for line in self.lines]
        # Only a page written in Latin script has "lines in another script" to drop.
        foreign_chars = sum(len(line.text) for line, f in zip(self.lines, foreign) if f)
        latin_page = foreign_chars * 2 < sum(len(line.text) for line in self.lines)
        for i, line in enumerate(self.lines):
            line.reason = bp.line_reason(line.text)
            if line.reason is None and latin_page and foreign[i]:
                line.reason = "foreign_script"
            if line.reason == "tail":
                for later in self.lines[i + 1 :]:
                    later.reason = "tail"
                return

    def _link_lists(self) -> None:
        """A link-list heading ("Related coverage") takes the short link lines under it.

        The block ends at the next prose paragraph (full sentences): the story
        goes on after the links, so the heading must not hide it.
        """
        for i, heading in enumerate(self.lines):
            if heading.reason != "related" or not bp.is_link_list_heading(heading.text):
                continue
            taken = 0
            j = i + 1
            while j < len(self.lines) and taken < _MAX_LINK_LINES:
                block = self.lines[j].block
                rest = [k for k in self.block_lines(block) if k >= j]
                open_lines = [k for k in rest if self.lines[k].reason is None]
                if block == heading.block:
                    # Lines under the heading in its own block: stop at the first prose line.
                    prose = next((k for k in open_lines if _is_prose(self.lines[k].text)), None)
                    if prose is not None:
                        open_lines = [k for k in open_lines if k < prose]
                        rest = []
                elif _is_prose(" ".join(self.lines[k].text for k in open_lines)):
                    break
                for k in open_lines:
                    self.lines[k].reason = "related"
                taken += len(open_lines)
                if not rest:
                    break
                j = rest[-1] + 1

    def _join_urls(self) -> None:
        """Collect URL lines; a URL broken over two lines is rejoined."""
        own_label = False  # an "Original url:" label waiting for its URL line
        for i, line in enumerate(self.lines):
            if line.reason != "url":
                own_label = False
                continue
            parsed = bp.url_line(line.text)
            if not parsed:
                continue  # the tail of a URL already joined
            url, own = parsed
            if url is None:
                own_label = own
                continue
            own, own_label = own or own_label, False
            j = i + 1
            while self.same_block(i, j) and self.lines[j].reason is None and _continues_url(self.lines[j].text):
                url += self.lines[j].text
                self.lines[j].reason = "url"
                j += 1
            self.urls.append((url.rstrip(".,;)"), own, i))

    def _tweets(self) -> None:
        for i, line in enumerate(self.lines):
            if line.reason != "tweet":
                continue
            if bp.tweet_attribution(line.text):
                # An embed's text is the short block just above its "— Name (@handle)" line.
                previous = self.block_lines(line.block - 1)
                if previous and all(self.lines[j].reason in (None, "foreign_script") for j in previous):
                    if sum(len(self.lines[j].text) for j in previous) <= 300:
                        for j in previous:
                            self.lines[j].reason = "tweet"
                continue
            # Lines of the tweet text above its pic.twitter.com link, back to the prose.
            j = i - 1
            while (
                self.same_block(i, j)
                and self.lines[j].reason in (None, "foreign_script")
                and not bp.ends_sentence(self.lines[j].text)
            ):
                self.lines[j].reason = "tweet"
                j -= 1

    def _continuations(self) -> None:
        """A hard-wrapped line that continues a furniture line is furniture too."""
        for i in range(1, len(self.lines)):
            line, previous = self.lines[i], self.lines[i - 1]
            if (
                line.reason is None
                and previous.reason not in (None, "title", "heading")
                and self.same_block(i, i - 1)
                and not bp.ends_sentence(previous.text)
                and line.text[0].islower()
            ):
                line.reason = previous.reason

    def _credited_captions(self) -> None:
        """A photo credit alone in its block ("AGENCY/VIA WIRE") credits the one-line
        block above it, which is a caption when it reads as one (a single sentence in
        the present tense or ending in a wire dateline "..., Peru, June 3, 2019.")."""
        for i in range(1, len(self.lines)):
            line, previous = self.lines[i], self.lines[i - 1]
            if (
                line.reason == "caption"
                and previous.reason is None
                and len(self.block_lines(line.block)) == 1
                and len(self.block_lines(previous.block)) == 1
                and previous.block != line.block
                and bp.is_credit_only(line.text)
                and bp.caption_shaped(previous.text)
            ):
                previous.reason = "caption"

    def _kickers(self) -> None:
        """A topic tag on the line above the headline ("North Korea" / "Leader visits ...") is furniture."""
        for indices in list(self._blocks.values())[:4]:
            prose = [i for i in indices if self.lines[i].reason is None]
            if len(prose) == 2 and prose[1] == prose[0] + 1:
                tag, headline = self.lines[prose[0]].text, self.lines[prose[1]].text
                if (
                    len(bp.words(tag)) <= 4
                    and tag[0].isupper()
                    and not re.search(r"[.!?,;:]$", tag)
                    and _title_shaped(headline)
                    and len(bp.words(headline)) >= 6
                    and len(headline) >= 2 * len(tag)
                ):
                    self.lines[prose[0]].reason = "kicker"
                    return
            if any(_is_prose(self.lines[i].text) for i in prose):
                return  # the story has begun

    def _find_datelines(self) -> None:
        """Wire datelines opening the story: "CITY (Outlet / Agency - date) ..."."""
        prose_blocks = 0
        for indices in self._blocks.values():
            line = self.lines[indices[0]]
            if line.reason is not None:
                continue
            prose_blocks += 1
            if prose_blocks > 4:
                break  # a dateline opens the story; later capitals-and-parentheses are prose
            match = bp.dateline_prefix(line.text)
            if not match:
                continue
            end = line.start + len(line.text[: match.end()].rstrip())
            source = match["source"]
            found = bp.find_date(source) if source else bp.find_date(line.text[: match.end()])
            if not self.datelines and not found:
                self.dateline_month_day = bp.find_month_day(line.text[: match.end()])
            self.datelines.append((indices[0], line.start, end, source, found[0] if found else None))

    def _choose_outlet(self) -> None:
        """The publishing outlet; the lowest-ranked cue wins.

        2 the article's own URL ("Original url:") on a host the lexicon names ·
        3 a "From Outlet" footer · 4 the outlet in a wire dateline's parenthesis ·
        5 "connect with the Outlet" in a share prompt · 6 a copyright line ·
        7 a masthead line naming a known outlet, or a timestamp line opening
        with an outlet ("NEWS AGENCY - Apr 29, 2025 - 21:07") · 8 the own URL's bare host ·
        9 the agency of a dateline ("(Agency)") · 10/11 another URL's host, named/bare.
        """
        lexicon = bp.outlets()
        candidates: list[tuple[int, str, str]] = []
        for url, own, _ in self.urls:
            name = bp.url_host_name(url)
            if name:
                mapped = lexicon.host_name(bp.url_host(url) or "") is not None
                candidates.append(((2 if mapped else 8) if own else (10 if mapped else 11), name, "url"))
        bottom = [l for l in self.lines if l.reason == "footer"][-3:]
        tail_lines = {id(l) for l in self.lines[-6:]}
        for line in bottom:
            match = bp.FROM_FOOTER.match(line.text)
            if match and id(line) in tail_lines:
                candidates.append((3, match["name"], "footer"))
            match = bp.COPYRIGHT.match(line.text)
            if match and match["name"]:
                candidates.append((6, match["name"].strip(), "copyright"))
        for _, _, _, source, _ in self.datelines[:1]:
            if not source:
                continue
            names = _dateline_names(source)
            outlets = [n for n in names if not lexicon.is_wire(n)]
            wires = [n for n in names if lexicon.is_wire(n)]
            if outlets:
                candidates.append((4, outlets[0], "dateline"))
            if wires:
                self.wire = wires[0]
                candidates.append((9, wires[0], "dateline"))
            elif len(outlets) > 1:
                self.wire = outlets[-1]
        for indices in self._blocks.values():
            prompt = " ".join(self.lines[i].text for i in indices if self.lines[i].reason == "share")
            match = bp.CONNECT_WITH.search(prompt)
            if match:
                candidates.append((5, match["name"], "share_prompt"))
                break
        header = self.first_body_block()
        for line in self.lines:
            if line.block > header:
                break
            if line.block < header and line.reason is None and lexicon.is_outlet_name(line.text):
                candidates.append((7, line.text, "masthead"))
            if line.reason == "dateline":
                # A timestamp that names the site: "NEWS AGENCY - Apr 29, 2025 - 21:07"
                name = bp.stamp_outlet(line.text)
                if name:
                    candidates.append((7, name, "timestamp"))
            if line.reason == "navigation":
                # A crumb trail that starts at the site's name: "Outlet > Politics"
                first = re.split(r"\s*[>›»|]\s*", line.text)[0]
                if first != line.text and lexicon.is_outlet_name(first):
                    candidates.append((7, first, "navigation"))
        if candidates:
            _, name, source = min(candidates, key=lambda c: c[0])
            self.meta["outlet"] = lexicon.canonical(name.strip())
            self.sources["outlet"] = source
        outlet = str(self.known.get("outlet") or self.meta.get("outlet") or "")
        if self.wire and lexicon.canonical(outlet).casefold() == lexicon.canonical(self.wire).casefold():
            self.wire = None  # the agency published the story itself

    def _mastheads(self) -> None:
        """A line that is only an outlet's name (the page's masthead)."""
        outlet = (self.known.get("outlet") or self.meta.get("outlet") or "").casefold()
        lexicon = bp.outlets()
        for line in self.lines:
            if line.reason is None and len(line.text) <= 60:
                name = line.text.casefold()
                if name == outlet or lexicon.is_outlet_name(line.text):
                    line.reason = "masthead"

    def _choose_title(self) -> None:
        title = self.known.get("title")
        if not title and len(self._blocks) > 1:  # a headline needs a story below it
            header = self.first_body_block()
            for block, indices in self._blocks.items():
                if block > header:
                    break
                prose = [i for i in indices if self.lines[i].reason is None]
                if not prose:
                    continue
                candidate = self.lines[prose[0]].text
                alone = all(i in prose or self.lines[i].reason == "kicker" for i in indices)
                if len(prose) == 1 and alone and _title_shaped(candidate):
                    title = _MD_HEADING.sub("", candidate).strip()
                    self.meta["title"] = title
                    self.sources["title"] = "first_line"
                    break
                if len(prose) > 1 or len(bp.words(candidate)) > 2:
                    break  # prose before any headline: the paste has no title
        if not title:
            return
        wanted = bp.normalize(title)
        first_word = wanted.split(" ", 1)[0]
        longest = len(title) + 150  # a repeat adds at most a few words ("| Outlet")
        for line in self.lines:
            if line.reason in (None, "heading", "masthead") and len(line.text) <= longest:
                text = _MD_HEADING.sub("", line.text)
                if first_word and not bp.first_word_startswith(text, first_word):
                    continue  # cheaper than normalizing every line
                seen = bp.normalize(text)
                if seen == wanted or (
                    seen.startswith(wanted) and len(seen.split()) - len(wanted.split()) <= 6
                    and not bp.ends_sentence(line.text)
                ):
                    line.reason = "title"

    def _bare_bylines(self) -> None:
        """Reporter names beside the timestamp, without "By": "Jane Roe in Tokyo and John Doe"."""
        for i, line in enumerate(self.lines[:15]):
            if line.reason is not None or bp.ends_sentence(line.text):
                continue
            if not any(0 <= j < len(self.lines) and self.lines[j].reason == "dateline" for j in (i - 1, i + 1)):
                continue
            tokens = bp.words(line.text)
            capitalised = sum(t[0].isupper() for t in tokens)
            if 2 <= len(tokens) <= 14 and capitalised >= 2 and all(
                t[0].isupper() or t.lower() in _BYLINE_LINKS for t in tokens
            ):
                line.reason = "byline"

    def _headings(self) -> None:
        """One-line blocks of a few words without end punctuation: section headings."""
        blocks = list(self._blocks.items())
        if len(blocks) < 2:
            return  # a lone line is the text itself (a snippet), not a heading over it
        for n, (block, indices) in enumerate(blocks):
            if len(indices) != 1:
                continue
            line = self.lines[indices[0]]
            if line.reason is not None or bp.ends_sentence(line.text):
                continue
            if len(bp.words(line.text)) > 10:
                continue
            following = blocks[n + 1][1] if n + 1 < len(blocks) else None
            if following and self.lines[following[0]].text[0].islower():
                continue  # a sentence broken by a stray blank line
            line.reason = "heading"

    def _fragments(self) -> None:
        """Short fragments wedged between furniture lines are furniture ("lock icon")."""
        lines = self.lines
        for _ in range(2):
            for i in range(1, len(lines)):
                line = lines[i]
                if line.reason is not None or lines[i - 1].reason in (None, "title", "heading"):
                    continue
                if i + 1 < len(lines) and lines[i + 1].reason in (None, "title", "heading"):
                    continue
                if not bp.ends_sentence(line.text) and len(bp.words(line.text)) <= 6:
                    line.reason = "chrome"

    def _repeats(self) -> None:
        """A prose block repeated verbatim, or contained in one of the next blocks (a standfirst).

        Blocks are compared in :func:`~factdb.boilerplate.normalize`'d form, but
        that form is built only for blocks that pass a cheaper test first: equal
        blocks have the same first and last words, and every word of a block
        contained in another is a substring of the other's case-folded text.
        """
        prose_blocks = []  # (block, text, case-folded text, its first and last words)
        for block, indices in self._blocks.items():
            if all(self.lines[i].reason is None for i in indices):
                text = " ".join(self.lines[i].text for i in indices)
                folded = text.casefold()
                prose_blocks.append((block, text, folded, bp.edge_words(folded)))
        norms: dict[int, str] = {}

        def norm(n: int) -> str:
            if n not in norms:
                norms[n] = bp.normalize(prose_blocks[n][1])
            return norms[n]

        seen: dict[tuple, list[int]] = {}  # edge words -> earlier blocks
        for n, (block, _, folded, edges) in enumerate(prose_blocks):
            repeated = False
            # (normalize() never makes the case-folded text longer)
            if len(folded) >= 20 and edges in seen:
                repeated = len(norm(n)) >= 20 and any(norm(n) == norm(m) for m in seen[edges])
            if not repeated and len(folded) >= 40:
                for m in range(n + 1, min(n + 4, len(prose_blocks))):
                    later = prose_blocks[m][2]
                    if all(word in later for part in edges for word in part) and len(norm(n)) >= 40:
                        if norm(n) in norm(m) and norm(n) != norm(m):
                            repeated = True
                            break
            seen.setdefault(edges, []).append(n)
            if repeated:
                for i in self.block_lines(block):
                    self.lines[i].reason = "repeat"

    def _choose_published(self) -> None:
        """The publication date; the lowest-ranked cue wins.

        2 a timestamp line above the story · 3 a wire dateline's date ·
        4 the date in the article's own URL path · 5 a timestamp line elsewhere ·
        6 the date in the first other URL. Dates in tweets, "Related" lines and
        prose are never used, and nothing is guessed: a dateline without a
        year ("SEOUL, June 30 (Reuters) -") counts only when the page shows
        the year (:meth:`_year_for`).
        """
        candidates: list[tuple[int, date, str]] = []
        header = self.first_body_block()
        for line in self.lines:
            if line.reason == "dateline":
                found = bp.published_date(line.text)
                if found:
                    candidates.append((2 if line.block <= header else 5, found, "dateline"))
        for _, _, _, _, found in self.datelines[:1]:
            if found is None and self.dateline_month_day:
                found = self._year_for(*self.dateline_month_day, header)
            if found:
                candidates.append((3, found, "dateline"))
        first_other = True
        for url, own, _ in self.urls:
            found = bp.url_date(url)
            if found and own:
                candidates.append((4, found, "url"))
            elif found and first_other:
                candidates.append((6, found, "url"))
                first_other = False
        if candidates:
            _, found, source = min(candidates, key=lambda c: c[0])
            self.meta["published"] = found
            self.sources["published"] = source

    def _year_for(self, month: int, day: int, header: int) -> date | None:
        """The date of a month and day, in the year another cue of the page shows.

        Cues in order: a full date in the page header (furniture or headline,
        never the story's prose; the year that puts the day nearest to it), the
        year in the article's own URL path, then in the first other URL, a
        single copyright year. None when the page shows no year.
        """
        for line in self.lines:
            if line.block > header:
                break
            if line.reason in _NOT_DATE_CUES or (line.block == header and line.reason is None):
                continue
            found = bp.find_date(line.text)
            if found:
                return _nearest_date(month, day, found[0])
        own = [url for url, is_own, _ in self.urls if is_own]
        years = [bp.url_year(url) for url in own + [url for url, is_own, _ in self.urls[:1] if not is_own]]
        years += [bp.copyright_year(line.text) for line in self.lines if line.reason == "footer"]
        for year in years:
            if year:
                try:
                    return date(year, month, day)
                except ValueError:
                    return None  # 29 February in a common year
        return None

    def _choose_url(self) -> None:
        own = [url for url, is_own, _ in self.urls if is_own]
        standalone = [url for url, _, i in self.urls if bp.URL.fullmatch(self.lines[i].text)]
        chosen = (own or standalone or [None])[0]
        if chosen:
            self.meta["url"] = chosen
            self.sources["url"] = "url"

    # -- paragraphs --

    def paragraphs(self) -> tuple[list[tuple[int, int]], list[str | None]]:
        """Runs of lines with one reason inside each block; prose split off datelines."""
        dateline_ends = {index: end for index, _, end, _, _ in self.datelines}
        spans: list[list] = []  # [start, end, reason, first line, last line]
        for indices in self._blocks.values():
            run: list | None = None
            for i in indices:
                line = self.lines[i]
                if run is not None and run[2] == line.reason:
                    run[1], run[4] = line.end, i
                    continue
                run = [line.start, line.end, line.reason, i, i]
                spans.append(run)
                if i in dateline_ends and line.reason is None:
                    cut = dateline_ends[i]
                    rest = cut + (len(self.text[cut:line.end]) - len(self.text[cut:line.end].lstrip()))
                    spans[-1] = [line.start, cut, "dateline", i, i]
                    run = [rest, line.end, None, i, i]
                    spans.append(run)
        merged: list[list] = []
        for span in spans:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and previous[2] is None
                and span[2] is None
                and self.lines[previous[4]].block != self.lines[span[3]].block
                and not bp.ends_sentence(self.lines[previous[4]].text)
                and self.text[span[0]].islower()
            ):
                previous[1], previous[4] = span[1], span[4]  # one sentence across a stray blank line
                continue
            merged.append(span)
        return [(s[0], s[1]) for s in merged], [s[2] for s in merged]


# Lines whose dates are not the page's: embedded posts, links, photo captions.
_NOT_DATE_CUES = frozenset({"tweet", "related", "caption", "url", "foreign_script", "tail"})


def _nearest_date(month: int, day: int, near: date) -> date | None:
    """``month``/``day`` in the year (``near``'s or one either side) that puts it nearest ``near``."""
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            pass
    return min(options, key=lambda d: abs((d - near).days)) if options else None


# A link list longer than this is not a "Related" box inside a story.
_MAX_LINK_LINES = 12
# Lower-case words a byline without "By" may hold between names and places.
_BYLINE_LINKS = frozenset({"and", "in", "&", "from", "at", "with", "for"})


_FULL_STOP = re.compile(r"\.[\"'”’)\]]*$")


def _is_prose(text: str) -> bool:
    """Full sentences, as a story paragraph has: link headlines do not end in a full stop
    (a long line ending in "?" or "!" counts too)."""
    count = len(bp.words(text))
    return (count >= 6 and bool(_FULL_STOP.search(text))) or (count >= 12 and bp.ends_sentence(text))


def _continues_url(line: str) -> bool:
    return (
        " " not in line
        and len(line) <= 300
        and not line.lower().startswith(("http", "www."))
        and bool(re.fullmatch(r"[\w\-./?=&%#~+:;,@!$'*()]+", line))
    )


def _dateline_names(source: str) -> list[str]:
    """Outlet and agency names in a dateline's parenthesis, date removed."""
    found = bp.find_date(source)
    if found:
        source = source[: found[1]] + source[found[2] :]
    source = re.sub(r"\s+[-—–]\s*$|^\s*[-—–]\s+", "", source.strip(" ,-—–"))
    names = [part.strip(" ,-—–") for part in re.split(r"\s*/\s*|\s+[-—–]\s+", source)]
    return [n for n in names if n and n[0].isupper() and len(n.split()) <= 6]


# --- entry points ------------------------------------------------------------


_DOCUMENT_FIELDS = ("title", "outlet", "published", "url")


def read_text(name: str, text: str, **known) -> Article:
    """Build an Article from text already in memory.

    ``known`` metadata (title, outlet, published, url, wire) wins over
    front matter, which wins over what the text itself shows.
    """
    return _build(name, text, known, {})


def _build(name: str, text: str, known: dict, page_meta: dict) -> Article:
    """``page_meta`` is metadata the page itself declared (HTML head): it wins over text cues."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\ufeff", "").strip():
        raise ReadError(f"{name}: the file holds no text")
    begin, front = _front_matter(name, text)
    known = {k: v for k, v in known.items() if v not in (None, "")}
    given = {k: v for k, v in {**page_meta, **front, **known}.items() if v not in (None, "")}
    page = _Page(text, begin, given)
    page.analyse()
    metadata = {**page.meta, **{k: v for k, v in given.items() if k in _DOCUMENT_FIELDS}}
    sources = dict(page.sources)
    for key in given:
        sources[key] = "given" if key in known else "front_matter" if key in front else "html"
    wire = given.get("wire", page.wire)
    if page.wire and "wire" not in given:
        sources["wire"] = "dateline"
    unknown = set(given) - set(_DOCUMENT_FIELDS) - {"wire"}
    if unknown:
        raise TypeError(f"read_text got unknown metadata {sorted(unknown)}")
    document = Document(
        name=name,
        text=text,
        sha256=sha256_text(text),
        **{k: metadata[k] for k in _DOCUMENT_FIELDS if k in metadata},
    )
    paragraphs, reasons = page.paragraphs()
    if begin:
        paragraphs.insert(0, (0, len(text[:begin].rstrip())))
        reasons.insert(0, "front_matter")
    return Article(
        document=document,
        paragraphs=paragraphs,
        sentences=split_sentences(text, paragraphs, reasons),
        paragraph_reasons=reasons,
        wire=wire,
        metadata_sources={k: v for k, v in sources.items() if k in metadata or k == "wire"},
    )


def read_html(name: str, html: str | bytes, **known) -> Article:
    """Build an Article from an HTML page with trafilatura.

    The stored text is trafilatura's main-text extraction, one paragraph per
    blank-line block; its metadata (title, date, site name or URL host) is
    used unless ``known`` says otherwise.
    """
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        except Exception as exc:  # trafilatura raises a variety of parser errors
            raise ReadError(f"{name}: cannot parse HTML ({exc})") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise ReadError(f"{name}: no article text found in the HTML")
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"
    meta: dict = {}
    if result.title:
        meta["title"] = result.title.strip()
    if result.sitename:
        meta["outlet"] = bp.outlets().canonical(result.sitename.strip())
    elif result.url or result.hostname:
        meta["outlet"] = bp.url_host_name(result.url or result.hostname)
    if result.url:
        meta["url"] = result.url
    if result.date:
        try:
            meta["published"] = date.fromisoformat(result.date[:10])
        except ValueError:
            pass
    article = _build(name, text, known, meta)
    if not article.content_sentences():
        raise ReadError(f"{name}: no article prose found in the HTML")
    return article


def read_path(path: str | Path) -> Article:
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ReadError(f"{path}: unsupported file type {path.suffix!r}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: {exc}") from exc
    if not data.strip():
        raise ReadError(f"{path}: the file is empty")
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(path.name, data)
    if b"\x00" in data:
        raise ReadError(f"{path}: binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not UTF-8 text ({exc})") from exc
    return read_text(path.name, text)
