"""Cues that a line of a pasted news page is not article prose.

Text pasted from the web carries page furniture: photo captions and credits,
share and comment prompts, embedded tweets, "Related article" links,
navigation crumbs, source URLs, footers, bylines, datelines. The read room
keeps all of it in the stored text (so character offsets stay true) and
marks the sentences inside it as boilerplate so extractors skip them.

This module holds the *single-line* cues: :func:`line_reason` looks at one
line on its own and names the kind of furniture it is, or returns ``None``.
Cues that need the neighbouring lines (continuations, tweet bodies, repeats
of the title, headings) live in :mod:`factdb.read`, which also owns the
metadata helpers here (dates, URLs, the outlet lexicon).

Every cue is a shape of web furniture ("... via Agency)" at the end of a
line, "@handle", a line of only a date, a line mostly in another script),
never the wording of a particular article. Outlet and agency names come from
the data file ``factdb/data/outlets.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit

import yaml

OUTLETS_FILE = Path(__file__).parent / "data" / "outlets.yml"

# --- lexicons ----------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"

# Words of site chrome: a short line made only of these is page furniture
# ("print dictionary print", "Share this article", "lock icon").
CHROME_WORDS = frozenset(
    """a ad ads advertisement and article back bookmark close comment comments copy
    dictionary e email f facebook font gallery help home icon image in instagram
    link linkedin listen lock log login mail menu min more next of on open or out
    page photo photos pinterest prev previous print read reading reddit register save
    search share shares sign size social sponsored story subscribe telegram text the
    this to top tweet twitter up video videos view whatsapp x youtube""".split()
)

# Section names that make up navigation crumbs ("Home News World").
SECTION_WORDS = frozenset(
    """africa americas analysis arts asia books breaking business columns culture
    defence defense diplomacy east economy editorial editorials entertainment europe
    features global health home international latest lifestyle live local markets
    middle military nation national news north opinion pacific politics region
    regional science society south sport sports technology tech travel video world""".split()
)

# --- compiled cues -----------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_LETTERS = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.I)
_URL_LINE = re.compile(
    r"^(?:(?P<label>original\s+url|source\s+url|source|url|link|permalink|canonical(?:\s+url)?"
    r"|read\s+(?:more|the\s+original|the\s+full\s+story)\s+(?:at|on|here)"
    r"|originally\s+published\s+(?:at|on|in))\s*[:：]?\s*)?"
    r"(?P<url>(?:https?://|www\.)\S+)?\s*$",
    re.I,
)
_OWN_URL_LABEL = re.compile(r"original|source|canonical|permalink|originally", re.I)

_TWEET = re.compile(r"pic\.twitter\.com/\w+|(?:twitter|x)\.com/\w+/status/\d+", re.I)
_TWEET_ATTRIBUTION = re.compile(
    r"^[—–-]{1,2}\s*[^()]{1,80}\(@\w{1,15}\)(?:\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4})?\s*$", re.I
)
_SOCIAL_POST = re.compile(r"^A (?:post|video|photo) shared by .{0,80}\(@[\w.]+\)", re.I)

# Caption cues at the start of a line (tried with ``match``).
_CAPTION_START = [
    # "FILE PHOTO: ...", "Photo: ...", "Caption: ..."
    re.compile(r"(?:file\s+photo|photo(?:graph)?|picture|image|caption|credit|illustration)s?\s*[:|]", re.I),
    re.compile(r"(?:pictured|above|below|left|right|top|bottom)\s*:", re.I),
    # "[PHOTO] Leaders shake hands ...", "(VIDEO) ..."
    re.compile(r"[\[(](?:file\s+)?(?:photo|photos|picture|image|video|graphic)s?[\])]", re.I),
    # "Photo / Supplied"
    re.compile(r"(?:photo(?:graph)?|picture|image)s?\s*/\s*\S.{0,60}$", re.I),
    # "This photo, released by the agency on ..., shows ...": the photo described.
    re.compile(
        r"this\s+(?:[\w-]+\s+){0,2}?(?:photo(?:graph)?|picture|image|still|handout|video\s+grab|screen\s*grab)"
        r"\b(?:[^.!?]|\.(?=\s*\d))*?\bshows?\b",  # ("Sept. 3": a month's full stop)
        re.I,
    ),
]
# Caption cues at the end of a line: a credit. They are searched only in the
# last _CREDIT_WINDOW characters, so long prose lines cost little.
_CAPTION_END = [
    # "... (Agency/Service via Agency)", "(Name/Agency via Photo Library)"
    re.compile(r"\([^()]{0,160}\bvia\s+[A-Z][^()]{0,60}\)\s*$"),
    # "(Agency Photo/Name, File)", "(Photo: Name)", "(Image: Agency)"
    re.compile(r"\((?:[A-Z]{2,6}\s+)?(?:photo|photograph|picture|image|illustration|credit)s?\b[^()]{0,100}\)\s*$", re.I),
    # "... on Thursday. Photo / Supplied", "... arrive. Photograph: Name/Agency"
    re.compile(r"[.!?][\"'”’)]?\s+(?:photo(?:graph)?|picture|image|credit)s?\s*[/:|]\s*\S.{0,80}$", re.I),
    # "... on March 1. Photo by AGENCY/Name": only names to the line's end, so a
    # sentence ("Photos by the agency showed ...") stays prose.
    re.compile(
        r"[.!?][\"'”’)]?\s+(?i:photo(?:graph)?|picture|image)s?\s+(?i:by)\s+"
        r"[A-Z][\w.'’&-]*(?:(?:\s+|\s*/\s*)[A-Z][\w.'’&-]*){0,5}\s*$"
    ),
    # "... in Lima, Wednesday. / Joint Press Corps": no prose puts a slash after a full stop
    re.compile(r"[.!?][\"'”’)]?\s+/\s*[A-Z][^/.!?]{0,60}(?:/[^/.!?]{1,60}){0,2}$"),
]
_CREDIT_WINDOW = 260
# "Photo credit: ...", "image courtesy of ..." anywhere in the line.
_CAPTION_ANYWHERE = re.compile(r"\b(?:photo|image|picture)\s+(?:credit|courtesy)\b", re.I)
# "Name / Agency / Agency": a credit line made of short capitalised segments.
_CREDIT_SEGMENT = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
_CREDIT_LINE = re.compile(rf"^{_CREDIT_SEGMENT}(?:\s*/\s*{_CREDIT_SEGMENT}){{1,3}}$")
# A credit closing a caption: "... 2018. (Reuters/Name)", "... 2019. KCNA via REUTERS",
# "... 2019. REUTERS/Name", "(Name/Agency, File)". Kept only when a segment is an agency
# (lexicon) or an acronym, so "(Lula/Milei)" style asides in prose stay prose.
_TRAILING_CREDIT = re.compile(
    rf"(?:^|[.!?][\"'”’]?\s+)(?P<open>\()?(?P<credit>{_CREDIT_SEGMENT}(?:\s*(?:/|\bvia\b)\s*{_CREDIT_SEGMENT}){{0,3}})"
    r"(?:,\s*(?i:file|handout|pool))?(?P<close>\))?\s*$"
)

_RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|coverage|content|news|reading|links?))?"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?"
    r"|recommended|watch|listen|explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?|more\s+on\s+these\s+topics"
    r"|topics|tags|filed\s+under)\s*[:：—–-]",
    re.I,
)
_SHARE = re.compile(
    r"^(?:log\s*in\b|sign\s*(?:in|up)\b|subscribe\b|register\b|follow\s+us\b|share\s+(?:this|on|via)\b"
    r"|to\s+(?:write|post|leave|read|view)\s+(?:a\s+)?comments?\b|leave\s+a\s+(?:comment|reply)\b"
    r"|join\s+the\s+(?:conversation|discussion)\b|click\s+here\b|tap\s+here\b"
    r"|download\s+(?:the|our)\s+app\b|get\s+(?:our|the)\s+newsletter\b|we\s+use\s+cookies\b"
    r"|skip\s+to\b|advertisement\s*$|comments?\s*(?:\(\d+\)|\d+)?\s*$"
    r"|this\s+(?:article|story)\s+is\s+(?:available|free)\b"
    r"|(?:please\s+)?share\s+your\s+(?:opinion|views?|thoughts|comments?)\b|have\s+your\s+say\b"
    r"|tell\s+us\s+what\s+you\s+think\b)",
    re.I,
)
# A comment prompt anywhere in a short line: "... in the comment section below. Comments (0)"
# (imperative only, so "Readers wrote in the comments below the video" stays prose)
_COMMENT_PROMPT = re.compile(
    r"^(?:please\s+)?(?:share|leave|post|add|join|tell|let|give)\b.{0,120}\bcomments?(?:\s+section)?\s+below\b"
    r"|\bcomments?\s*\(\d+\)\s*$",
    re.I,
)
# Notes on the outlet's own policies: "Our Standards: ...", "Editorial guidelines: ...".
_POLICY = re.compile(
    r"^(?:our\s+standards|editorial\s+(?:standards|guidelines|policy)|corrections?\s+policy"
    r"|terms\s+of\s+(?:use|service)|privacy\s+policy)\s*(?:[:|]|$)",
    re.I,
)
# Headings of the page sections that follow an article (popular lists, reader
# comments): they and all after them go.
_TAIL = re.compile(
    r"^(?:what[’']?s\s+(?:popular|trending|hot)(?:\s+now)?|most\s+(?:read|popular|viewed|shared|watched)"
    r"|trending(?:\s+now)?|recommended\s+for\s+you"
    r"|more\s+(?:stories|news|from\s+\S.{0,40})"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)"
    r"|top\s+stories|latest\s+(?:news|stories)|editor[’']?s\s+picks?|popular\s+(?:now|stories|articles)"
    r"|(?:reader\s+)?comments)\s*:?\s*$",
    re.I,
)
# Headings of a link block inside an article ("Related coverage" over a few
# headlines). Unlike a tail they take only the link lines below them: the
# story goes on after the links (see factdb.read._link_lists).
_LINK_LIST = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|story|news|content|coverage|reading|links?|topics))?"
    r"|recommended(?:\s+(?:stories|articles|reading))?|more\s+on\s+this\s+(?:topic|story)"
    r"|read\s+(?:more|also|next)|see\s+also|also\s+read|in\s+(?:pictures|photos))\s*:?\s*$",
    re.I,
)
_CRUMB = re.compile(r"^[^>›»|]{1,40}(?:\s*[>›»|]\s*[^>›»|]{1,40}){1,6}$")
_CRUMB_SEPARATOR = re.compile(r"[>›»|]")
_CONTRIBUTOR = re.compile(
    r"\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research)\s+by\b"
    r"|with\s+(?:additional\s+)?reporting\s+(?:by|from)\b",
    re.I,
)
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|article|story))", re.I)
_BYLINE = re.compile(
    r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&|\||/|-|—)\s*[^.]{0,60})?$"
)
FROM_FOOTER = re.compile(
    r"^(?i:from|source|courtesy\s+of|(?:this\s+(?:article|story)\s+)?(?:was\s+)?originally\s+"
    r"(?:published|appeared)\s+(?:in|on|by))\s*:?\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&|de|la)){0,6})\s*\.?$"
)
COPYRIGHT = re.compile(
    r"^(?:©|(?i:\(c\))|(?i:copyright)\s*(?=©|(?i:\(c\))|\d{4}))\s*(?:(?:©|(?i:\(c\)))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<name>[A-Z][^.|,©]{1,60}?)?\s*(?:[.,|]|\b(?i:all rights reserved)|$)",
)
# "Log in ... to connect with the Outlet", "Follow the Outlet on Twitter"
CONNECT_WITH = re.compile(
    r"\bconnect\s+with\s+(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5})"
)

# Dates as news pages print them.
# Also "08/May/2018", "08-May-2018": a site's timestamp with slashes or hyphens.
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+|[/-](?P<m2>{_MONTH})[/-])(?P<y>\d{{4}})\b",
    re.I,
)
MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I)
# (an ISO timestamp runs its time on: "2019-07-01T09:15:00Z")
ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:\b|(?=T\d))")
DOTTED_DATE = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b")
_DATE_FORMS = (MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO_DATE, DOTTED_DATE)
# What may stand next to a date on a timestamp line: weekday, "Updated", times
# ("6:48 PM", "6:15pm", "10.42", "18h30"), zones ("GMT+9", "UTC+05:30", "BST"),
# how long ago ("Updated 2 years ago"), and words in capitals: a zone, or the
# city or outlet the stamp is filed from ("CITY Jun 17, 2025 - 2:22 pm GMT+3").
# Story prose never reads as only these around a full date.
_DATE_FILLER = re.compile(
    rf"\b(?:{_WEEKDAY}|published|posted|updated|last|first|modified|on|at|am|pm|a\.m|p\.m"
    r"|originally|edited|created|dated?|time|live(?:\s+updates?)?|updates?|just\s+now"
    # "Updated 3 hours ago", "an hour ago", "4 min read", an ISO time "T09:15:00Z"
    r"|(?:\d{1,3}|an?)\s*(?:sec(?:ond)?s?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago"
    r"|\d{1,3}[\s-]*(?:mins?|minutes?)\.?\s+read|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?:gmt|utc)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
    r"|\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?\s*[ap]\.?m"
    r"|gmt|utc|(?-i:[A-Z]{2,}T?(?:[-'’][A-Z]+)*)|\d{1,2}[:.]\d{2}(?::\d{2})?|\d{1,2}h\d{2})\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:/|-|$)"
)

# "CITY, Country (Agency) —", "CITY (Outlet / Agency - 3rd March, 2022)"
DATELINE_PREFIX = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:(?:[ -]|\s*/\s*)[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s*[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+){0,2})?"
    rf"(?:,\s*(?:(?i:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH}))(?:,?\s*\d{{4}})?)?"
    r"\s*(?:\((?P<source>[^()\n]{1,100})\)\s*(?:(?:[-—–:]|--)\s*)?|(?:—|–|--| - )\s*)",
)


# --- small helpers -----------------------------------------------------------


def words(line: str) -> list[str]:
    return _WORD.findall(line)


_CLOSERS = "\"'”’)]"
_TERMINALS = ".!?…"


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (".", "?", "!" maybe inside quotes)."""
    # A string test: a regex searched for this at the end of every line cost more.
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINALS


