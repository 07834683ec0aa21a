"""Venue extractor: places where something in the story happens.

A place is recognised by its shape and by what the sentence says about it
(see :mod:`.places` for the shapes):

* **typed names** — a capitalised run with a place-type head word, written
  capitalised ("Lantau Island", "Azure Bay Hotel", "House of Culture") or in
  lower case after the name ("Dong Dang railway station", "the Heroes memorial",
  "X missile engine test site"; after "a"/"the" up to two descriptive words
  may come first: "a X traditional medicine factory"); "by the" may join a head to a name ("Gardens by
  the Sea"); a shape or colour word makes "X Office" / "X Room" a room;
  "the X campus of Y University" is Y University;
* **descriptor names** — "the port city of X", "the border station of X",
  "the Chinese cities of X and Y", "the streets of X", "the tourist destination X";
* **ships** — "the corvette, X," / "the frigate X" (type "ship");
* **bare names after a locative cue** — "arrived in X", "will meet ... in X",
  "a conference in X", "stopped at X", "visited X", "left X", "a trip to X";
  countries, regions, organisations, people, calendar words and languages
  are refused here (a trip "to Russia" is not a venue);
* **located names** — "the X University in Y", "a Z hotel near Y", "in downtown
  Y", "in <country>'s Y": Y is where the typed place stands (a city, or untyped
  after an airfield, base or cosmodrome, which may stand in a region); "from X, where he was attending a summit": a
  where-clause with a happening word makes X a place (not after "at": "at X,
  where he worked" may be an employer);
* **venue statements** — "... would be a likely venue for the summit", "is
  expected to host the summit"; when the subject is a description ("The
  island, ...", "The school's campus") it means the last place of that type.

Affiliations ("a professor at X University") are remembered for those
descriptions but not reported. The activity comes from the happening word
nearest the name (a generic lexicon: arrival, talks, summit venue, border
crossing, welcome ceremony, closure, visit, wreath laying ...).

One fact per distinct place per article: repeat mentions become further
evidence of the same fact and their activities are joined ("arrival; talks").
Boilerplate (captions, headlines, datelines, tweets) is never read. A name after
"according to", "released by", "provided by", "citing" is a source, not a venue.
Look-alike Cyrillic/Greek letters inside a Latin word are read as Latin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Venue
from ..read import Article, Sentence
from .common import evidence
from .people import ROLE_HEADS
from .places import (
    DESCRIPTORS,
    HEAD_FIRST,
    NAME_RUN,
    NOT_PLACE_MODIFIERS,
    PLACE_HEADS,
    PLACE_MODIFIERS,
    NEEDS_MODIFIER,
    ROOM_ADJECTIVES,
    STOP_CAPS,
    ZONE_MODIFIERS,
    bare_name_ok,
    clean,
    fold,
    is_calendar,
    is_country,
    is_org,
    is_personish,
    named_ok,
    strip_possessive,
    unconfuse,
)


_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,40}>")

# --- what happens there ------------------------------------------------------

_VENUE_CUE = re.compile(
    r"\b(?:(?:likely|possible|probable|expected|main|chosen|final|official|preferred|summit|meeting|"
    r"talks)\s+)*venues?\b(?!['’]s)"
    r"|\b(?:to\s+)?host(?:s|ed|ing)?\s+(?:part\s+of\s+|some\s+of\s+)?the\s+(?:summit|talks|meeting|negotiations)\b",
    re.I,
)
# A venue word that does not name the place ("the summit's venue", "the venue of").
_VENUE_WITHOUT_NAME = re.compile(r"\b(?:summit|meeting|talks)['’]s\s+venue\b", re.I)

# Happening words -> activity label. Order breaks ties between equally near cues.
_ACTIVITY_LIST: list[tuple[str, str]] = [
    (label, pattern)
    for label, pattern in [
        ("wreath laying", r"\bwreaths?\b|\blay(?:s|ing)?\s+(?:flowers|a\s+wreath)|\blaid\s+(?:flowers|a\s+wreath)"),
        ("border crossing", r"\bcross(?:ed|es|ing)?\s+(?:the\s+)?border\b|\bborder\s+(?:crossing|station|post)\b"),
        ("welcome ceremony", r"\bwelcom\w*|\bgreet\w*|\bhonou?r\s+guard\b|\bred\s+carpet\b|\bceremon\w*"),
        ("summit", r"\bsummit\b"),
        ("talks", r"\btalks\b|\bnegotiat\w*|\bmet\b|\bmeet(?:s|ing)?\b"),
        ("arrival", r"\barriv\w*|\blanded\b|\btouched\s+down\b"),
        ("departure", r"\bdepart\w*|\bleft\b|\bleav(?:e|es|ing)\b"),
        ("preparations", r"\bprepar\w*|\binstall\w*|\broad\s*works\b|\brenovat\w*|\bdig\b|\bfurniture\b"),
        ("closure", r"\bclos(?:ed|ure|ing|e)\b|\breroute\w*|\bcordon\w*"),
        ("banquet", r"\breception\b|\bbanquet\b|\bdinner\b|\blunch(?:eon)?\b"),
        ("conference", r"\bconference\b|\bforum\b"),
        ("visit", r"\bvisit\w*|\btour(?:ed|s|ing)?\b|\binspect\w*"),
        ("sighting", r"\bseen\b|\bspotted\b|\bsighted\b|\bsighting\b"),
        ("stop", r"\bstop(?:ped|s|over)?\b"),
        ("stay", r"\bstay\w*|\bspen[dt]\b|\bovernight\b|\bhoused\b|\blodged\b|\bremain(?:s|ed|ing)?\b"),
        ("security", r"\bsecurity\b|\bchecks\b|\bsearch\w*"),
        ("travel", r"\btravel\w*|\btrip\b|\bjourney\b|\bflight\b|\bfl(?:y|ew|ies)\b|\broute\b"),
    ]
]


def _top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at the "|" that are not inside a group."""
    parts, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current += pattern[i : i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    return parts + [current]


def _activity_pattern() -> str:
    """One alternation of every activity cue; the group name says which activity (and its rank).

    Every cue opens with \\b, so the \\b is hoisted out and followed by a
    lookahead on the cues' first letters: the engine then rejects almost every
    position with one test instead of trying ~50 alternatives (5x faster, the
    same matches).
    """
    groups, first_letters = [], set()
    for rank, (_, pattern) in enumerate(_ACTIVITY_LIST):
        alternatives = _top_level_alternatives(pattern)
        assert all(a.startswith(r"\b") and a[2].isalpha() for a in alternatives), pattern
        first_letters |= {a[2].lower() for a in alternatives}
        groups.append(f"(?P<a{rank}>{'|'.join(a[2:] for a in alternatives)})")
    return rf"\b(?=[{''.join(sorted(first_letters))}])(?:{'|'.join(groups)})"


_ACTIVITIES = re.compile(_activity_pattern(), re.I)

# --- locative cues for bare names --------------------------------------------

# Happening words that make "in/at X" the place where it happens.
_IN_AT_CUE = re.compile(
    r"\b(?:arriv\w*|land(?:ed|s|ing)|touched\s+down|meet(?:s|ing|ings)?|met|summit|summits|talks|"
    r"negotiations|conference|forum|held|hold(?:s|ing)?|host(?:s|ed|ing)?|ceremony|reception|banquet|"
    r"dinner|lunch|signing|signed|seen|spotted|sighted|stay(?:s|ed|ing)?|spen[dt]|stop(?:s|ped)?|"
    r"gather(?:ed|s)?|welcom(?:e|ed|es|ing)|greet(?:ed|s)?|preparations?|parade|rally|visit(?:s|ed|ing)?|"
    r"trip|tour(?:s|ed)?|day|night|overnight|crossed|arrival|stopover|laid|lay|housed|lodged|accommodated|"
    # someone staying behind is a happening at a place: "the minister remained in X"
    r"remain(?:s|ed|ing)?|due|"
    # a walk across a line or into a place: "20 steps across the demarcation line at X"
    r"across|steps|stepped|walk(?:s|ed)?|set\s+foot)\b",
    re.I,
)
# Travel words that make "to/from/for X" a place the story moves through.
_TO_CUE = re.compile(
    r"\b(?:trip|trips|travel(?:s|led|ed|ling|ing)?|fl(?:y|ew|ies|ying)|flight|head(?:s|ed|ing)?|journey|"
    r"visit(?:s)?|come|came|comes|coming|go|goes|went|going|return(?:s|ed|ing)?|arriv\w*|moved|drove|"
    r"sailed|depart(?:s|ed|ing)?|left|leaving|bound|route)\b",
    re.I,
)
_FROM_CUE = re.compile(
    r"\b(?:come|came|comes|coming|travel(?:s|led|ed|ling|ing)?|fl(?:y|ew|ies|ying)|flight|depart(?:s|ed|ing)?|"
    r"journey\w*|drove|sailed|set\s+off|set\s+out)\b",
    re.I,
)
_FOR_CUE = re.compile(r"\b(?:depart(?:s|ed|ing)?|left|leav(?:e|es|ing)|head(?:s|ed|ing)?|bound|set\s+off)\b", re.I)
# Verbs that take the place as their object: "visited X", "toured X", "left X".
_TRANSITIVE = re.compile(
    r"(?:^|\b)(?P<verb>visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|left|leav(?:e|es|ing)|reach(?:ed|es|ing)?|"
    r"depart(?:s|ed|ing)?|enter(?:s|ed|ing)?)\s+$",
    re.I,
)
_TRANSITIVE_FORMS = tuple(
    f"{stem}{ending}" for stem, endings in (
        ("visit", ("", "s", "ed", "ing")), ("tour", ("", "s", "ed", "ing")), ("left", ("",)),
        ("leav", ("e", "es", "ing")), ("reach", ("", "ed", "es", "ing")), ("depart", ("", "s", "ed", "ing")),
        ("enter", ("", "s", "ed", "ing")),
    ) for ending in endings
)


def _may_end_transitive(clause: str) -> bool:
    """Cheap necessary test for ``_TRANSITIVE.search(clause)``: a verb form, then whitespace, ends it."""
    tail = clause.rstrip()
    if len(tail) == len(clause):
        return False
    return not tail.isascii() or tail[-10:].lower().endswith(_TRANSITIVE_FORMS)


_PREP_BEFORE = re.compile(r"\b(?P<prep>in|at|to|from|for|into)\s+(?:(?:the|a|an)\s+)?$", re.I)


def _search_end(pattern: re.Pattern, text: str, words: int) -> re.Match | None:
    """``pattern.search(text)`` for a pattern anchored at the end whose match lies within
    the last ``words`` whitespace-separated words of ``text`` ("in the " is two).

    The search starts where those words begin instead of at every position of
    the text: no match can start earlier, so the first match found is the same
    (and a \b there still sees the character before).
    """
    head = text.rsplit(None, words)
    return pattern.search(text, len(head[0]) if len(head) > words else 0)
# Words that may follow a bare place name; anything else lower case means the
# run was an adjective ("in Vietnamese media", "the Peruvian Andes city").
_FOLLOW_OK = frozenset("""
    on in at for to with and next last this that where which after before ahead earlier later from until
    by during since as when while early late around near off over under between of or but who whose
    said says say told then last tomorrow today tonight yesterday is was were are will would has had have
    could may might later, to
""".split())
_NOT_FREE = _FOLLOW_OK | STOP_CAPS | NOT_PLACE_MODIFIERS
# "X, a colonial-era hotel on ...": an apposition that says what X is.
_HEAD_ALT = "|".join(sorted(PLACE_HEADS, key=len, reverse=True))
_APPOSITIVE = re.compile(
    rf"^\s*,\s+(?:a|an|the)\s+(?:[\w'’\-]+\s+){{0,4}}?(?P<head>{_HEAD_ALT})(?:\s+(?P<head2>{_HEAD_ALT}))?\b"
)
_CLAUSE_CUT = re.compile(r"[;:()\"“”]|\s[—–]\s|--")
# "a summit of the X Organization (SCO) in Y": a bracketed acronym does not end the clause.
_BRACKETED_ACRONYM = re.compile(r"\((?:[A-Z][A-Za-z]?){2,6}\)")


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))
# "in/from/to X, where ..." names a place; "at X, where he worked" may be an employer.
_WHERE_PREPOSITIONS = frozenset({"in", "from", "to", "into"})
_WHERE_CLAUSE = re.compile(r"\s*,\s+where\s+(?P<clause>[^.;:,()]{1,100})")
# "X University in Y", "X hotel near Y": where the typed place stands.
# "in downtown Y", "in central Y": the part of the city is still the city.
_LOCATED = re.compile(r"[ \t]+(?:in|near|outside)[ \t]+(?:(?:downtown|central)[ \t]+)?(?=[A-Z])")
# Places that stand out in the country, as often in a region as in a city ("the X airfield in Y",
# "the Z cosmodrome in Y"): Y is given no type. A hotel, a plant or an airport is in a town.
_REGIONAL_HEADS = frozenset("airfield airbase aerodrome base cosmodrome spaceport site mine farm".split())

