"""Direct quotations: the words inside double quotation marks and who said them.

How news prose attributes a quote, in the order the rules try:

1. after the closing mark: ``"...," Varga told reporters`` /
   ``"...," the Chilean president said`` / ``"...," said the official`` /
   ``"...," the leader went on`` / ``"...," the agency quoted (cited) X as saying`` /
   ``"...," according to local reporters`` / ``"...," one of two sources ... told X``
   (an unnamed source is kept as written);
2. before the opening mark: ``Duarte said that "..."``,
   ``which an official said would continue "..."``, ``According to X, "..."``;
3. a later segment of the same sentence with no attribution of its own
   (``..., noting that "..."``) has the speaker of the one before;
4. a paragraph that is nothing but a quote follows an attributed quote
   paragraph: the same speaker goes on talking.

A quote whose paragraph ends with no closing mark continues into the next
paragraph when that one opens with a quotation mark (the newspaper
convention). It is attributed as one quote, but each paragraph's piece is its
own fact (a quotation-mark segment) with its own evidence span, all with the
speaker named after the last piece.

"he"/"she" are resolved to the person in focus (:class:`People`), short
names to the full name the article first wrote, and descriptions ("the
Russian president") to a named person when exactly one fits.

Scare quotes and titles are not quotes: segments under ``MIN_WORDS`` words,
or made of capitalised words only ("One Belt, One Road"), are skipped. So are
short partial quotes that fill a slot of the reporter's own clause (``will seek
to "build on the results"``, ``address its "legitimate concerns"``): under
``FRAGMENT_WORDS`` words after "to", a determiner, a preposition or a copula,
they are the reporter's paraphrase with a few borrowed words, not a statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..models import Quote
from ..read import Article, Sentence
from .common import evidence
from .people import REPORTING_VERBS, ROLE_HEADS, People, subject_before

MIN_WORDS = 5
FRAGMENT_WORDS = 8  # the gold convention: shorter segments are optional, longer ones are quotes
# A word whose slot the quoted words fill: the quote is part of the reporter's sentence.
_SLOT_BEFORE = re.compile(
    r"(?<![\w'’\-])(?:to|its|his|her|their|our|the|a|an|of|for|about|on|with|by|from|into|been|be|being|"
    r"is|was|were|are)\s*$"
)

_OPENERS = "“„«"
_CLOSERS = "”»"
_STRAIGHT = '"'
_MARKS = re.compile(r'["“”„«»]')
_WORDS = re.compile(r"[\w][\w'’\-]*")
_INTERPRETER = re.compile(
    r"\b(?:through|via|using|with the help of|with)\s+(?:an?|his|her|their|the)\s+(?:\w+\s+)?"
    r"(?:interpreter|translator)|\b(?:interpreted|translated)\s+by\b",
    re.I,
)
_ADVERBS = r"(?:later|also|then|previously|earlier|further|again|once|simply|quietly|firmly|himself|herself)"
# After a quote a speaker may also "go on" ('"...," the leader went on').
_POST_VERB = re.compile(rf"\b({REPORTING_VERBS}|went\s+on|goes\s+on)\b")
_INVERTED = re.compile(rf"^({REPORTING_VERBS})\s+((?:the|a|an)\s+)?([^,.;:\"“”]{{1,60}}?)(?=\s*(?:[,.;:]|$|\s+(?:at|in|on|after|before|during|when|while|to)\b))")
_PRE_VERB = re.compile(
    r"\b(said|says|told|tells|added|adds|noted|notes|stressed|stresses|explained|insisted|warned|declared|"
    r"remarked|continued|wrote|writes|replied|responded|commented|stated|announced|recalled|emphasized|"
    r"emphasised|acknowledged|argued|claimed|observed|joked|concluded|predicted|suggested|urged|tweeted|"
    r"posted|reiterated|assessed|described|called|praised|admitted|vowed|pledged|promised|committed|agreed|"
    r"saying|telling)\b"
)
_ACCORDING = re.compile(r"\baccording to\s+([^,;:\"“”]{1,60}?)\s*,", re.I)
# Who a quoting clause names: a name, "he"/"she", or "the <words> <role>" ("the DPRK leader").
_WHO = (
    r"(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*|[Hh]e|[Ss]he|"
    r"[Tt]he\s+(?:[\w.'’\-]+\s+){0,3}?(?:" + "|".join(sorted(ROLE_HEADS, key=len, reverse=True)) + r")"
)
# "Duarte was quoted by the agency as saying that ..."
_QUOTED_AS = re.compile(
    r"(?P<who>" + _WHO + r")"
    r"\s+(?:was|were|is|has been)\s+(?:also\s+|later\s+)?quoted\b[^\"“”.;]{0,60}?\bas\s+saying\b"
)
# "the agency quoted the minister as saying", "X cited Y as saying": Y is the speaker
_CITED_AS = re.compile(r"\b(?:quoted|quoting|cited|citing)\s+(?P<who>" + _WHO + r")\s+as\s+(?:saying|telling)\b")
# '"...," according to local reporters.'
_ACCORDING_AFTER = re.compile(r"^according\s+to\s+(?P<who>[^,.;:\"“”]{1,60}?)\s*(?:[,.;:]|$)", re.I)
# '"...," one of two sources with knowledge of the matter told X': an unnamed source, kept as written
_SOURCE_SUBJECT = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<who>(?:(?:one|two|three|four|several|some|both|many)\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?)?(?:[a-z][\w\-]*\s+){0,2}?sources?(?:\s+(?:with|familiar|close|briefed|in|at|from|on|"
    r"inside|within|knowledgeable)\b[^,.;:\"“”]{0,60}?)?)\s+(?P<verb>" + REPORTING_VERBS + r")\b"
)
# "Lee Sang-min, a professor at Korea University, said": the subject before an apposition
_APPOSED_SUBJECT = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w.'’\-]*\s+){0,5}[A-Z][\w.'’\-]*),\s+(?:a|an|the|who|which|his|her|[a-z]+ing)\b[^\"“”]*,\s*$"
)
# "Kim, for his part, said": a sentence adverbial between the subject and its verb
_ASIDE_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|\b(?:and|but)\s+)(?P<who>(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*|[Hh]e|[Ss]he),\s+"
    r"(?:for\s+(?:his|her|its|their)\s+part|in\s+(?:turn|response|reply|return|contrast|a\s+statement|"
    r"an\s+interview)|however|meanwhile|though|too|by\s+contrast|for\s+example|in\s+particular),\s*$"
)


@dataclass
class Segment:
    """One quotation-mark segment; offsets are absolute."""

    open: int  # the opening mark
    inner_start: int
    inner_end: int
    close: int | None  # the closing mark; None when the quote runs to the paragraph end
    paragraph: int  # paragraph of the closing (or last) part
    first_paragraph: int

    @property
    def after(self) -> int:
        return (self.close + 1) if self.close is not None else self.inner_end


def _is_opening(text: str, i: int) -> bool:
    """A straight quote opens when it follows whitespace, an opening bracket or a dash."""
    return i == 0 or text[i - 1] in " \t\n([{—–-/" or text[i - 1] in _OPENERS


def segments(article: Article) -> list[Segment]:
    """Quotation-mark segments of the article's prose paragraphs, continued across paragraphs."""
    text = article.text
    found: list[Segment] = []
    pending: tuple[int, int, int] | None = None  # (open, inner_start, first paragraph) of an unclosed quote
    previous_paragraph = -2
    for index, ((start, end), reason) in enumerate(zip(article.paragraphs, article.paragraph_reasons)):
        if reason:
            continue
        opening: tuple[int, int, int] | None = None
        pos = start
        if pending is not None:
            first = _MARKS.match(text, start)
            if index == previous_paragraph + 1 and first and (first.group(0) in _OPENERS or first.group(0) == _STRAIGHT):
                opening, pos = pending, first.end()  # the quote goes on in this paragraph
            elif pending[0] == article.paragraphs[pending[2]][0]:
                # a whole-paragraph quote left open: it ends with its paragraph
                p_end = article.paragraphs[previous_paragraph][1]
                found.append(Segment(pending[0], pending[1], p_end, None, previous_paragraph, pending[2]))
            pending = None
        for match in _MARKS.finditer(text, pos, end):
            mark, i = match.group(0), match.start()
            if opening is None:
                if mark in _OPENERS or (mark == _STRAIGHT and _is_opening(text, i)):
                    opening = (i, i + 1, index)
                continue
            if mark in _CLOSERS or mark == _STRAIGHT:
                found.append(Segment(opening[0], opening[1], i, i, index, opening[2]))
                opening = None
            elif mark in _OPENERS:
                opening = (i, i + 1, index)  # a stray opener: start again here
        pending = opening
        previous_paragraph = index
    if pending is not None and pending[0] == article.paragraphs[pending[2]][0]:
        found.append(Segment(pending[0], pending[1], article.paragraphs[previous_paragraph][1], None,
                             previous_paragraph, pending[2]))
    for seg in found:
        inner = text[seg.inner_start : seg.inner_end]
        seg.inner_start += len(inner) - len(inner.lstrip())
        seg.inner_end -= len(inner) - len(inner.rstrip())
    return [s for s in found if s.inner_end > s.inner_start]