def is_foreign_script(line: str) -> bool:
    """True when most letters of the line are outside the Latin script."""
    if line.isascii():
        return False
    ascii_text = line.encode("ascii", "ignore")
    # Letters outside ASCII are at most the non-ASCII characters: when ASCII
    # letters (all Latin) outnumber those, the line is Latin without counting.
    if len(ascii_text) - len(ascii_text.translate(None, _ASCII_LETTERS)) >= len(line) - len(ascii_text):
        return False
    letters = len(_LETTERS.findall(line))
    if letters < 3:
        return False
    return len(_LATIN.findall(line)) * 2 < letters


def normalize(text: str) -> str:
    """Case- and punctuation-blind form of a line, for spotting repeats."""
    return " ".join(_WORD.findall(text.casefold()))


def first_word(folded: str) -> str:
    """The first word of ``normalize(text)``, given ``text.casefold()`` ("" when none)."""
    match = _WORD.search(folded)
    return match.group() if match else ""


def edge_words(folded: str, count: int = 2) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first and the last ``count`` words of ``normalize(text)``, given ``text.casefold()``.

    Read without normalizing the whole text: a word is a run of letters and
    digits joined by single "-" "'" "’" "." characters, the same read from
    either end, so the last words are the first words of the reversed text.
    """
    first = tuple(m.group() for m in islice(_WORD.finditer(folded), count))
    last = tuple(m.group()[::-1] for m in islice(_WORD.finditer(folded[::-1]), count))
    return first, last[::-1]


def first_word_startswith(text: str, prefix: str) -> bool:
    """Whether the first word of ``normalize(text)`` starts with ``prefix``: a cheap
    test that ``normalize(text)`` may start with a normalized string beginning so."""
    return first_word(text.casefold()).startswith(prefix)


# --- the outlet lexicon ------------------------------------------------------


@dataclass(frozen=True)
class OutletLexicon:
    hosts: dict[str, str] = field(default_factory=dict)
    wires: frozenset[str] = frozenset()  # casefolded
    wire_names: tuple[str, ...] = ()  # as written, for case-sensitive credit cues
    aliases: dict[str, str] = field(default_factory=dict)
    names: frozenset[str] = frozenset()  # casefolded outlet names and aliases

    def host_name(self, host: str) -> str | None:
        """The readable name of a web host, trying parent domains too."""
        host = host.lower().split(":")[0]
        host = re.sub(r"^(?:www\d*|m|amp|mobile)\.", "", host)
        labels = host.split(".")
        for i in range(len(labels) - 1):
            name = self.hosts.get(".".join(labels[i:]))
            if name:
                return name
        return None

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def is_wire(self, name: str) -> bool:
        return name.strip().casefold() in self.wires

    def is_outlet_name(self, name: str) -> bool:
        return name.strip().casefold() in self.names


@lru_cache(maxsize=1)
def outlets() -> OutletLexicon:
    data = yaml.safe_load(OUTLETS_FILE.read_text(encoding="utf-8")) or {}
    hosts = {str(k).lower(): str(v) for k, v in (data.get("hosts") or {}).items()}
    aliases = {str(k): str(v) for k, v in (data.get("aliases") or {}).items()}
    wire_names = tuple(str(w) for w in data.get("wires") or [])
    wires = frozenset(w.casefold() for w in wire_names)
    names = frozenset(n.casefold() for n in [*hosts.values(), *aliases])
    return OutletLexicon(hosts, wires, wire_names, aliases, names)


@lru_cache(maxsize=1)
def _wire_credit() -> re.Pattern:
    """A line ending in "/ Agency" or "| Agency": a photo credit."""
    wires = sorted((re.escape(w) for w in outlets().wire_names), key=len, reverse=True)
    return re.compile(r"(?:/|\|)\s*(?:" + "|".join(wires) + r")(?:\s+via\s+[^/]{1,40})?\s*\)?\s*$")


def url_host(url: str) -> str | None:
    return urlsplit(url if "://" in url else "http://" + url).hostname


def url_host_name(url: str) -> str | None:
    """Readable outlet name for a URL: the lexicon's name, else the bare host."""
    host = url_host(url)
    if not host:
        return None
    return outlets().host_name(host) or re.sub(r"^(?:www\d*|m|amp)\.", "", host)


