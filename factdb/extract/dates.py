"""Date expressions in news prose: find them, then resolve them to ISO dates.

News prose dates things three ways, and each needs a different amount of help:

* absolute — "April 25, 2019", "25th April, 2019", "April 24-25", "from April 26
  to 27", "in 2011", "June 2018": the text says it all, except that a day and
  month without a year ("April 25") take the year from the publication date;
* anchored to publication — "on Tuesday", "last week", "earlier this week",
  "next Tuesday", "yesterday", "last year": resolved against
  ``article.published``;
* anchored to publication *and* tense — a bare weekday or month ("on Tuesday",
  "in June") names the latest such day on or before publication when the
  clause is in the past ("confirmed on Tuesday") and the first on or after
  publication when it is in the future ("will meet on Thursday"). News style
  (AP) names the publication day itself by its weekday, so both directions
  include publication day.

Anything that cannot be resolved without guessing — no publication date, or a
bare weekday in a clause with no tense cue — comes back with ``date=None``
and ``precision=None`` but keeps its text, so a reporter still sees it.

Weeks have no precision of their own in the fact model; "last week" and
"earlier this week" resolve to a day-precision *range* (``date`` .. ``date_end``).

:func:`find_dates` is the entry point; :func:`tense_at` is exported because the
figure extractor uses the same cue to resolve "last year" periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

__all__ = ["DateMention", "find_dates", "dates_in", "tense_at", "MONTHS", "WEEKDAYS"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}

# Capitalised month names only: "may" and "march" are verbs in lower case.
# Abbreviations need their full stop ("Aug. 5") except the unambiguous "Sept".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Sept|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_RANGE_SEP = r"\s*(?:-|–|—|to|through|until|till|and)\s*"

# Month day [- day] [, year]  |  day month [year]  (ranges share the month).
_MD = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_ORD}\b"
    rf"(?:{_RANGE_SEP}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}){_ORD}\b)?"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
)
_DM = re.compile(
    rf"\b(?P<d1>{_DAY}){_ORD}(?:{_RANGE_SEP}(?P<d2>{_DAY}){_ORD})?\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
)
_ISO = re.compile(r"\b(?P<y>20\d\d|19\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")
# "late April", "earlier in April", "in June", "June 2018", "since February".
_MONTH_ALONE = re.compile(
    rf"(?:(?P<q>early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
    rf"(?:\s+in|-|\s+)\s*|(?P<p>\b(?:in|since|until|by|from|during|last|next|this|of)\s+))"
    rf"(?P<m>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
    rf"|\b(?P<m_y>{_MONTH})\s+(?P<y2>{_YEAR})\b"
)
_WEEKDAY_RX = re.compile(
    rf"\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<wd>{_WEEKDAY}){_PART}"
    rf"(?:\s+(?:and|to|through|until|till|-|–)\s+(?P<wd2>{_WEEKDAY}){_PART})?\b"
)
_RELATIVE = re.compile(
    r"\b(?P<text>(?:earlier|later)\s+(?:this|that|last|next)\s+(?:week|month|year)"
    r"|(?:last|this|next|the\s+coming|the\s+past)\s+(?:week|weekend|month|year)"
    r"|(?:the\s+)?(?:end|beginning|start)\s+of\s+(?:this|last|next|the)\s+(?:week|month|year)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
# A bare year is a date only after a preposition ("in 2002", "since 2011",
# "back in 2011") or as a modifier of a happening ("a 1986 visit").
_YEAR_AFTER_PREP = re.compile(
    rf"\b(?i:in|since|from|until|till|by|during|before|after|of|early|late|mid-?)\s*,?\s*"
    rf"(?:(?:early|late|mid-?)\s*)?(?P<y>{_YEAR})\b(?!\s*[-–]?\s*(?:%|percent|per\s+cent|\d))"
    # "a total of 2000 workers" counts workers; "in 2011 was" is still a year.
    r"(?!\s+(?!(?:was|has|is|as|his|its|this|thus|plus)\b)[a-z]+s\b)"
    r"(?!\s+(?:people|men|women|children|personnel|staff)\b)"
)
_YEAR_MODIFIER = re.compile(rf"\b(?:a|an|the|his|her|its|their)\s+(?P<y>{_YEAR})\s+(?=\S)")
_YEAR_RANGE = re.compile(rf"\b(?:from|between)\s+(?P<y1>{_YEAR})\s+(?:to|and|until)\s+(?P<y2>{_YEAR})\b")

# --- tense cues -------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|'ll|would|is\s+to|are\s+to|going\s+to|upcoming|planned\s+for|"
    r"(?:scheduled|due|set|expected|slated|poised|planning|plans?|intends?|aims?)\s+(?:to|for)|"
    r"to\s+be\s+held|scheduled|expected)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = frozenset(
    """was were had did met came left went said told took began saw held made flew drove
    gave got spoke wrote sent brought became ran won lost fell rose found kept led paid
    sat stood spent struck thought knew broke chose ate shook stole sold bought caught
    taught fought sought hung hid swore wore woke rode grew threw drew dug fled felt
    heard meant overtook undertook withdrew""".split()
)
_NOT_PAST = frozenset(
    """need speed bed red seed feed shed indeed hundred breed proceed succeed exceed
    united armed unnamed unidentified so-called related limited based concerned
    detailed advanced""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Where a clause starts, for the purpose of finding the verb that governs a date.