# "Plant No 3", "Gate Number 2": a number that closes a typed name.
_NUMBER_WORDS = frozenset({"no", "no.", "number"})
_NUMBER_AFTER = re.compile(r"[ \t]+\d+\b")
# "the monument to Marshal X", "the Monument to the Fallen Sailors": a memorial named for
# whom it honours (a capitalised head opens the name; a lower-case one is still a memorial).
_DEDICATED_HEADS = frozenset({"monument", "memorial", "statue", "obelisk"})
_DEDICATION = re.compile(
    r"\b(?:the|a)\s+(?:[a-z]+\s+)?(?P<head>(?i:monument|memorial|statue|obelisk))"
    r"[ \t]+to[ \t]+(?:the[ \t]+)?(?=[A-Z])"
)
_DEDICATION_AND = re.compile(rf"[ \t]+and[ \t]+{NAME_RUN.pattern}")

# A town first named by its station, then as where someone leaves for or travels to
# ("arrived at X station ... will leave for X"), is that stop, not a second venue.
_DESTINATION_RULES = frozenset({"venue.for", "venue.to"})

# --- affiliations and descriptions --------------------------------------------

_AFFILIATION = re.compile(
    r"(?:\b(?:a|an)\s+(?:[\w\-]+\s+){0,2}(?:professor|lecturer|researcher|student|scholar|fellow|expert|"
    r"analyst|dean|rector|graduate|alumnus|teacher|economist|director|specialist|president)|"
    r"\b(?:studied|studies|teaches|taught|graduated|works|worked))"
    r"\s+(?:at|of|from|with)\s+(?:the\s+)?(?:[A-Z][\w'’\-.]*\s+){0,3}$"
)
_AFFILIATION_AFTER = re.compile(r"^\s+(?:professor|lecturer|researcher|student|scholar|economist|expert)\b")
_REPORTING_AFTER = re.compile(
    r"^\s+(?:has\s+|had\s+|have\s+)?(?:said|says|announced|confirmed|stated|denied|insisted|warned|"
    r"declined|told|spokes\w*)\b"
)
# "ahead of the House of Councillors election": the name is what is voted for, not a place.
_ELECTION_AFTER = re.compile(
    r"^\s+(?:(?:upper|lower|general|special|snap|mid-?term|local|national)\s+)?(?:by-?)?"
    r"(?:elections?|polls?|votes?|vote|races?|campaigns?|seats?|majority)\b"
)
_ROLE_AFTER = re.compile(
    r"^\s+(?:press\s+|deputy\s+|senior\s+)?(?:"
    + "|".join(sorted((w for w in ROLE_HEADS if w.isalpha()), key=len, reverse=True))
    + r"|officials|staff|aides|spokesman|correspondent|reporters?)\b"
)
# "The island, ..." / "The school's campus ..." opening a venue statement.
_DESCRIPTION_START = re.compile(
    r"^\s*(?:The|This|That)\s+(?:[a-z]+(?:['’]s)?\s+){0,2}?(?P<head>island|campus|university|school|college|"
    r"hotel|resort|station|city|town|building|hall|palace|house|complex|centre|center|port|memorial)\b"
)
_DESCRIPTION_TYPES = {
    "island": "island", "campus": "university", "university": "university", "school": "university",
    "college": "university", "hotel": "hotel", "resort": "hotel", "station": "station", "city": "city",
    "town": "city", "port": "city", "building": "building", "hall": "building", "house": "building",
    "complex": "building", "centre": "building", "center": "building", "palace": "palace",
    "memorial": "memorial",
}