# --- dates -------------------------------------------------------------------


def _make_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date (day, month, year) written in ``text``, else None.

    Regexes find the date; python-dateutil turns it into a date (it knows
    month names and ordinals). Dates without a year or day are not guessed.
    """
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[date, int, int] | None:
    """(date, start, end) of the first full date in ``text``."""
    best = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    value = _match_date(best)
    return (value, best.start(), best.end()) if value else None


def _match_date(match: re.Match) -> date | None:
    groups = match.groupdict()
    month = groups["m"] or groups.get("m2")
    if not month.isdigit():
        from dateutil import parser as dateutil_parser

        try:
            return dateutil_parser.parse(f"{groups['d']} {month.rstrip('.')} {groups['y']}").date()
        except (ValueError, OverflowError):
            return None
    return _make_date(groups["y"], month, groups["d"])


# A label that makes a timestamp the date of a later edit, not of publication.
_EDIT_LABEL = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)


def published_date(line: str) -> date | None:
    """The publication date a timestamp line shows.

    Its first date not labelled as an edit ("Updated", "Last modified"),
    else its first date: "Published 06:02, 30 June | Updated 10:00, 1 July"
    and "30 June 2019 Last modified on 1 July 2019" both give 30 June.
    """
    matches = sorted((m for form in _DATE_FORMS for m in form.finditer(line)), key=lambda m: m.start())
    dates: list[tuple[date, bool]] = []
    reached = 0
    for match in matches:
        if match.start() < reached:
            continue  # overlaps a date already read ("2019-07-01" inside another form)
        value = _match_date(match)
        if value:
            label = _LINE_SEPARATOR.split(line[reached : match.start()])[-1]
            dates.append((value, bool(_EDIT_LABEL.search(label))))
        reached = match.end()
    for value, edited in dates:
        if not edited:
            return value
    if dates:
        return dates[0][0]
    return parse_foreign_date(line)


_MONTH_DAY = re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?![^\W\d_])", re.I)


def find_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date written without its year ("June 30", "30th June")."""
    found = [m for m in (_MONTH_DAY.search(text), _DAY_MONTH.search(text)) if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    month, day = MONTHS[match["m"].rstrip(".").lower()], int(match["d"])
    return (month, day) if _make_date("2000", str(month), str(day)) else None  # 2000: a leap year


_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})(?:/|-|_|$)")
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\((?i:c)\)|\b(?i:copyright))\s*(?:©\s*)?(?P<y>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)"
)