# The lookahead after \b lets the engine reject most word starts by their first
# letter instead of trying every word (a third of the cost of tense_at).
_CLAUSE_BREAK = re.compile(
    r"[;:—–()\"“”]|\b(?=[twbas])(?:that|which|who|when|while|but|after|before|since)\b"
)
# A date that opens its clause: "On Friday, ...", "..., late on Friday ...".
_OPENING_LEAD = re.compile(r"(?:.*[,;:]\s*)?(?:on|late on|early on|by|since|in)")
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:been|\w+ed)\b", re.IGNORECASE)


# "will be held", "to be closed": the participle after "be" carries no tense.
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _past_word(word: str) -> bool:
    low = word.lower()
    if word[0].isupper() and low not in _IRREGULAR_PAST:
        return False
    if low in _IRREGULAR_PAST:
        return True
    return low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST


def tense_at(text: str, start: int, end: int) -> str | None:
    """``"past"``, ``"future"`` or ``None`` for the clause around ``text[start:end]``.

    The cue nearest the expression wins, looking back to the start of its
    clause first ("..., the ministry confirmed on Tuesday" -> past). Only a date
    that opens its sentence or clause ("On Friday, the envoy crossed ...") looks
    ahead, because a date in the middle of a noun phrase ("the meeting ... on
    Thursday, were held") would otherwise borrow an unrelated verb.
    """
    before = text[:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    # Clause breaks cut the window, but "confirmed on Tuesday that ..." style
    # clauses need at least a few words: fall back to a comma-bounded window.
    window = before[cut:]
    if not _WORD.search(window):
        comma = before.rfind(",")
        window = before[comma + 1 :] if comma >= 0 else before
    found = _nearest_cue(window, from_end=True)
    if found:
        return found
    lead = before.strip().lower()
    opens_clause = not lead or lead.endswith((",", ";", ":")) or lead in {"on", "late on", "early on", "by", "since"}
    if opens_clause or _OPENING_LEAD.fullmatch(lead):
        after = text[end:]
        stop = _CLAUSE_BREAK.search(after)
        after = after[: stop.start()] if stop else after
        return _nearest_cue(after, from_end=False)
    return None


def _nearest_cue(window: str, from_end: bool) -> str | None:
    future = [(m.start(), m.end()) for m in _FUTURE.finditer(window)]
    cues: list[tuple[int, str]] = [(start, "future") for start, _ in future]
    cues += [
        (m.start(), "past")
        for m in _WORD.finditer(window)
        if _past_word(m.group())
        and not _PASSIVE_AUX.search(window[max(0, m.start() - 30) : m.start()])
        and not any(s <= m.start() < e for s, e in future)  # "scheduled to" is future
    ]
    # Perfect and progressive auxiliaries are cues even without a participle nearby.
    cues += [
        (m.start(), "past")
        for m in _PERFECT.finditer(window)
    ]
    if not cues:
        return None
    cues.sort()
    return cues[-1][1] if from_end else cues[0][1]


# --- mentions ---------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``start:end`` of the text given to :func:`find_dates`."""

    start: int
    end: int
    text: str
    kind: str  # absolute | range | weekday | relative | month | year
    date: str | None = None
    precision: str | None = None
    date_end: str | None = None

    @property
    def resolved(self) -> bool:
        return self.date is not None


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _pick_year(month: int, day: int | None, published: date, tense: str | None) -> int:
    """Year of a month (and day) stated without one, seen from ``published``."""
    candidates = [published.year - 1, published.year, published.year + 1]

    def as_date(year: int) -> date:
        return date(year, month, min(day, 28) if month == 2 and day else (day or 1))

    pub_point = published if day is not None else published.replace(day=1)
    nearest = min(candidates, key=lambda y: abs((as_date(y) - pub_point).days))
    if day is not None and abs((as_date(nearest) - pub_point).days) <= 60:
        return nearest  # a stated day this close to publication: tense cues matter less than distance
    if tense == "past":
        return max(y for y in candidates if as_date(y) <= pub_point)
    if tense == "future":
        return min(y for y in candidates if as_date(y) >= pub_point)
    return min(candidates, key=lambda y: abs((as_date(y) - pub_point).days))


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday_date(weekday: int, published: date, direction: str, strict: bool = False) -> date:
    if direction == "past":
        back = (published.weekday() - weekday) % 7
        if strict and back == 0:
            back = 7
        return published - timedelta(days=back)
    ahead = (weekday - published.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return published + timedelta(days=ahead)


_DIGIT = re.compile(r"\d")
# Cheap test that a sentence could hold a date at all; most sentences cannot.
_MAYBE_DATE = re.compile(
    r"day\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|week|month|year|yesterday|today|tomorrow|tonight",
    re.IGNORECASE,
)
# Per-pass gates: each pattern below needs one of these, so a sentence without
# it skips that pass (starting with literals lets the engine scan them fast).
_MONTH_WORD = re.compile(_MONTH)
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
_RELATIVE_WORDS = ("week", "month", "year", "yesterday", "today", "tomorrow", "tonight")


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` (one sentence, usually), resolved when possible.

    Overlapping candidates are settled longest first, so "April 24-25, 2019"
    is one range mention, not a day plus a year. Not cached: callers reading
    an article's sentences use :func:`dates_in`, which remembers per article.
    """
    if not _DIGIT.search(text) and not _MAYBE_DATE.search(text):
        return []
    has_digit = _DIGIT.search(text) is not None
    has_month = _MONTH_WORD.search(text) is not None
    found: list[DateMention] = []
    if has_digit:
        found += _absolute(text, published, has_month)
    if "day" in text:  # every weekday name ends in "day"
        found += _weekdays(text, published)
    folded = text.casefold()  # _RELATIVE is case-insensitive
    if any(word in folded for word in _RELATIVE_WORDS):
        found += _relatives(text, published)
    if has_month:
        found += _months(text, published)
    if has_digit and _YEAR_DIGITS.search(text):
        found += _years(text)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def dates_in(article, sentence) -> list[DateMention]:
    """:func:`find_dates` for one sentence of ``article``, computed once per article.

    The event and figure extractors both ask for the same sentences' dates.
    The memo lives on the Article object itself (keyed by the sentence's
    span), so it dies with the article and never serves another article's
    text. Article is an unhashable dataclass, hence an attribute rather than
    a WeakKeyDictionary.
    """
    memo = article.__dict__.setdefault("_date_mentions", {})
    key = (sentence.start, sentence.end)
    if key not in memo:
        memo[key] = find_dates(sentence.text, article.published)
    return list(memo[key])


def _mention(text: str, start: int, end: int, kind: str, **values) -> DateMention:
    return DateMention(start, end, text[start:end], kind, **values)


def _absolute(text: str, published: date | None, has_month: bool = True) -> list[DateMention]:
    out = []
    for rx in (_MD, _DM) if has_month else ():
        for m in rx.finditer(text):
            month = _month_number(m.group("m1"))
            month2 = _month_number(m.group("m2")) if "m2" in m.groupdict() and m.group("m2") else month
            d1, d2 = int(m.group("d1")), int(m.group("d2")) if m.group("d2") else None
            if d2 is not None and month2 == month and d2 <= d1:
                d2 = None  # "April 25 and 2 ..." is not a range
            year = int(m.group("y")) if m.group("y") else None
            kind = "range" if d2 else "absolute"
            if year is None and published is not None:
                year = _pick_year(month, d1, published, tense_at(text, m.start(), m.end()))
            if year is None:
                out.append(_mention(text, m.start(), m.end(), kind))
                continue
            start_iso = _iso_day(year, month, d1)
            end_iso = _iso_day(year, month2, d2) if d2 else None
            if start_iso is None:
                continue
            out.append(
                _mention(text, m.start(), m.end(), kind, date=start_iso, precision="day", date_end=end_iso)
            )
    for m in _ISO.finditer(text) if "-" in text else ():
        iso = _iso_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if iso:
            out.append(_mention(text, m.start(), m.end(), "absolute", date=iso, precision="day"))
    return out


def _weekdays(text: str, published: date | None) -> list[DateMention]:
    out = []
    for m in _WEEKDAY_RX.finditer(text):
        weekday = WEEKDAYS[m.group("wd").lower()]
        rel = (m.group("rel") or "").lower()
        if published is None:
            out.append(_mention(text, m.start(), m.end(), "weekday"))
            continue
        if rel == "last":
            direction, strict = "past", True
        elif rel in ("next", "coming"):
            direction, strict = "future", True
        else:
            direction, strict = tense_at(text, m.start(), m.end()), False
        if direction is None:
            out.append(_mention(text, m.start(), m.end(), "weekday"))
            continue
        day = _weekday_date(weekday, published, direction, strict)
        day_end = None
        if m.group("wd2"):
            later = WEEKDAYS[m.group("wd2").lower()]
            day_end = day + timedelta(days=(later - weekday) % 7 or 7)
        out.append(
            _mention(
                text, m.start(), m.end(), "weekday", date=day.isoformat(), precision="day",
                date_end=day_end.isoformat() if day_end else None,
            )
        )
    return out


def _relatives(text: str, published: date | None) -> list[DateMention]:
    out = []
    for m in _RELATIVE.finditer(text):
        phrase = " ".join(m.group("text").lower().split())
        if published is None:
            out.append(_mention(text, m.start(), m.end(), "relative"))
            continue
        resolved = _resolve_relative(phrase, published)
        if resolved is None:
            continue  # e.g. "the past year": a span, not a date
        out.append(_mention(text, m.start(), m.end(), "relative", **resolved))
    return out


def _resolve_relative(phrase: str, pub: date) -> dict | None:
    week_start = pub - timedelta(days=pub.weekday())
    single_days = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if phrase in single_days:
        return {"date": (pub + timedelta(days=single_days[phrase])).isoformat(), "precision": "day"}
    unit = phrase.split()[-1]
    if "last" in phrase.split() or phrase.startswith("the past"):
        if phrase.startswith("the past"):
            return None
        shift = -1
    elif "next" in phrase.split() or "coming" in phrase:
        shift = 1
    else:
        shift = 0  # this / that / end of the ...
    if unit == "year":
        return {"date": str(pub.year + shift), "precision": "year"}
    if unit == "month":
        month = pub.replace(day=1) + relativedelta(months=shift)
        return {"date": month.strftime("%Y-%m"), "precision": "month"}
    if unit == "weekend":
        saturday = week_start + timedelta(days=5 + 7 * shift)
        if shift == 0 and saturday > pub:
            saturday -= timedelta(days=7)  # "this weekend" in a weekday story is ambiguous
            return None
        return {"date": saturday.isoformat(), "precision": "day",
                "date_end": (saturday + timedelta(days=1)).isoformat()}
    # week
    start = week_start + timedelta(days=7 * shift)
    end = start + timedelta(days=6)
    if phrase.startswith("earlier") and shift == 0:
        end = pub - timedelta(days=1)
        if end < start:
            return None
    if phrase.startswith("later") and shift == 0:
        start = pub + timedelta(days=1)
        if start > end:
            return None
    return {"date": start.isoformat(), "precision": "day", "date_end": end.isoformat()}


def _months(text: str, published: date | None) -> list[DateMention]:
    out = []
    for m in _MONTH_ALONE.finditer(text):
        name = m.group("m") or m.group("m_y")
        # "May" after "in" is still risky in "in May be" — require a capital and no verb after
        if name == "May" and re.match(r"\s+(?:be|have|not)\b", text[m.end():]):
            continue
        month = _month_number(name)
        year_text = m.group("y") or m.group("y2")
        start = m.start("q") if m.group("q") else m.start("m") if m.group("m") else m.start()
        if m.group("p") and m.group("p").strip().lower() in ("last", "next", "this"):
            start = m.start("p")
        if year_text:
            year = int(year_text)
        elif published is None:
            out.append(_mention(text, start, m.end(), "month"))
            continue
        else:
            rel = (m.group("p") or "").strip().lower()
            tense = {"last": "past", "next": "future"}.get(rel) or tense_at(text, m.start(), m.end())
            if (m.group("q") or "").startswith("earlier"):
                tense = "past"
            year = _pick_year(month, None, published, tense)
        out.append(
            _mention(text, start, m.end(), "month", date=f"{year:04d}-{month:02d}", precision="month")
        )
    return out


def _years(text: str) -> list[DateMention]:
    out = []
    for m in _YEAR_RANGE.finditer(text):
        out.append(
            _mention(text, m.start("y1"), m.end("y2"), "range", date=m.group("y1"), precision="year",
                     date_end=m.group("y2"))
        )
    for rx in (_YEAR_AFTER_PREP, _YEAR_MODIFIER):
        for m in rx.finditer(text):
            if re.match(r"[,.]?\d", text[m.end("y"):]) or text[m.start("y") - 1 : m.start("y")] in "$£€¥#":
                continue
            out.append(_mention(text, m.start("y"), m.end("y"), "year", date=m.group("y"), precision="year"))
    return out