# Up to three lower-case words after a name: "[main train] station", "memorial".
_LOWER_WORDS = re.compile(r"^(?:\s+[a-z]+\b){1,4}")
_OF_TAIL = re.compile(r"^\s+of\s+(?:the\s+)?")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
_DESCRIPTOR_BEFORE = re.compile(
    r"\b(?P<desc>"
    + "|".join(sorted((re.escape(d) for d in DESCRIPTORS), key=len, reverse=True))
    + r")$"
)
_DESCRIPTOR_AFTER = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}(?:"
    + "|".join(sorted((re.escape(d) for d in DESCRIPTORS), key=len, reverse=True))
    + r")\s+of\s+(?:the\s+)?[A-Z]"
)
_DESTINATION = re.compile(r"\b(?:tourist|holiday|travel|resort|beach|seaside|popular)\s+destination\s+(?=[A-Z])")
_SHIP_NOUNS = (
    r"corvette|frigate|destroyer|cruiser|aircraft\s+carrier|warship|battleship|yacht|icebreaker|"
    r"flagship|gunboat|patrol\s+boat|cruise\s+ship|ocean\s+liner|training\s+ship|research\s+vessel|"
    r"hospital\s+ship|amphibious\s+assault\s+ship"
)
# The first word of every ship noun (a necessary test for _SHIP_WORD, on the sentence's words).
_SHIP_FIRST_WORDS = frozenset(re.split(r"\\s\+", noun)[0] for noun in _SHIP_NOUNS.split("|"))
_SHIP_WORD = re.compile(rf"\b(?=[cfdwbyigprhoat])(?:{_SHIP_NOUNS})\b")
# "the corvette, Sovershenny," / "the Russian frigate Admiral X" / "aboard the aircraft carrier USS X"
_SHIP = re.compile(
    rf"\b(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SHIP_NOUNS})(?P<comma>\s*,)?\s+(?=[A-Z])"
)
_NAME_LIST_SEP = re.compile(r"^(?:\s*,\s*|\s*,?\s+and\s+)(?:the\s+)?(?=[A-Z])")
# Generic words dropped when deciding whether two mentions are one place.
_KEY_DROP = frozenset({"the", "railway", "train", "rail", "main", "central"})
_PERSON_TITLES = frozenset(ROLE_HEADS | {"mr", "mrs", "ms", "dr", "madam", "comrade"})
# The reference definition of what _word_before finds (kept to test the scan against).
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]+$")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(text: str, end: int) -> str:
    """The word ``_WORD_BEFORE`` finds in the 30 characters before ``end`` ("" if none).

    A backward scan instead of a regex search: the search tries every start
    position of the window, and it runs for every capitalised run.
    """
    low = max(0, end - 30)
    if end > low and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    k = end
    while k > low and text[k - 1] in " \t":
        k -= 1
    if k == end:
        return ""
    if k > low and text[k - 1] == ".":
        k -= 1
    m = k
    while m > low and text[m - 1] in _ASCII_LETTERS:
        m -= 1
    return text[m:k]