def url_year(url: str) -> int | None:
    """The year in a URL path ("/2019/06/30/...", "/news/2019/..."), else None."""
    match = _URL_YEAR.search(urlsplit(url if "://" in url else "http://" + url).path)
    return int(match["y"]) if match else None


def copyright_year(line: str) -> int | None:
    """The single year of a copyright line ("© 2019 Outlet"); a range ("2005-2024") gives None."""
    match = _COPYRIGHT_YEAR.search(line)
    return int(match["y"]) if match else None


def is_date_line(line: str) -> bool:
    """A line that holds only a date (and maybe weekday, time, "Published"),
    or a date among bylines and reading times ("By Jane Roe | July 1, 2019 | 4 min read")."""
    if len(line) > 120 or not _DIGIT.search(line):
        return False  # every date form, foreign ones too, has a digit
    section = _SECTION_LABEL.match(line)  # "World Tuesday 08/May/2018 18:32 PM"
    if section and section["word"].lower() in SECTION_WORDS:
        line = line[section.end() :]
    if _only_date(line):
        return True
    segments = _LINE_SEPARATOR.split(line)
    if len(segments) < 2:
        return False
    dated = [_only_date(segment) for segment in segments]
    return any(dated) and all(
        is_dated or _only_date_filler(segment) or _BYLINE_SEGMENT.fullmatch(segment) or _stamp_label(segment)
        for segment, is_dated in zip(segments, dated)
    )


