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

__all__ = ["DateMention", "find_dates", "dates_in", "resolve_anaphor", "tense_at", "MONTHS", "WEEKDAYS"]

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
    rf"(?:\s+in|-|\s+)\s*|(?P<p>\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|last|next|this|of)\s+))"
    rf"(?P<m>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
    rf"|\b(?P<m_y>{_MONTH})\s+(?P<y2>{_YEAR})\b"
)
# "in July last year", "in April and May of next year": a month the year word places.
_YEAR_WORD_AFTER = re.compile(
    rf"(?P<pair>\s+(?:and|or)\s+{_MONTH})?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.IGNORECASE
)
_YEAR_WORD_SHIFT = {"last": -1, "this": 0, "next": 1}
# The second month of a pair: "in April and May", "in March or April".
_MONTH_PAIR = re.compile(rf"\b{_MONTH}\s+(?:and|or)\s+(?P<m>{_MONTH})\b(?!\s+(?:\d|be|have|not)\b)")
_WEEKDAY_RX = re.compile(
    rf"\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<wd>{_WEEKDAY}){_PART}"
    rf"(?:(?:\s+(?:and|to|through|until|till)\s+|\s*[-–]\s*)(?P<wd2>{_WEEKDAY}){_PART})?\b"
)
_RELATIVE = re.compile(
    r"\b(?P<text>(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)"
    r"|(?:last|this|next|the\s+coming|the\s+past)\s+(?:week|weekend|month|year)"
    # "This morning he was greeted ...": a part of the publication day
    r"|this\s+(?:morning|afternoon|evening)"
    r"|(?:the\s+)?(?:end|beginning|start)\s+of\s+(?:this|last|next|the)\s+(?:week|month|year)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
# "over the weekend", "this past weekend": which weekend depends on tense.
_WEEKEND = re.compile(r"\b(?:(?:over|at|during)\s+(?P<the>the\s+weekend)|(?P<past>this\s+past\s+weekend))\b", re.IGNORECASE)
# Dates anchored to the story's previous date, not to publication: "the previous
# day", "two days later", "later that month", "the same year".
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
_ANAPHOR = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<u1>day|week|month|year)s?\s+"
    r"(?P<d1>earlier|later|before|after)(?=\s*(?:[,.;:)]|$|\s+(?:on|in|at|when|with|as|and|he|she|they|it)\b))"
    r"|the\s+(?P<d2>same|previous|next|following|preceding)\s+(?P<u2>day|week|month|year)"
    r"|the\s+(?P<u3>day|week|month|year)\s+(?P<d3>before|after)(?=\s*(?:[,.;:)]|$))"
    r"|(?P<d4>later|earlier)\s+that\s+(?:same\s+)?(?P<u4>day|week|month|year)"
    r"|that\s+same\s+(?P<u5>day|week|month|year))\b",
    re.IGNORECASE,
)
# Every anaphor holds a unit as a word of its own ("Tuesday" does not count);
# testing for one first spares most sentences the long pattern above.
_ANAPHOR_UNIT = re.compile(r"(?<![a-z])(?:day|week|month|year)s?\b")
# "up 12 per cent on the previous year" compares figures; it dates nothing.
_COMPARISON_LEAD = re.compile(r"\b(?:on|over|than|from|with|versus|vs\.?|against|to)\s+$", re.IGNORECASE)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Lower-case season words only: "the Summer Olympics" names a games, not a season.
_SEASON = re.compile(
    rf"\b(?:(?P<rel>last|this|next)\s+|(?P<prep>in|during|by|since|until|over|through)\s+(?P<q>(?:the\s+)?"
    rf"(?:(?:early|late|mid-?)\s*)?))(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?"
    rf"|\b(?P<s2>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y2>{_YEAR})\b"
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
# "the 1950-53 Korean War", "the 2018–2019 season": a span of years in one token.
_YEAR_SPAN = re.compile(
    rf"(?<![\d$£€¥#.,/-])(?P<y1>{_YEAR})\s?[-–]\s?(?P<y2>(?:1[89]|20)?\d\d)\b"
    r"(?![-–/.,]?\d)(?!\s*(?:%|percent|per\s+cent))"
)
_YEAR_RANGE = re.compile(rf"\b(?:from|between)\s+(?P<y1>{_YEAR})\s+(?:to|and|until)\s+(?P<y2>{_YEAR})\b")

# --- tense cues -------------------------------------------------------------

# The lookahead holds the cue words' first letters (a fast reject elsewhere).
_FUTURE = re.compile(
    r"\b(?=[wsiagupdetvcr'])(?:will|won['’]t|shall|'ll|would|is\s+to|are\s+to|going\s+to|upcoming|planned\s+for|"
    # "He is due in X on Wednesday", "the envoy is due back on Monday": a schedule.
    r"(?:is|are)\s+due|"
    r"(?:scheduled|due|set|expected|slated|poised|planning|plans?|intends?|aims?)\s+(?:to|for)|"
    r"to\s+be\s+held|scheduled|expected|"
    # A commitment made in the past points ahead: "agreed to launch talks by 30 June".
    r"(?:agreed|pledged|promised|vowed|decided|committed|undertook|resolved)\s+to|"
    # A deadline an infinitive sets lies ahead of the clause's own verb:
    # "announced a committee to meet by 31 March", "ordered troops to withdraw by Friday".
    r"to\s+(?:be\s+)?[a-z]+\s+(?:[a-z]+\s+){0,3}?by(?=\s*$))\b",
    re.IGNORECASE,
)
# News prose states a scheduled happening in the present simple: "She flies to
# Bali on Saturday", "a state visit beginning Thursday". Only movement and
# schedule verbs count; "says" and "wants" describe the present, not a plan.
_SCHEDULED_PRESENT = re.compile(
    r"\b(?=[abdefghlmorstv])(?:flies|travels|heads|leaves|departs|returns|visits|meets|hosts|holds|"
    r"begins|beginning|starts|starting|opens|ends|wraps|goes|arrives)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = frozenset(
    """was were had did met came left went said told took began saw held made flew drove
    gave got spoke wrote sent brought became ran won lost fell rose found kept led paid
    sat stood spent struck thought knew broke chose ate shook stole sold bought caught
    taught fought sought hung hid swore wore woke rode grew threw drew dug fled felt
    heard meant overtook undertook withdrew laid sang shot sank rang understood""".split()
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
_OPENING_LEAD = re.compile(r"(?:.*[,;:]\s*)?(?:on|(?:late|early|earlier|later) on|by|since|in)")
_OPENING_PHRASE = re.compile(r"(?:at|in|during|after|before|following|ahead\s+of|on|upon|late|early)\b")
# A clause opened by a participle or infinitive: "(after) leaving ...", "(before) returning ...".
_NON_FINITE = re.compile(r"\s*(?:\w+ing|to\s+\w+)\b", re.IGNORECASE)
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
    Thursday, were held") would otherwise borrow an unrelated verb; so does a
    date in a verbless opening phrase ("At the banquet on Tuesday night, guests
    were offered ..."). A participle clause ("after leaving X on Sunday")
    borrows the tense of the clause before it, and a schedule verb in the
    present ("She flies to Bali on Saturday") points ahead.
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
    opens_clause = not lead or lead.endswith((",", ";", ":")) or lead in _OPENING_LEADS
    # "At the banquet at the palace on Tuesday night, guests were offered ...":
    # a date in an opening phrase with no verb of its own takes the main clause's.
    # (len(window) == len(before): the cue search above covered the whole prefix.)
    opening_phrase = len(window) == len(before) and _OPENING_PHRASE.match(lead) is not None
    if opens_clause or opening_phrase or _OPENING_LEAD.fullmatch(lead):
        after = text[end:]
        stop = _CLAUSE_BREAK.search(after)
        after = after[: stop.start()] if stop else after
        found = _nearest_cue(after, from_end=False)
        if found:
            return found
    # "..., after leaving Lima on Sunday": a participle clause has no tense
    # of its own and borrows the main clause's, stated before it.
    if cut and _NON_FINITE.match(before[cut:]):
        found = _nearest_cue(before[:cut], from_end=True)
        if found:
            return found
        window = before
    if _SCHEDULED_PRESENT.search(window):
        return "future"
    # AP style puts the date between subject and verb ("The minister on Tuesday
    # visited ...", "Kim on Saturday met ..."): the clause's verb follows the date.
    found = _first_verb_cue(_clause_after(text, end))
    if found is None and cut and _describes_noun(before, cut, window):
        # "toured a plant that builds jets on Friday": a relative clause in the
        # present describes its noun; no single day belongs to "builds", so the
        # date goes with the verb of the clause the noun stands in.
        found = _nearest_cue(before[:cut], from_end=True)
    return found if found != "present" else None


# Sentence-opening leads into a date: "On Friday, ...", "Earlier on Friday, ...".
_OPENING_LEADS = frozenset({"on", "late on", "early on", "earlier on", "later on", "by", "since"})
_RELATIVE_PRONOUN_END = re.compile(r"\b(?:that|which|who)$")


# A present-tense verb opening a relative clause, then its object: "(that) builds
# Russia's ...", "(which) employs about ...". A plural noun there ("which officials
# in X expect") is the clause's own subject, and is followed by other words.
_PRESENT_VERB_FIRST = re.compile(
    r"\s*[a-z]+[^s\W]s\s+(?:the|a|an|its|their|his|her|about|some|more|[A-Z]|\d)"
)


def _describes_noun(before: str, cut: int, window: str) -> bool:
    """Whether the date follows a subject relative clause in the present
    ("that builds jets", "which employs 300 people") with no tense cue and no
    schedule or state verb (:data:`_SCHEDULED_PRESENT`, :data:`_PRESENT_STATE`):
    it describes its noun. ("which officials expect in May" has a subject of
    its own and keeps its own tense.)"""
    if not _RELATIVE_PRONOUN_END.search(before, 0, cut) or not _PRESENT_VERB_FIRST.match(window):
        return False
    return not (_PRESENT_STATE.search(window) or _nearest_cue(window, from_end=True))


# What ends the stretch after a date that can still hold its clause's verb.
_AFTER_STOP = re.compile(
    r"[,;:—–()\"“”]|\b(?=[twbaoisc])(?:that|which|who|when|where|while|but|and|or|as|after|before|since"
    r"|because|if|until)\b"
)
# Present-tense verbs of a current state or a span under way: "talks on Monday
# and Tuesday come ahead of ...", "a forum that runs through Wednesday". Not
# "is"/"are", which news prose also uses for plans ("the vote is on Tuesday").
_PRESENT_STATE = re.compile(
    r"\b(?=[crlfpt])(?:comes?|runs?|continues?|remains?|lasts|follows?|precedes?|coincides?|takes?\s+place)"
    r"\b(?![-'’])",
    re.IGNORECASE,
)


def _clause_after(text: str, end: int) -> str:
    """The words after a date up to the next clause break (at most ~15 words)."""
    after = text[end : end + 100]
    stop = _AFTER_STOP.search(after)
    return after[: stop.start()] if stop else after


def _first_verb_cue(window: str) -> str | None:
    """The first tense cue in ``window``: "past", "future", "present" or None."""
    present = _PRESENT_STATE.search(window)
    if present is None:
        return _nearest_cue(window, from_end=False)
    return _nearest_cue(window[: present.start()], from_end=False) or "present"


def _in_present(text: str, start: int, end: int) -> bool:
    """Whether the clause holding ``text[start:end]`` is in the present tense of a
    current state ("... a forum that runs through Wednesday"), with no past or
    future cue (call only where :func:`tense_at` found none)."""
    before = text[:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    if _PRESENT_STATE.search(before, cut):
        return True
    return _first_verb_cue(_clause_after(text, end)) == "present"


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
    kind: str  # absolute | range | weekday | relative | month | season | year | anaphor
    date: str | None = None
    precision: str | None = None
    date_end: str | None = None
    # For kind "anaphor": (unit, signed count) from the story's previous date,
    # which only the caller reading the whole article knows.
    shift: tuple[str, int] | None = None

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


def _nearest_weekday(weekday: int, published: date) -> date | None:
    """The day a weekday names in a present-tense clause: the one nearest
    publication, when it is at most two days away (three is a guess either way)."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if min(back, ahead) > 2:
        return None
    return published - timedelta(days=back) if back <= ahead else published + timedelta(days=ahead)


_DIGIT = re.compile(r"\d")
# Per-pass gates: each pattern below needs one of these, so a sentence without
# it skips that pass (starting with literals lets the engine scan them fast); a
# sentence that opens no gate holds no date at all (most sentences).
_MONTH_WORD = re.compile(_MONTH)
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
_RELATIVE_WORDS = ("week", "month", "year", "yesterday", "today", "tomorrow", "tonight",
                   "this morning", "this afternoon", "this evening")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")


def _has_relative_word(folded: str) -> bool:
    """Whether casefolded text holds one of :data:`_RELATIVE_WORDS` (which
    :data:`_RELATIVE` needs). Spelled out: a chain of ``in`` tests costs a
    fraction of ``any()`` over a generator, and every sentence asks."""
    return (
        "week" in folded or "month" in folded or "year" in folded or "yesterday" in folded
        or "today" in folded or "tomorrow" in folded or "tonight" in folded
        or "this morning" in folded or "this afternoon" in folded or "this evening" in folded
    )


def _has_season_word(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_SEASON_WORDS` (which :data:`_SEASON` needs)."""
    return "spring" in text or "summer" in text or "autumn" in text or "fall" in text or "winter" in text


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` (one sentence, usually), resolved when possible.

    Overlapping candidates are settled longest first, so "April 24-25, 2019"
    is one range mention, not a day plus a year. Not cached: callers reading
    an article's sentences use :func:`dates_in`, which remembers per article.
    """
    has_digit = _DIGIT.search(text) is not None
    folded = text.casefold()  # _RELATIVE and _ANAPHOR are case-insensitive
    # The gates of the passes below, each tested once. When none opens, every
    # pass is skipped and the answer is [] (this replaces a case-blind regex
    # that only approximated them and cost more than they do together).
    has_weekday_day = "day" in text  # every weekday name ends in "day"
    has_unit = "day" in folded or "week" in folded or "month" in folded or "year" in folded
    has_relative = _has_relative_word(folded)
    has_season = _has_season_word(text)
    has_month = _MONTH_WORD.search(text) is not None
    if not (has_digit or has_weekday_day or has_relative or has_unit or has_season or has_month):
        return []
    found: list[DateMention] = []
    if has_digit:
        found += _absolute(text, published, has_month)
    if has_weekday_day:
        found += _weekdays(text, published)
    if has_relative:
        found += _relatives(text, published)
    if has_unit and _ANAPHOR_UNIT.search(folded):
        found += _anaphors(text)
    if has_season:
        found += _seasons(text, published)
    if has_month:
        found += _months(text, published)
    if has_digit and _YEAR_DIGITS.search(text):
        found += _years(text)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return _join_weekday_dates(text, sorted(kept, key=lambda m: m.start))


# Between a weekday and the date that names the same day: "on Friday (April 27)",
# "on Friday, April 27".
_WEEKDAY_DATE_GLUE = re.compile(r"\s*(?:(?P<open>\()|,)\s*")
_CLOSING_PAREN = re.compile(r"\s*\)")


def _join_weekday_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A weekday followed by its date is one mention, dated by the date."""
    out: list[DateMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        glue = (
            _WEEKDAY_DATE_GLUE.fullmatch(text, previous.end, mention.start)
            if previous and previous.kind == "weekday" and previous.date_end is None and mention.kind == "absolute"
            else None
        )
        end = mention.end
        if glue and glue["open"]:
            close = _CLOSING_PAREN.match(text, end)
            end = close.end() if close else -1
        if glue is None or end < 0:
            out.append(mention)
            continue
        out[-1] = DateMention(previous.start, end, text[previous.start : end], mention.kind,
                              mention.date, mention.precision, mention.date_end)
    return out


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
    previous: tuple[int, date] | None = None  # (end, date) of the last weekday resolved
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
        day = _weekday_date(weekday, published, direction, strict) if direction else None
        if day is None and not rel and _in_present(text, m.start(), m.end()):
            day = _nearest_weekday(weekday, published)
        if day is None:
            out.append(_mention(text, m.start(), m.end(), "weekday"))
            continue
        if previous and not rel and _PURPOSE_LINK.fullmatch(text, previous[0], m.start()):
            # "arrived on Tuesday for talks with X on Wednesday": the purpose
            # follows the arrival, so count on from its day, not from publication.
            day = _weekday_date(weekday, previous[1], "future")
        previous = (m.end(), day)
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


# What joins a dated arrival to the happening it is for: "for talks with X on",
# "for a summit with the premier on" (no verb or clause break of its own).
_PURPOSE_LINK = re.compile(
    r"\s+for\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:talks|summit|meetings?|visit|ceremony|dinner|banquet|negotiations)\b"
    r"(?:\s+(?:with|in|at|of)\s+[^,;:\"“”()]{1,80}?)?\s+on\s+"
)


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
    if "weekend" in text:
        out += _weekends(text, published)
    return out


def _weekends(text: str, published: date | None) -> list[DateMention]:
    out = []
    for m in _WEEKEND.finditer(text):
        start = m.start("the") if m.group("the") else m.start("past")
        if published is None:
            out.append(_mention(text, start, m.end(), "relative"))
            continue
        tense = "past" if m.group("past") else tense_at(text, m.start(), m.end())
        if tense is None:
            continue  # a weekend with no tense is a guess either way
        saturday = _weekday_date(5, published, "past" if tense == "past" else "future")
        if tense == "past" and saturday == published:
            saturday -= timedelta(days=7)  # a Saturday paper's "over the weekend" is the one before
        out.append(_mention(text, start, m.end(), "relative", date=saturday.isoformat(), precision="day",
                            date_end=(saturday + timedelta(days=1)).isoformat()))
    return out


def _anaphors(text: str) -> list[DateMention]:
    out = []
    for m in _ANAPHOR.finditer(text):
        unit = next(m.group(g) for g in ("u1", "u2", "u3", "u4", "u5") if m.group(g)).lower()
        way = (next((m.group(g) for g in ("d1", "d2", "d3", "d4") if m.group(g)), None) or "same").lower()
        if unit in ("month", "year") and _COMPARISON_LEAD.search(text, max(0, m.start() - 12), m.start()):
            continue
        count = m.group("n")
        size = (_COUNT_WORDS.get(count.lower()) or int(count)) if count else 1
        if count and unit == "week":
            unit, size = "day", size * 7  # "a week later" is a day; "the following week" a span
        sign = {"earlier": -1, "before": -1, "previous": -1, "preceding": -1,
                "later": 1, "after": 1, "next": 1, "following": 1}.get(way, 0)
        if m.group("d4"):
            sign = 0  # "later that day" is that same day
        out.append(_mention(text, m.start(), m.end(), "anaphor", shift=(unit, sign * size)))
    return out


def resolve_anaphor(mention: DateMention, anchor: DateMention) -> DateMention | None:
    """``mention`` (kind "anaphor") dated from ``anchor``, the story's previous
    resolved date; ``None`` when the anchor is too coarse ("the next day" after "in 2011")."""
    unit, count = mention.shift or ("day", 0)
    need = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}[unit]
    if anchor.date is None or anchor.precision not in need:
        return None
    point = anchor.date_end if count > 0 and anchor.date_end else anchor.date
    if unit == "year":
        return _dated(mention, str(int(point[:4]) + count), "year")
    if unit == "month":
        month = date(int(point[:4]), int(point[5:7]), 1) + relativedelta(months=count)
        return _dated(mention, month.strftime("%Y-%m"), "month")
    day = date.fromisoformat(point)
    if unit == "day":
        return _dated(mention, (day + timedelta(days=count)).isoformat(), "day")
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=count)
    return _dated(mention, monday.isoformat(), "day", (monday + timedelta(days=6)).isoformat())


def _dated(mention: DateMention, iso: str, precision: str, end: str | None = None) -> DateMention:
    return DateMention(mention.start, mention.end, mention.text, mention.kind, iso, precision, end, mention.shift)


def _seasons(text: str, published: date | None) -> list[DateMention]:
    """Seasons have no precision of their own: they resolve to their year."""
    out = []
    for m in _SEASON.finditer(text):
        season = m.group("s") or m.group("s2")
        year = m.group("y") or m.group("y2")
        start = m.start("rel") if m.group("rel") else m.start("q") if m.group("s") else m.start()
        if m.group("prep") and season == "fall" and not year and not re.search(r"the\s+\S*\s*$", text[: m.start("s")]):
            continue  # "in fall" is rare; "prices ... by fall" is a verb more often than not
        if year:
            out.append(_mention(text, start, m.end(), "season", date=year, precision="year"))
            continue
        if published is None or season == "winter":
            if published is None:
                out.append(_mention(text, start, m.end(), "season"))
            continue  # winter straddles two years: which one is a guess
        first, last = _SEASON_START[season], _SEASON_START[season] + 2
        rel = (m.group("rel") or "").lower()
        tense = {"last": "past", "next": "future"}.get(rel) or tense_at(text, m.start(), m.end())
        here = published.year
        if rel == "this":
            resolved = here
        elif rel == "last":
            resolved = here if last < published.month else here - 1
        elif rel == "next":
            resolved = here if first > published.month else here + 1
        elif tense == "past":
            resolved = here if first <= published.month else here - 1
        elif tense == "future":
            resolved = here if last >= published.month else here + 1
        else:
            continue
        out.append(_mention(text, start, m.end(), "season", date=str(resolved), precision="year"))
    return out


def _resolve_relative(phrase: str, pub: date) -> dict | None:
    week_start = pub - timedelta(days=pub.weekday())
    single_days = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
                   "this morning": 0, "this afternoon": 0, "this evening": 0}
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
    for m in _MONTH_PAIR.finditer(text):
        year_word = _YEAR_WORD_AFTER.match(text, m.end())
        if year_word and year_word.group("pair"):
            year_word = None
        end = year_word.end() if year_word else m.end()
        if published is None:
            out.append(_mention(text, m.start("m"), end, "month"))
            continue
        month = _month_number(m.group("m"))
        if year_word:
            year = published.year + _YEAR_WORD_SHIFT[year_word.group("rel").lower()]
        else:
            year = _pick_year(month, None, published, tense_at(text, m.start(), m.end()))
        out.append(_mention(text, m.start("m"), end, "month", date=f"{year:04d}-{month:02d}", precision="month"))
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
        end = m.end()
        # "in July last year": the year word, not the tense, places the month.
        year_word = None if year_text else _YEAR_WORD_AFTER.match(text, end)
        if year_word and not year_word.group("pair"):
            end = year_word.end()
        if year_text:
            year = int(year_text)
        elif published is None:
            out.append(_mention(text, start, end, "month"))
            continue
        elif year_word:
            year = published.year + _YEAR_WORD_SHIFT[year_word.group("rel").lower()]
        else:
            rel = (m.group("p") or "").strip().lower()
            tense = {"last": "past", "next": "future"}.get(rel) or tense_at(text, m.start(), m.end())
            if (m.group("q") or "").startswith("earlier"):
                tense = "past"
            year = _pick_year(month, None, published, tense)
        out.append(
            _mention(text, start, end, "month", date=f"{year:04d}-{month:02d}", precision="month")
        )
    return out


def _years(text: str) -> list[DateMention]:
    out = []
    for m in _YEAR_RANGE.finditer(text):
        out.append(
            _mention(text, m.start("y1"), m.end("y2"), "range", date=m.group("y1"), precision="year",
                     date_end=m.group("y2"))
        )
    for m in _YEAR_SPAN.finditer(text) if "-" in text or "–" in text else ():
        first, last = m.group("y1"), m.group("y2")
        if len(last) == 2:
            last = first[:2] + last
        if 0 < int(last) - int(first) <= 30:  # "2019-04" is a month, not a span
            out.append(_mention(text, m.start(), m.end(), "range", date=first, precision="year", date_end=last))
    for rx in (_YEAR_AFTER_PREP, _YEAR_MODIFIER):
        for m in rx.finditer(text):
            if re.match(r"[,.]?\d", text[m.end("y"):]) or text[m.start("y") - 1 : m.start("y")] in "$£€¥#":
                continue
            out.append(_mention(text, m.start("y"), m.end("y"), "year", date=m.group("y"), precision="year"))
    return out