@dataclass
class Mention:
    """One place named in one sentence."""

    sentence: Sentence
    start: int  # absolute span of the name as written
    end: int
    place: str
    place_type: str | None
    rule: str
    confidence: float
    report: bool = True  # False: an affiliation, kept only for "the university" later
    activity: str | None = None

    @property
    def key(self) -> str:
        words = re.split(r"[\s\-]+", fold(self.place).replace("'s", ""))
        return " ".join(w for w in words if w and w not in _KEY_DROP)


def _mask(text: str) -> str:
    """HTML tags blanked out, offsets kept ("visit <u>Haiphong</u>")."""
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: " " * len(m.group(0)), text)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
# The reference definition of what _previous_word finds (kept to test the scan against).
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\s+(?:(?:the|a|an)\s+)?$")
_COMMA_AHEAD = re.compile(r"\s*,")  # cheap test before the apposition pattern
_REVERSED_WORD = re.compile(r"\s+([A-Za-z]+)")  # whitespace then a word, read backwards


def _previous_word(text: str, start: int) -> str:
    """The word ``_PREVIOUS_WORD`` finds in the 24 characters before ``start`` ("" if none):
    the word before ``start``, or before an "a"/"an"/"the" there.

    An anchored match on the reversed window instead of a search, which would
    try every start position of the window for every capitalised run.
    """
    window = text[max(0, start - 24):start][::-1]
    last = _REVERSED_WORD.match(window)
    if not last:
        return ""
    word = last.group(1)[::-1]
    if word in ("the", "a", "an") and last.end() < len(window) and window[last.end()].isspace():
        before = _REVERSED_WORD.match(window, last.end())
        if before:
            return before.group(1)[::-1]
    return word


_TAIL_WORDS = frozenset(PLACE_HEADS) | PLACE_MODIFIERS | NOT_PLACE_MODIFIERS
_HEAD_WORDS = frozenset(PLACE_HEADS) | frozenset(HEAD_FIRST) | {"office"}
_CUE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "for", "into", "on"})
# The letter runs of a lower-cased sentence: one set per sentence, for the gates below.
# str.translate + split is 3x faster than a findall; runs glued to a rarer non-letter
# are split out by the regex (see _letter_runs).
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NON_LETTERS = str.maketrans({c: " " for c in [chr(i) for i in range(128) if not chr(i).isalpha()]
                              + list("’‘“”–—…«»•·")})


def _letter_runs(low: str) -> set[str]:
    """The letter runs of ``low`` (what _LETTER_RUN finds), as a set."""
    words = set(low.translate(_NON_LETTERS).split())
    if not low.isascii():
        words |= {part for word in words if not word.isalpha() for part in _LETTER_RUN.findall(word)}
    return words


# Title words as letter runs ("vice-president" is seen as "vice" and "president").
_TITLE_LETTERS = frozenset(part for title in _PERSON_TITLES for part in _LETTER_RUN.findall(title))
# The words that may stand right before a bare name as its cue ("in X", "visited X").
_CUE_WORDS = _CUE_PREPOSITIONS | frozenset(_TRANSITIVE_FORMS)
_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.)+$")
_NON_SPACE = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s$|s['’]$")
_FIRST_WORD = re.compile(r"(\S+)\s+")
_LOWER = re.compile(r"[a-z]+")
_DEMONYM_RUN = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)\b")
_FOLLOWER = re.compile(r"\s+([a-z]+)")
_DESCRIBED_CITY = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+){0,2}$", re.I)
_DETERMINER_END = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_DETERMINER_OPEN = re.compile(r"(?:The|A|An)\s")
_HEAD_WITHIN_THREE = re.compile(rf"(?:\s+[a-z]+){{1,2}}\s+(?:{'|'.join(sorted(PLACE_HEADS, key=len, reverse=True))})\b")
_IN_AT_ON_END = re.compile(r"\b(?:in|at|on)\s+(?:the\s+)?$")
# "according to the X House", "as released by the Y Office": the name is who told, not where.
_SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|(?:released|provided|issued|published|distributed|supplied)\s+by|citing|quoting)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_NOT_HERE_BEFORE = re.compile(r"\b(?:professor|official|officials|analyst|expert|ambassador|embassy|"
                              r"correspondent|based)\s*$")


# "Gardens by the Sea", "Hotel on the Lake": a place head joined to a name by "by/on the".
_JOINED_TAIL = re.compile(r"[ \t]+(?:by|on|upon)[ \t]+the[ \t]+(?=[A-Z])")
_JOINERS = frozenset({"of", "by", "on", "upon"})


def _runs(text: str):
    """Capitalised runs: (start, end) with trailing sentence punctuation trimmed."""
    skip_to = 0
    for match in NAME_RUN.finditer(text):
        start, end = match.start(), match.end()
        if start < skip_to:
            continue
        raw = match.group(0)
        joined = _JOINED_TAIL.match(text, end) if text[end + 1 : end + 2] in ("b", "o", "u") else None
        if joined and raw.split()[-1].lower() in PLACE_HEADS:
            tail = NAME_RUN.match(text, joined.end())
            if tail and not is_personish(tail.group(0).split()):  # "the Hall by the Mayor"
                end = skip_to = tail.end()
                raw = text[start:end]
        while raw and raw[-1] in ".,;:" and not _ACRONYM_END.search(raw):
            raw, end = raw[:-1], end - 1
        if raw:
            yield start, end