def stamp_outlet(line: str) -> str | None:
    """The outlet a timestamp line opens with ("NEWS AGENCY - Apr 29, 2025 - 21:07 | World"):
    its first segment when that is a known outlet or a name in capitals, not a section word."""
    segments = _LINE_SEPARATOR.split(line)
    if len(segments) < 2 or not is_date_line(line):
        return None
    first = segments[0].strip(" :")
    if _only_date(first) or first.lower() in SECTION_WORDS or _SECTION_TAGS.fullmatch(first):
        return None
    if outlets().is_outlet_name(first) or (_CAPS_CREDIT.fullmatch(first) and len(first) > 2):
        return first
    return None


def _stamp_label(segment: str) -> bool:
    """A credit or section label a timestamp line carries beside its date: the
    outlet in capitals or by a lexicon name ("NEWS AGENCY - Apr 29, 2025 - 21:07"),
    or a list of section tags ("| World, Asia"). A headline ("Leaders Meet Again")
    is neither, so a dated link to another story does not count."""
    segment = segment.strip(" :")
    if _CAPS_CREDIT.fullmatch(segment) or outlets().is_outlet_name(segment):
        return True
    return _SECTION_TAGS.fullmatch(segment) is not None


# A section name before a timestamp: "World Tuesday 08/May/2018".
_SECTION_LABEL = re.compile(r"(?P<word>[A-Z][a-z]+)\s+(?=\S)")
# "NEWS AGENCY", "AFP": a masthead credit in capitals, a few words.
_CAPS_CREDIT = re.compile(r"[A-Z][A-Z&.'’-]*(?:\s+[A-Z][A-Z&.'’-]*){0,3}")
# "World", "World, All", "Politics, Asia": single capitalised words and commas.
_SECTION_TAGS = re.compile(r"[A-Z][a-z]+(?:,\s*[A-Z][a-z]+){0,3}")
# Separators between the parts of a timestamp line: "|", "/", "·", "•", dashes.
_LINE_SEPARATOR = re.compile(r"\s+[|/·•—–-]\s+|\s*[|·•]\s*")
# "By Jane Roe and Li Wei", "By the Asia desk", "By our correspondent in Lima"
_BYLINE_SEGMENT = re.compile(r"(?i:by)\s+(?:(?i:the|our|a)\s+)?[A-Za-z][\w.'’-]*(?:\s+(?:[A-Za-z][\w.'’-]*|&)){0,5}")