def masked_text(text: str, segs: list[Segment]) -> str:
    """The text with quoted words blanked, so sentence rules see only the reporter's words."""
    chars = list(text)
    for seg in segs:
        for k in range(seg.inner_start, seg.inner_end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def is_quote(words: str) -> bool:
    """Long enough to be a quotation, and not a title or name in capitals."""
    tokens = _WORDS.findall(words)
    if len(tokens) < MIN_WORDS:
        return False
    if all(t[0].isupper() or t[0].isdigit() for t in tokens) and not re.search(r"[.!?]", words):
        return False  # "One Belt, One Road"-style names and headlines
    return True


def is_slot_fragment(text: str, seg: Segment) -> bool:
    """A short partial quote finishing the reporter's clause: seek to "build on the results"."""
    if len(_WORDS.findall(text, seg.inner_start, seg.inner_end)) >= FRAGMENT_WORDS:
        return False
    return bool(_SLOT_BEFORE.search(text, max(0, seg.open - 20), seg.open))


@dataclass
class _Found:
    seg: Segment
    speaker: str | None
    verb: str | None
    how: str  # which rule attributed it
    attribution_end: int | None  # absolute end of the attribution words, when after the quote


_READING = "_factdb_quote_reading"


def read_people(article: Article) -> tuple[list[Segment], str, People]:
    """Quote segments, quote-masked text and the article's people, computed once per article.

    Both the quote and the entourage extractors need them. The reading is kept on the article
    object itself (so it lives and dies with it), tagged with the text it was made from.
    """
    cached = article.__dict__.get(_READING)
    if cached is None or cached[0] is not article.text:
        segs = segments(article)
        masked = masked_text(article.text, segs)
        cached = (article.text, (segs, masked, People(article, masked=masked)))
        article.__dict__[_READING] = cached
    return cached[1]


class _Attributor:
    def __init__(self, article: Article, segs: list[Segment]):
        self.article = article
        self.text = article.text
        _, self.masked, self.people = read_people(article)
        self.sentences = article.content_sentences()
        self._starts = [s.start for s in self.sentences]
        self.segs = segs
        self._opens = sorted(seg.open for seg in segs)

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_end(self, seg: Segment) -> int:
        return self.article.paragraphs[seg.paragraph][1]

    def after_quote(self, seg: Segment, pos: int) -> tuple[str | None, str | None, int] | None:
        """``"...," Name said`` or ``"...," said Name``: (speaker, verb, end) or None."""
        if seg.close is None:
            return None
        inner = self.text[seg.inner_start : seg.inner_end].rstrip()
        tail_end = self.paragraph_end(seg)
        later = bisect.bisect_right(self._opens, seg.close)  # the first quote opening after this one closes
        next_open = self._opens[later] if later < len(self._opens) else tail_end
        tail = self.masked[seg.close + 1 : min(tail_end, next_open)]
        lead = re.match(r"[\s,]*", tail)
        body = tail[lead.end():]
        base = seg.close + 1 + lead.end()
        if not body:
            return None
        if not (inner[-1:] in ",?!—–-…:" or body[0].islower() or lead.group(0).strip() == ","):
            return None  # the quote closed a sentence: what follows is new prose
        quoted = _QUOTED_AS.match(body)
        if quoted:
            speaker = self.people.speaker(quoted.group("who"), pos)
            if speaker:
                return speaker, "quoted", base + quoted.end()
        cited = self._cited_as(body[:160], pos)
        if cited:
            return cited[0], cited[1], base + cited[2]
        according = _ACCORDING_AFTER.match(body)
        if according:
            speaker = self.people.speaker(according.group("who"), pos)
            if speaker:
                return speaker, "according to", base + according.end("who")
        source = _SOURCE_SUBJECT.match(body)
        if source:
            return source.group("who"), source.group("verb"), base + source.end()
        inverted = _INVERTED.match(body)
        if inverted:
            who = ((inverted.group(2) or "") + inverted.group(3)).strip()
            speaker = self.people.speaker(who, pos)
            if speaker:
                return speaker, inverted.group(1), base + inverted.end()
        verb = _POST_VERB.search(body[:120])
        if not verb:
            return None
        phrase = subject_before(body, verb.start())
        if not phrase or body[: verb.start()].strip() != phrase.strip():
            # only "<who> [adverb] said" directly after the quote
            head = body[: verb.start()].strip()
            adv = re.fullmatch(rf"(.+?)\s+{_ADVERBS}", head)
            if not (adv and phrase and adv.group(1) == phrase.strip()):
                return None
        speaker = self.people.speaker(phrase, pos)
        if not speaker:
            return None
        return speaker, verb.group(1), base + verb.end()

    def _cited_as(self, clause: str, pos: int) -> tuple[str, str, int] | None:
        """ "the agency quoted the minister as saying" at the head of ``clause``, within its sentence."""
        cited = _CITED_AS.search(clause)
        if not cited or re.search(r"[.;:!?\"“”]", clause[: cited.start()]):
            return None
        speaker = self.people.speaker(cited.group("who"), pos)
        if not speaker:
            return None
        verb = {"quoting": "quoted", "citing": "cited"}.get(cited.group(0).split()[0], cited.group(0).split()[0])
        return speaker, verb, cited.end()

    def before_quote(self, seg: Segment, pos: int) -> tuple[str | None, str | None] | None:
        """``Duarte said that "..."``: the last reporting verb before the mark that has a subject."""
        sentence = self.sentence_at(seg.inner_start) or self.sentence_at(seg.open)
        if sentence is None:
            return None
        start = min(sentence.start, seg.open)
        pre = self.masked[start : seg.open]
        for verb in reversed(list(_PRE_VERB.finditer(pre))):
            phrase = subject_before(pre, verb.start())
            if not phrase:
                appositive = _APPOSED_SUBJECT.match(pre[: verb.start()]) or _ASIDE_SUBJECT.search(pre[: verb.start()])
                if not appositive:
                    continue
                phrase = appositive.group("who")
            speaker = self.people.speaker(phrase, pos)
            if speaker:
                return speaker, verb.group(1)
            if phrase.strip().lower() in ("it", "they", "we", "i"):
                return None
        quoted = _QUOTED_AS.search(pre)
        if quoted:
            speaker = self.people.speaker(quoted.group("who"), pos)
            if speaker:
                return speaker, "quoted"
        cited = _CITED_AS.search(pre)
        if cited:  # 'State media quoted the minister as saying "..."'
            speaker = self.people.speaker(cited.group("who"), pos)
            if speaker:
                return speaker, cited.group(0).split()[0]
        according = _ACCORDING.search(pre)
        if according:
            speaker = self.people.speaker(according.group(1), pos)
            if speaker:
                return speaker, "according to"
        return None

    def attribute(self) -> list[_Found]:
        found: list[_Found] = []
        for seg in self.segs:
            pos = min(seg.open, (self.sentence_at(seg.inner_start) or self.sentence_at(seg.open)
                                 or Sentence(seg.open, seg.open + 1, "", 0)).start)
            post = self.after_quote(seg, pos)
            if post:
                found.append(_Found(seg, post[0], post[1], "after", post[2]))
                continue
            pre = self.before_quote(seg, pos)
            if pre:
                found.append(_Found(seg, pre[0], pre[1], "before", None))
                continue
            found.append(_Found(seg, None, None, "none", None))
        # a segment with no attribution takes the speaker of the one before it in the same
        # sentence, or of the quote paragraph right before a whole-paragraph quote
        for k, item in enumerate(found):
            if item.how != "none" or k == 0:
                continue
            prev = found[k - 1]
            if not prev.speaker:
                continue
            same_sentence = self.sentence_at(prev.seg.inner_start) is self.sentence_at(item.seg.open) or (
                prev.seg.paragraph == item.seg.first_paragraph
                and not re.search(r"[.!?]\s", self.masked[prev.seg.after : item.seg.open])
            )
            opens_paragraph = item.seg.open == self.article.paragraphs[item.seg.first_paragraph][0] and not (
                _PRE_VERB.search(self.masked[item.seg.after : self.paragraph_end(item.seg)])
            )  # a paragraph with its own (unresolved) attribution is somebody else talking
            follows = item.seg.first_paragraph == prev.seg.paragraph + 1 and self._quote_ends_paragraph(prev)
            # '"...," he said. "More words."': only the attribution stands between the two
            continues = (
                prev.seg.paragraph == item.seg.first_paragraph
                and prev.attribution_end is not None
                and re.fullmatch(r"[^.!?\"“”]*[.!?]?\s*", self.masked[prev.attribution_end : item.seg.open])
            )
            if same_sentence or continues:
                found[k] = _Found(item.seg, prev.speaker, prev.verb, "same-sentence", None)
            elif opens_paragraph and follows:
                found[k] = _Found(item.seg, prev.speaker, prev.verb, "next-paragraph", None)
        return found

    def _quote_ends_paragraph(self, item: _Found) -> bool:
        """The paragraph of an attributed quote has nothing after the quote but its attribution."""
        end = self.paragraph_end(item.seg)
        rest = self.masked[item.attribution_end or item.seg.after : end]
        return not re.search(r"[.!?]\s+\S", rest.strip() + " ") or len(rest.strip()) < 80


def _evidence_span(article: Article, att: _Attributor, item: _Found) -> tuple[int, int]:
    seg = item.seg
    first = att.sentence_at(seg.inner_start) or att.sentence_at(seg.open)
    start = min(first.start if first else seg.open, seg.open)
    anchor = max(seg.inner_end, (item.attribution_end or seg.after) - 1)
    last = att.sentence_at(anchor) or att.sentence_at(seg.inner_end - 1)
    end = max(last.end if last else seg.after, seg.after)
    # the sentencizer may hang the next quote's opening mark on this sentence: leave it off
    tail = article.text[seg.after : end]
    stray = re.search(r'\s*["“]\s*$', tail)
    if stray and (item.attribution_end or seg.after) <= seg.after + stray.start():
        end = seg.after + stray.start()
    return start, end


def _pieces(article: Article, att: _Attributor, item: _Found) -> list[tuple[int, int, int, int]]:
    """(inner start, inner end, evidence start, evidence end) of each paragraph's piece of a quote."""
    seg = item.seg
    if seg.first_paragraph == seg.paragraph:
        return [(seg.inner_start, seg.inner_end, *_evidence_span(article, att, item))]
    text = article.text
    pieces = []
    for index in range(seg.first_paragraph, seg.paragraph + 1):
        p_start, p_end = article.paragraphs[index]
        lo, hi = max(seg.inner_start, p_start), min(seg.inner_end, p_end)
        opener = _MARKS.match(text, lo)
        if opener and lo == p_start:
            lo = opener.end()  # the mark that reopens the quote in a new paragraph
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi <= lo:
            continue
        if index == seg.paragraph:
            _, end = _evidence_span(article, att, item)
            pieces.append((lo, hi, p_start, end))
        else:
            first = att.sentence_at(lo)
            start = min(first.start if first else lo, lo - 1 if index == seg.first_paragraph else p_start)
            pieces.append((lo, hi, max(start, p_start), p_end))
    return pieces


def extract(article: Article) -> list[Quote]:
    segs = read_people(article)[0]
    if not segs:
        return []
    att = _Attributor(article, segs)
    facts: dict[str, Quote] = {}
    found = [(item, piece) for item in att.attribute() for piece in _pieces(article, att, item)]
    for item, (inner_start, inner_end, start, end) in found:
        seg = item.seg
        words = article.text[inner_start:inner_end]
        if not is_quote(words) or (inner_start == seg.inner_start and is_slot_fragment(article.text, seg)):
            continue
        span_text = article.text[start:end]
        sentence = Sentence(start, end, span_text, seg.first_paragraph)
        confidence = {"after": 0.9, "before": 0.8, "same-sentence": 0.75, "next-paragraph": 0.7}.get(item.how, 0.5)
        ev = evidence(
            article,
            sentence,
            extractor=f"quote.{item.how}",
            value_span=(inner_start, inner_end),
            confidence=confidence,
        )
        flat = " ".join(words.split())
        key = re.sub(r"\W+", " ", flat.lower()).strip()
        if key in facts:
            facts[key].evidence.append(ev)
            continue
        facts[key] = Quote(
            speaker=item.speaker,
            text=flat,
            verb=item.verb,
            via_interpreter=bool(_INTERPRETER.search(span_text)),
            evidence=[ev],
        )
    return list(facts.values())