def _split_run(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Pieces of a run cut at possessives: [(start, end, possessive)]."""
    if "'" not in text[start:end] and "’" not in text[start:end]:
        return [(start, end, False)] if start < end else []  # no possessive: the common case
    pieces = []
    pos = start
    for token in _NON_SPACE.finditer(text, start, end):
        tok_end = token.end()
        if _POSSESSIVE_END.search(token.group(0)):
            pieces.append((pos, tok_end, True))
            nxt = _NON_SPACE.search(text, tok_end, end)
            pos = nxt.start() if nxt else end
    if pos < end:
        pieces.append((pos, end, False))
    return pieces


def _free_modifier(word: str) -> bool:
    """A descriptive word that may stand between a name and its head after "a"/"the"
    ("a X traditional medicine factory"), unlike a verb or function word ("the X said the hotel")."""
    return len(word) >= 3 and word not in _NOT_FREE and not word.endswith(("ed", "ly"))


def _lower_head(text: str, start: int, end: int) -> tuple[int, str] | None | bool:
    """End and type of lower-case place words after a name ("railway station"), if any.

    False when the words make the name an outlet ("television station") and
    None when the words are a descriptor of a following name ("port of X").
    When the name (text[start:end]) follows "a"/"an"/"the", up to two descriptive
    words may come before the head ("a X traditional medicine factory").
    """
    words = _LOWER_WORDS.match(text[end:])
    if not words:
        return None
    found = list(_LOWER.finditer(words.group(0)))
    if found[0].group(0) in NOT_PLACE_MODIFIERS:
        return False
    best = None
    free = 0
    determined = None
    for i, word in enumerate(found):
        head = word.group(0)
        if head in PLACE_HEADS and (i > 0 or head not in NEEDS_MODIFIER) and \
                (head != "zone" or found[i - 1].group(0) in ZONE_MODIFIERS):
            best = (end + word.end(), PLACE_HEADS[head])
        if head in PLACE_MODIFIERS:
            continue
        if best is None and free < 2 and _free_modifier(head):
            if determined is None:  # looked up only here: most names have no such word after them
                determined = bool(_DETERMINER_END.search(text, max(0, start - 5), start))
            if determined:
                free += 1
                continue
        break
    if best and re.match(r"(?:\s+[a-z]+){0,2}\s+of\s+(?:the\s+)?[A-Z]", text[best[0]:]):
        last = text[:best[0]].split()[-1]
        if last in DESCRIPTORS or re.match(r"\s+(?!of\b)[a-z]+", text[best[0]:]):
            return None  # "the Pacific port of X", "Y's resort island of X": the name comes after
    return best


def _appositive_name_ok(name: str) -> bool:
    """A name that an apposition calls a place ("X Post Y, a lookout point"): only its shape is checked."""
    tokens = name.split()
    return 0 < len(tokens) <= 5 and tokens[0].lower() not in STOP_CAPS and not is_country(name) \
        and not is_personish(tokens) and not is_calendar(tokens)


def _trim_leading_stop(text: str, start: int, end: int) -> int:
    """Skip sentence-opening function words ("The", "In") at the front of a run."""
    while True:
        word = _FIRST_WORD.match(text, start, end)
        if word and word.group(1).lower() in STOP_CAPS:
            start = word.end()
        else:
            return start


class _SentenceReader:
    def __init__(self, article: Article, sentence: Sentence, persons: set[str]):
        self.article = article
        self.sentence = sentence
        # look-alike letters made Latin (one for one, offsets kept): the names read as written
        self.text = unconfuse(_mask(sentence.text))
        self.persons = persons
        self.mentions: list[Mention] = []
        self.runs = list(_runs(self.text))
        # lower-case letter runs: a rule whose words are all absent is skipped for the sentence
        self.words = _letter_runs(self.text.lower())
        self._learn_persons()

    def _learn_persons(self) -> None:
        """Name words of people introduced with a title or honorific ("President Ana Costa")."""
        if self.words.isdisjoint(_TITLE_LETTERS):
            return  # no title word anywhere in the sentence: most sentences
        text = self.text
        for run_start, run_end in self.runs:
            words = text[run_start:run_end].split()
            k = 0
            while k < len(words) - 1 and words[k].lower().rstrip(".") in _PERSON_TITLES:
                k += 1
            if k == 0 and _word_before(text, run_start).lower() not in _PERSON_TITLES:
                continue
            for word in words[k : k + 3]:
                if word[:1].isupper():
                    self.persons.add(strip_possessive(word).lower())

    # -- helpers --

    def _abs(self, local: int) -> int:
        return self.sentence.start + local

    def _add(self, start: int, end: int, place_type: str | None, rule: str, confidence: float,
             report: bool = True) -> Mention | None:
        place = clean(self.text[start:end])
        if not place or _SOURCE_BEFORE.search(self.text, max(0, start - 30), start):
            return None
        if place.endswith(("'s", "’s")):
            place, end = place[:-2], end - 2
        for m in self.mentions:
            if m.start < self._abs(end) and self._abs(start) < m.end:
                return None  # overlaps a mention already found
        mention = Mention(self.sentence, self._abs(start), self._abs(end), place, place_type, rule,
                          confidence, report)
        self.mentions.append(mention)
        return mention

    def _is_person(self, name: str) -> bool:
        words = [strip_possessive(w).lower() for w in name.split()]
        return bool(words) and all(w in self.persons for w in words)

    # -- rules --

    def typed(self) -> None:
        """Names with a place-type head word, capitalised or following in lower case."""
        text = self.text
        # Without a place head word in the sentence no piece is typed; only "Y's resort
        # island of X" (a possessive before a descriptor) is left to look for.
        has_head = not self.words.isdisjoint(_HEAD_WORDS)
        if not has_head and "'" not in text and "’" not in text:
            return
        for run_start, run_end in self.runs:
            possessor = None
            for start, end, possessive in _split_run(text, run_start, run_end):
                found = self._typed_piece(start, end, possessive) if has_head else None
                if found:
                    if possessor and found.report and not found.place.lower().endswith(" campus"):
                        # "Haiphong's Cat Bi airport": Haiphong too; but "the University of X's
                        # Y campus" is one place, the university's campus
                        self._possessor(*possessor)
                    possessor = None
                elif possessive:
                    possessor = (start, end)
                    if _DESCRIPTOR_AFTER.match(text[end:]):
                        self._possessor(start, end)  # "Y's resort island of X": X is in Y

    def _possessor(self, start: int, end: int) -> None:
        """The city in "Haiphong's Cat Bi airport": where the named place is."""
        start = _trim_leading_stop(self.text, start, end)
        name = strip_possessive(clean(self.text[start:end]))
        if bare_name_ok(name) and not self._is_person(name):
            self._add(start, end, "city", "venue.possessor", 0.6)

    def _typed_piece(self, start: int, end: int, possessive: bool) -> Mention | None:
        """A typed mention from one piece of a run, if it makes one."""
        text = self.text
        next_word = _NEXT_WORD.match(text, end)
        piece = text[start:end]
        if not (
            (next_word and next_word.group(1) in _TAIL_WORDS)
            or (not _HEAD_WORDS.isdisjoint(piece.lower().split()) if "'" not in piece and "’" not in piece
                else any(strip_possessive(w).lower() in _HEAD_WORDS for w in piece.split()))
        ):
            determined = next_word is not None and (_DETERMINER_END.search(text, max(0, start - 5), start)
                                                    or _DETERMINER_OPEN.match(text, start))
            if not (determined and _HEAD_WITHIN_THREE.match(text, end)):
                return None  # no place word in or after the run: the common case, decided cheaply
        start = _trim_leading_stop(text, start, end)
        name = clean(text[start:end])
        words = name.split()
        if not words or all(w.lower() in STOP_CAPS for w in words):
            return None
        bare = [strip_possessive(w) for w in words]
        lower_head = _lower_head(text, start, end) if next_word else None
        if lower_head is False:
            return None  # "Channel 9 television station": an outlet
        low = [w.lower() for w in bare]
        of_at = next((k for k, w in enumerate(low) if w in _JOINERS), len(low))
        head_type = None
        if len(low) == 2 and low[1] in ("office", "room") and low[0] in ROOM_ADJECTIVES:
            head_type = "building"  # "Oval Office": a room, though "office" usually names an institution
        elif len(low) >= 2 and low[-1] in PLACE_HEADS and (low[-1] != "zone" or low[-2] in ZONE_MODIFIERS):
            head_type = PLACE_HEADS[low[-1]]
        elif 1 <= of_at < len(low) and low[of_at - 1] in PLACE_HEADS and of_at + 1 < len(low):
            head_type = PLACE_HEADS[low[of_at - 1]]
        elif len(low) >= 2 and low[0] in HEAD_FIRST:
            head_type = HEAD_FIRST[low[0]]
        elif len(low) >= 3 and low[-1] in _NUMBER_WORDS and low[-2] in PLACE_HEADS and not possessive:
            number = _NUMBER_AFTER.match(text, end)
            if number:  # "Thermal Power Plant No 3": the number is part of the name
                head_type, end = PLACE_HEADS[low[-2]], number.end()
        if is_personish(words) or (is_calendar(words) and not head_type):
            return None  # "President Park"; "May Day Stadium" is a stadium
        if lower_head and self._is_person(name) and not head_type:
            return None  # "Costa's residence"
        if lower_head:
            stop, kind = lower_head
            if not head_type and not named_ok(strip_possessive(name)):
                return None  # "the Thai city", "Vietnam's border station": no name
            if kind == "city" and not possessive and _DESCRIBED_CITY.search(text, max(0, start - 40), start):
                return None  # "the Far Eastern city", "the major X city": a description, not a name
            return self._typed_mention(start, stop, kind if not head_type or kind != "university" else head_type)
        if head_type and not possessive:
            if low[-1] in NEEDS_MODIFIER and re.search(r"\b(?:a|an)\s+$", text[:start]):
                return None  # "named a World Heritage Site": a designation, not a place
            return self._typed_mention(start, end, head_type)
        return None

    def _typed_mention(self, start: int, end: int, place_type: str) -> Mention | None:
        text = self.text
        after = text[end:]
        if _REPORTING_AFTER.match(after) or _ROLE_AFTER.match(after) or _ELECTION_AFTER.match(after):
            return None  # "the White House said", "White House chief of staff", "the X House election"
        before = text[:start]
        report = not (_AFFILIATION.search(before) or _AFFILIATION_AFTER.match(text[end:]))
        # "the X campus of Y University": the place is Y
        of_tail = _OF_TAIL.match(text[end:])
        if of_tail and place_type in ("university", "building", "island"):
            for run_start, _ in _runs(text[end + of_tail.end():]):
                if run_start == 0:
                    return None  # the owner is read as its own mention
                break
        return self._add(start, end, place_type, "venue.typed", 0.8, report)

    def dedications(self) -> None:
        """ "the Monument to the Fallen Sailors", "the monument to Marshal X": a memorial named
        for whom it honours; the name after "to" is the dedication, not a place of its own."""
        text = self.text
        if " to " not in text or self.words.isdisjoint(_DEDICATED_HEADS):
            return
        for cue in _DEDICATION.finditer(text):
            run = NAME_RUN.match(text, cue.end())
            if run is None:
                continue
            end = run.end()
            more = _DEDICATION_AND.match(text, end)
            if more:
                end = more.end()
            while text[end - 1] in ".,;:":
                end -= 1
            follower = _FOLLOWER.match(text, end)
            if follower and follower.group(1) not in _FOLLOW_OK:
                continue  # "a monument to Chinese soldiers": the capitalised word is an adjective
            honoured = clean(text[cue.end():end])
            if is_country(honoured) or is_calendar(honoured.split()):
                continue  # "a memorial to Ukraine", "the memorial to May 9"
            self._add(cue.start("head"), end, "memorial", "venue.dedication", 0.7)

    def destinations(self) -> None:
        """ "the tourist destination X": a descriptor written without "of"."""
        text = self.text
        if "destination" not in text:
            return
        for cue in _DESTINATION.finditer(text):
            run = next(iter(_runs(text[cue.end():])), None)
            if run is None or run[0] != 0:
                continue
            start = cue.end()
            piece = _split_run(text, start, start + run[1])[0]
            name = clean(text[piece[0]:piece[1]])
            if bare_name_ok(strip_possessive(name)) and not self._is_person(name):
                self._add(piece[0], piece[1], "city", "venue.descriptor", 0.7)

    def ships(self) -> None:
        """ "the corvette, X," / "the frigate X": a named ship where something happens."""
        text = self.text
        if self.words.isdisjoint(_SHIP_FIRST_WORDS) or not _SHIP_WORD.search(text):
            return  # the word test first: far cheaper than the word pattern on every sentence
        for cue in _SHIP.finditer(text):
            run = next(iter(_runs(text[cue.end():])), None)
            if run is None or run[0] != 0:
                continue
            start, end = cue.end(), cue.end() + run[1]
            name = clean(text[start:end])
            tokens = name.split()
            after = text[end:]
            if cue.group("comma") and not re.match(r"\s*(?:[,.;)]|$)", after):
                continue  # "the destroyer, Russia said ...": not an apposition
            if len(tokens) > 5 or is_country(name) or is_org(tokens) or is_calendar(tokens) \
                    or _REPORTING_AFTER.match(after) or (self._is_person(name) and not cue.group("comma")):
                continue
            follower = _FOLLOWER.match(after)
            if follower and follower.group(1) not in _FOLLOW_OK:
                continue
            self._add(start, end, "ship", "venue.ship", 0.7)

    def descriptors(self) -> None:
        """ "the port city of X", "the Chinese cities of X and Y"."""
        text = self.text
        if " of " not in text:
            return
        for of in _OF_NAME.finditer(text):
            match = _DESCRIPTOR_BEFORE.search(text, max(0, of.start() - 20), of.start())
            if not match:
                continue
            place_type = DESCRIPTORS[match.group("desc")]
            pos = of.end()
            while True:
                run = next(iter(_runs(text[pos:])), None)
                if run is None or run[0] != 0:
                    break
                start, end = pos, pos + run[1]
                piece = _split_run(text, start, end)[0]
                name = clean(text[piece[0]:piece[1]])
                # "the coastal city of X": the place word says what X is, whatever its ending
                if bare_name_ok(strip_possessive(name), typed=True) and not self._is_person(name):
                    self._add(piece[0], piece[1], place_type, "venue.descriptor", 0.75)
                more = _NAME_LIST_SEP.match(text[end:])
                if not more or not place_type == "city" and not match.group("desc").endswith("s"):
                    break
                pos = end + more.end()

    def cued(self) -> None:
        """Bare names after a locative cue: "arrived in X", "visited X", "a trip to X"."""
        text = self.text
        for run_start, run_end in self.runs:
            start = _trim_leading_stop(text, run_start, run_end)
            # Decided before the run is split: a kept run's first piece ends where the run ends.
            if _previous_word(text, start).lower() not in _CUE_WORDS \
                    and not (_COMMA_AHEAD.match(text, run_end) and _APPOSITIVE.match(text[run_end:])):
                continue  # neither a preposition nor a place verb right before: no cue possible
            pieces = _split_run(text, start, run_end)
            if not pieces:
                continue
            p_start, p_end, possessive = pieces[0]
            if possessive and len(pieces) > 1:
                continue  # "in Lima's Foreign Ministry": the thing possessed is the object
            after = text[p_end:]
            follower = _FOLLOWER.match(after)
            if follower and follower.group(1) not in _FOLLOW_OK:
                continue
            appositive = _APPOSITIVE.match(after) if _COMMA_AHEAD.match(text, p_end) else None
            # The name is checked before the cue: a run that is no place name (a country,
            # a person, a calendar word) is dropped whatever cue stands before it, and
            # most runs after "in"/"to" are such names; the clause work below is dearer.
            name = clean(text[p_start:p_end])
            if appositive and _appositive_name_ok(name):
                pass  # "X Post Y, a lookout point": the apposition says it is a place, whatever its words
            elif not bare_name_ok(strip_possessive(name)) or self._is_person(name):
                continue
            if _DEMONYM_RUN.match(name) and len(name.split()) > 1:
                continue  # "Peruvian Andes ..."
            window_text = text[max(0, start - 120):start]
            before = _BRACKETED_ACRONYM.sub(_blank, window_text) if "(" in window_text else window_text
            cut = [m.end() for m in _CLAUSE_CUT.finditer(before)]
            clause = before[cut[-1]:] if cut else before
            place_type = "city"
            if appositive:
                place_type = PLACE_HEADS[appositive.group("head2") or appositive.group("head")]
            rule = None
            if appositive and start == run_start and _search_end(_IN_AT_ON_END, clause, 2):
                rule = "venue.apposition"
            elif start == run_start and _may_end_transitive(clause) and _TRANSITIVE.search(clause):
                rule = "venue.visited"
            else:
                prep = _search_end(_PREP_BEFORE, clause, 2)
                if prep is None or start != run_start:
                    continue
                kind = prep.group("prep").lower()
                reach = 8 if kind in ("in", "at") else 4
                window = " ".join(clause[: prep.start()].split(",")[-1].split()[-reach:])
                cue = {"in": _IN_AT_CUE, "at": _IN_AT_CUE, "to": _TO_CUE, "from": _FROM_CUE,
                       "for": _FOR_CUE, "into": None}[kind]
                if (cue is None or not cue.search(window)) and not (kind in _WHERE_PREPOSITIONS
                                                                     and self._where_happens(after)):
                    continue
                if kind in ("in", "at") and _search_end(_NOT_HERE_BEFORE, window, 1):
                    continue
                rule = f"venue.{kind}"
            self._add(p_start, p_end, place_type, rule, 0.7)

    @staticmethod
    def _where_happens(after: str) -> bool:
        """ "from X, where he was attending a summit": a where-clause says something happens at X."""
        where = _WHERE_CLAUSE.match(after)
        return bool(where and _IN_AT_CUE.search(where.group("clause")))

    def located(self) -> None:
        """ "the X University in Y", "a Z hotel near Y": the name after a typed place is where it is."""
        text = self.text
        for mention in [m for m in self.mentions if m.rule == "venue.typed" and m.report]:
            local_end = mention.end - self.sentence.start
            cue = _LOCATED.match(text, local_end)
            if not cue:
                continue
            run = next(iter(_runs(text[cue.end():])), None)
            if run is None or run[0] != 0:
                continue
            start = cue.end()
            pieces = _split_run(text, start, start + run[1])
            if len(pieces) > 1 and pieces[0][2] and is_country(clean(text[pieces[0][0]:pieces[0][1]])):
                pieces = pieces[1:]  # "in Russia's Y": the country says where Y is
            piece = pieces[0]
            name = clean(text[piece[0]:piece[1]])
            follower = _FOLLOWER.match(text, piece[1])
            if follower and follower.group(1) not in _FOLLOW_OK:
                continue  # "in Y province": a region, or an adjective
            if bare_name_ok(strip_possessive(name)) and not self._is_person(name):
                place_type = None if mention.place.split()[-1].lower() in _REGIONAL_HEADS else "city"
                self._add(piece[0], piece[1], place_type, "venue.located", 0.7)

    def statements(self, history: list[Mention]) -> None:
        """ "X would be a likely venue for the summit"; "The island ... is seen as a likely venue"."""
        text = self.text
        low = text.lower()
        if "venue" not in low and "host" not in low:
            return
        for cue in _VENUE_CUE.finditer(text):
            if _VENUE_WITHOUT_NAME.search(text[max(0, cue.start() - 12): cue.end()]):
                continue
            before = [m for m in self.mentions if m.end <= self._abs(cue.start())]
            if before:
                target = max(before, key=lambda m: m.end)
                target.activity = "summit venue"
                target.report = True
                continue
            described = _DESCRIPTION_START.match(text[: cue.start()])
            if not described:
                continue
            wanted = _DESCRIPTION_TYPES[described.group("head")]
            for earlier in reversed(history):
                if earlier.place_type == wanted:
                    mention = Mention(self.sentence, earlier.start, earlier.end, earlier.place,
                                      earlier.place_type, "venue.description", 0.6, True, "summit venue")
                    # evidence points at this sentence; the value span stays on the named mention
                    mention.start = mention.end = -1
                    self.mentions.append(mention)
                    break

    def activities(self) -> None:
        pending = [m for m in self.mentions if not m.activity]
        if not pending:
            return
        cues = []
        for cue in _ACTIVITIES.finditer(self.text):
            rank = int(cue.lastgroup[1:])
            cues.append((rank, _ACTIVITY_LIST[rank][0], cue))
        for mention in pending:
            local_start = mention.start - self.sentence.start
            local_end = mention.end - self.sentence.start
            best = None
            for rank, label, cue in cues:
                if mention.start >= 0 and cue.start() < local_end and local_start < cue.end():
                    continue  # the cue is part of the name ("Friendship House" is not a "house" visit)
                distance = (
                    min(abs(cue.start() - local_end), abs(local_start - cue.end()))
                    if mention.start >= 0 else cue.start()
                )
                if best is None or (distance, rank) < best[:2]:
                    best = (distance, rank, label)
            mention.activity = best[2] if best else None


def _read_sentence(article: Article, sentence: Sentence, persons: set[str],
                   history: list[Mention]) -> list[Mention]:
    reader = _SentenceReader(article, sentence, persons)
    reader.typed()
    reader.dedications()
    reader.located()
    reader.descriptors()
    reader.destinations()
    reader.ships()
    reader.cued()
    reader.statements(history)
    reader.activities()
    return reader.mentions


def _short_forms(key: str) -> list[str]:
    """ "hall of the people" -> ["hall"]: the name cut before each "of"."""
    forms, at = [], key.find(" of ")
    while at > 0:
        forms.append(key[:at])
        at = key.find(" of ", at + 1)
    return forms


def _same_place(key: str, facts: dict[str, Venue], short: dict[str, str]) -> str:
    """The key of a place already found that ``key`` is a short or full form of, else ``key``.

    "X Hall" is "X Hall of the People" named short (and the other way round);
    a shared first word alone ("X Hall" / "X Station") is not enough. ``short``
    maps the short forms of the keys found so far to their key.
    """
    if key in facts:
        return key
    if key in short and short[key] in facts:
        return short[key]
    if " of " in key:
        return next((form for form in _short_forms(key) if form in facts), key)
    return key


def extract(article: Article) -> list[Venue]:
    """Venue facts of one article, one per distinct place, every mention as evidence."""
    persons: set[str] = set()  # grows as people are introduced
    history: list[Mention] = []
    facts: dict[str, Venue] = {}
    activities: dict[str, list[str]] = {}
    short: dict[str, str] = {}  # "hall" -> "hall of the people"
    stations: dict[str, str] = {}  # "x" -> "x station": a town first named by its station
    for sentence in article.content_sentences():
        for mention in _read_sentence(article, sentence, persons, history):
            if mention.start >= 0:
                history.append(mention)
            if not mention.report:
                continue
            key = _same_place(mention.key, facts, short)
            if key not in facts and mention.rule in _DESTINATION_RULES and stations.get(key) in facts:
                key = stations[key]  # "X station" first, then "leave for X": the station's place
            if key != mention.key and len(mention.key) > len(key):
                # "the Great Hall" first, "the Great Hall of the People" later: keep the full name
                facts[mention.key] = facts.pop(key)
                activities[mention.key] = activities.pop(key)
                facts[mention.key].place = mention.place
                key = mention.key
            if mention.place_type == "station" and key.endswith(" station"):
                stations.setdefault(key[: -len(" station")], key)
            if " of " in key:
                for form in _short_forms(key):
                    short.setdefault(form, key)
            span = (mention.start, mention.end) if mention.start >= 0 else None
            fact = facts.get(key)
            if fact is None:
                ev = evidence(article, sentence, extractor=mention.rule, value_span=span,
                              confidence=mention.confidence)
                facts[key] = fact = Venue(place=mention.place, place_type=mention.place_type, evidence=[ev])
                activities[key] = []
            elif all(e.char_start != sentence.start for e in fact.evidence):
                # evidence is built only for a sentence not yet cited for this place
                fact.evidence.append(evidence(article, sentence, extractor=mention.rule, value_span=span,
                                              confidence=mention.confidence))
            if fact.place_type in (None, "city") and mention.place_type not in (None, fact.place_type):
                fact.place_type = mention.place_type  # a later mention that says more of what it is
            if mention.activity and mention.activity not in activities[key]:
                activities[key].append(mention.activity)
    for key, fact in facts.items():
        fact.activity = "; ".join(activities[key]) or None
    return list(facts.values())