def _only_date_filler(text: str) -> bool:
    """Only timestamp words ("Updated 3 hours ago", "4 min read"), no date."""
    return not re.search(r"[^\W_]", _DATE_FILLER.sub(" ", text))


def _only_date(line: str) -> bool:
    rest = line
    matched = False
    for form in _DATE_FORMS:
        rest, count = form.subn(" ", rest)
        matched = matched or bool(count)
    if not matched:
        return _foreign_date_line(line)
    if len(_CAPS_NAME_WORD.findall(rest)) > 3:
        return False  # a headline in capitals, not a city or outlet beside the stamp
    rest = _DATE_FILLER.sub(" ", rest)
    return not re.search(r"[^\W_]", rest)


# A word in capitals that is not a clock or zone word: part of a city or outlet name.
_CAPS_NAME_WORD = re.compile(r"\b(?!(?:AM|PM|GMT|UTC|[A-Z]{1,3}T)\b)[A-Z]{2,}\b")


def _foreign_date_line(line: str) -> bool:
    """A short line with a year that dateparser reads as a full date ("24 апреля 2019")."""
    if len(line) > 40 or not re.search(r"\b(?:19|20)\d{2}\b", line) or len(line.split()) > 5:
        return False
    return parse_foreign_date(line) is not None


@lru_cache(maxsize=256)
def parse_foreign_date(text: str) -> date | None:
    """dateparser for dates in other languages; loaded only when needed (it is slow to import)."""
    import dateparser

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def url_date(url: str) -> date | None:
    """A date in a URL path ("/2019/04/24/..."), else None."""
    match = _URL_DATE.search(urlsplit(url if "://" in url else "http://" + url).path)
    return _make_date(match["y"], match["m"], match["d"]) if match else None


# --- the single-line cues ----------------------------------------------------


def url_line(line: str) -> tuple[str | None, bool] | None:
    """(url or None, labelled as the article's own) when the line is a URL line."""
    match = _URL_LINE.match(line)
    if not match or not (match["label"] or match["url"]):
        return None
    if match["label"] and not match["url"] and not line.rstrip().endswith((":", "：")):
        return None  # "Source" alone is a heading, not a URL label
    own = bool(match["label"] and _OWN_URL_LABEL.search(match["label"]))
    return match["url"], own


def is_chrome(line: str) -> bool:
    if len(line) > 60:
        return False
    tokens = re.findall(r"[a-z]+", line.lower())
    return 0 < len(tokens) <= 8 and len(line) <= 60 and all(t in CHROME_WORDS for t in tokens)


def is_crumb(line: str) -> bool:
    if ends_sentence(line) or len(line) > 120:
        return False
    if _CRUMB_SEPARATOR.search(line) and _CRUMB.match(line):
        segments = re.split(r"\s*[>›»|]\s*", line)
        return all(len(s.split()) <= 4 for s in segments)
    tokens = line.split()
    return (
        2 <= len(tokens) <= 6
        and all(t[:1].isupper() for t in tokens)
        and all(t.lower() in SECTION_WORDS for t in tokens)
    )


def is_caption(line: str) -> bool:
    tail = max(0, len(line) - _CREDIT_WINDOW)  # "^" still means the line's real start
    if any(p.match(line) for p in _CAPTION_START) or any(p.search(line, tail) for p in _CAPTION_END):
        return True
    lowered = line.lower()
    if ("credit" in lowered or "courtesy" in lowered) and _CAPTION_ANYWHERE.search(line):
        return True
    if "(" in line and _places_people(line):
        return True
    # A credit ends in a name or a parenthesis, never in sentence punctuation.
    if (line[-1] == ")" or line[-1].isalnum()) and _may_end_in_credit(line) and _trailing_credit(line, tail):
        return True
    if _wire_credit().search(line, tail) and not ends_sentence(line.rstrip(")")):
        return True
    if len(line) <= 80 and _CREDIT_LINE.match(line):
        segments = [re.sub(r"^(?i:via)\s+", "", s.strip()) for s in line.split("/")]  # "AGENCY/VIA WIRE"
        lexicon = outlets()
        return any(lexicon.is_wire(s) or re.fullmatch(r"[A-Z]{2,6}", s) for s in segments)
    return False


def _is_credit_name(name: str) -> bool:
    name = name.strip()
    return outlets().is_wire(name) or bool(re.fullmatch(r"[A-Z]{2,6}", name))


_LAST_WORD = re.compile(r"[\w.'’&-]*\)?\s*$")
_CREDIT_SUFFIX = re.compile(r"(?i:file|handout|pool)")


def _may_end_in_credit(line: str) -> bool:
    """Cheap test that the line's last word could close a credit.

    _TRAILING_CREDIT's last name starts with a capital after a space, "/" or
    "(" (or ends in ", File"), so a line ending in a lower-case word, as
    hard-wrapped prose does, is not searched.
    """
    word = _LAST_WORD.search(line).group().rstrip().removesuffix(")")
    return bool(word) and ("A" <= word[0] <= "Z" or bool(_CREDIT_SUFFIX.fullmatch(word)))


def _trailing_credit(line: str, pos: int = 0) -> bool:
    """The line ends in an agency credit: "... 2018. (Reuters/Name)", "... 2019. KCNA via REUTERS".

    Any credit needs an agency (lexicon) or an acronym among its parts. A
    credit of one name ("... Wednesday. (Agency)", "... in eastern Russia.
    Agency") is also how wire copy closes a body paragraph, so it marks a
    caption only after text shaped like one (:func:`caption_shaped`).
    """
    match = _TRAILING_CREDIT.search(line, pos)
    if not match or bool(match["open"]) != bool(match["close"]):
        return False
    parts = re.split(r"\s*/\s*|\s+via\s+", match["credit"])
    if len(parts) > 1:
        return any(_is_credit_name(part) for part in parts)
    name = parts[0]
    if not (_is_credit_name(name) or outlets().is_outlet_name(name) or _CAPS_CREDIT.fullmatch(name)):
        return False
    return caption_shaped(line[: match.start("open") if match["open"] else match.start("credit")])


def is_credit_only(line: str) -> bool:
    """A caption line that is nothing but a credit ("AGENCY/VIA WIRE", "PHOTO: AGENCY")."""
    return len(line) <= 80 and len(words(line)) <= 8 and not ends_sentence(line) and is_caption(line)


# A photo's description: where people stand in it, or the photo named.
_PHOTO_POSITION = re.compile(
    r"\((?:(?:second|third|2nd|3rd)\s+)?(?:[LRC]|left|right|cent(?:re|er)|front|back|top|bottom)\b[^()]{0,30}\)"
    r"|\b(?i:in\s+this\s+(?:file\s+)?(?:photo|picture|image|handout)|pictured|poses?|posing)\b"
)
# Captions are written in the present: "Leader A meets leader B at ...".
_PHOTO_VERB = re.compile(
    r"\b(?:meets|shakes|speaks|attends|arrives|walks|waves|looks|gestures|sits|stands|listens|talks|signs|"
    r"greets|inspects|visits|holds|delivers|reviews|smiles|leaves|boards|toasts|watches|hugs|embraces|"
    r"salutes|chats|applauds|lays|receives|welcomes|rides|raises?|shake\s+hands|is\s+greeted|are\s+greeted)\b"
)
# Where a person stands in the photo: "(L)", "(R)", "(C)", "(2nd L)", "(left)".
# Only the closed marker: "(R-Texas)" is a party label in prose.
_POSITION_MARKER = re.compile(
    r"\((?:(?:second|third|2nd|3rd)\s+(?:from\s+)?)?(?:[LRC]|left|right|cent(?:re|er))\)"
)


# The verb straight after a position marker: "A (R) toasts ...", "A (L) and B (R) shake hands".
_MARKER_VERB = re.compile(
    r"\s*(?:" + _PHOTO_VERB.pattern + r"|(?:pose|walk|talk|review|attend|wave|toast|sit|stand|"
    r"look|watch|inspect|arrive|hold|chat|listen|sign|meet|greet|embrace|hug|applaud|smile|salute)\b)"
)


def _places_people(line: str) -> bool:
    """A position marker with a photo verb right after it: "A (R) toasts with B at ..."
    (not "Senator A (R) said ...", a party label)."""
    return any(_MARKER_VERB.match(line, m.end()) for m in _POSITION_MARKER.finditer(line))


# Wire captions end in a dateline: "... in Lima, Peru, June 3, 2019." / "..., Wednesday, April 24, 2019."
_CAPTION_DATE_END = re.compile(
    rf"(?:,|\bon)\s+(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$", re.I
)
# A full stop after a lower-case word or digit, then a capital: a second sentence.
_SENTENCE_INSIDE = re.compile(r"[a-z\d][.!?][\"'”’]?\s+[\"“]?[A-Z]")


def caption_shaped(text: str) -> bool:
    """Whether ``text`` reads as a photo caption: one sentence that places the
    people in the photo, is in the present tense, or ends in a wire dateline."""
    text = text.strip()
    if not text or _SENTENCE_INSIDE.search(text.rstrip(".!? ")):
        return False
    return bool(_PHOTO_POSITION.search(text) or _PHOTO_VERB.search(text) or _CAPTION_DATE_END.search(text))


def is_link_list_heading(line: str) -> bool:
    """A heading over a block of links inside the article ("Related coverage")."""
    return bool(_LINK_LIST.match(line))


def line_reason(line: str) -> str | None:
    """Why a single line (already stripped) is boilerplate, or None for prose."""
    if not line:
        return None
    if _TAIL.match(line):
        return "tail"
    if url_line(line):
        return "url"
    # Plain substring tests guard the unanchored searches: most lines are long prose.
    lowered = line.lower()
    if ((".com/" in lowered and _TWEET.search(line)) or _TWEET_ATTRIBUTION.match(line)
            or _SOCIAL_POST.match(line)):
        return "tweet"
    if _RELATED.match(line) or _LINK_LIST.match(line):
        return "related"
    if _SHARE.match(line) or (len(line) <= 200 and "comment" in lowered and _COMMENT_PROMPT.search(line)):
        return "share"
    if is_caption(line):
        return "caption"
    if len(line) <= 300 and _is_contributor(line, lowered):
        return "contributor"
    if is_date_line(line):
        return "dateline"
    if is_crumb(line):
        return "navigation"
    if is_chrome(line):
        return "chrome"
    if FROM_FOOTER.match(line) or (COPYRIGHT.match(line) and len(line) <= 120) or _POLICY.match(line):
        return "footer"
    if _BYLINE.match(line) and not ends_sentence(line):
        return "byline"
    return None


def _is_contributor(line: str, lowered: str) -> bool:
    return bool(_CONTRIBUTOR.match(line) or ("contributed" in lowered and _CONTRIBUTED.search(line)))


def is_tail(line: str) -> bool:
    return bool(_TAIL.match(line))


def tweet_attribution(line: str) -> bool:
    return bool(_TWEET_ATTRIBUTION.match(line) or _SOCIAL_POST.match(line))


def dateline_prefix(line: str) -> re.Match | None:
    """The "CITY (Source) -" opening of a wire story's first paragraph, if any."""
    match = DATELINE_PREFIX.match(line)
    if not match:
        return None
    rest = line[match.end() :]
    # The dateline is followed by the sentence proper, which starts a word.
    if not rest or not (rest[0].isupper() or rest[0] in "\"“'‘"):
        return None
    if match["source"] is None and len(match["place"]) < 3:
        return None
    if match["source"] and _expands_acronym(match["place"], match["source"]):
        return None  # "ACRONYM (Its Full Name) ..." is prose, not a dateline
    return match


def _expands_acronym(acronym: str, words_: str) -> bool:
    initials = "".join(w[0] for w in words_.split() if w[:1].isupper())
    return initials.upper() == re.sub(r"[^A-Z]", "", acronym)
