"""Place names in news prose: shapes, head words, and what is *not* a venue.

A venue is found by shape, never by name:

* a capitalised run ending in (or opening with) a generic place-type head
  word: "Lantau Island", "Azure Bay Hotel", "Palace of the Republic",
  "Port Moresby";
* a capitalised run followed by lower-case place words: "Dong Dang railway
  station", "Da Nang's main train station", "the Heroes memorial";
* a descriptor with "of": "the port city of Haiphong", "the border station of
  Lao Cai", "the coastal towns of Kep and Kampot".

What keeps precision up is knowing what a capitalised run is *not*: countries
and world regions (Babel's English territory names, plus common short forms),
regional words ("Peninsula", "Province", "Far East"), organisations ("News
Agency", "Foreign Ministry"), people (a title in front), calendar words,
demonyms and languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .people import MONTHS_DAYS, STOP_CAPS, TITLE_WORDS

# --- lexicons ---------------------------------------------------------------

# Generic place-type head words -> the place_type reported.
PLACE_HEADS: dict[str, str] = {}
for _type, _words in {
    "island": "island islands isle islet atoll",
    "university": "university campus college academy",
    "station": "station terminal depot",
    "airport": "airport airfield aerodrome airbase",
    "port": "port harbour harbor pier wharf dock docks shipyard dockyard seaport",
    "hotel": "hotel resort lodge inn",
    "palace": "palace residence mansion villa guesthouse dacha",
    "building": (
        "house hall building tower centre center complex pavilion theatre theater stadium arena "
        "museum gallery library embassy consulate hospital school kindergarten market mall room "
        "headquarters auditorium observatory cathedral church temple mosque pagoda monastery"
    ),
    "memorial": "memorial monument mausoleum cemetery tomb shrine statue",
    "square": "square plaza park garden gardens boulevard avenue bridge",
    "restaurant": "restaurant cafe café canteen eatery",
    "facility": "factory plant works cosmodrome spaceport base farm mine checkpoint site lookout",
    "tunnel": "tunnel",
    "district": "zone",
    "city": "city town village",
}.items():
    for _word in _words.split():
        PLACE_HEADS[_word] = _type

# Heads written before the name: "Port Moresby", "Hotel Metropole", "Camp David".
HEAD_FIRST: dict[str, str] = {
    "port": "city", "mount": "mountain", "lake": "lake", "fort": "facility", "camp": "facility",
    "hotel": "hotel", "cape": "cape", "palace": "palace",
    # the same heads as other languages write them before the name ("Palacio X", "Plaza de X")
    "palacio": "palace", "palazzo": "palace", "palais": "palace", "plaza": "square", "piazza": "square",
    "praça": "square", "plac": "square", "teatro": "building", "museo": "building", "estadio": "building",
    "castillo": "palace", "schloss": "palace", "château": "palace", "chateau": "palace",
}

# The modifiers that make a "zone" a district where things are built ("X economic zone");
# any other zone ("the X time zone", "exclusion zone") is no venue.
ZONE_MODIFIERS = frozenset("economic industrial development trade technology export processing".split())

# Lower-case words allowed between a name and a lower-case head ("railway" station).
PLACE_MODIFIERS = frozenset("""
    railway train rail main central bus metro subway border naval air military international
    war sports conference press guest state presidential summit ferry cruise container new old
    city university memorial friendship exhibition convention congress cultural science
    space launch submarine ship vehicle car tractor power missile engine test testing nuclear
    launching satellite rocket enrichment reactor heritage
""".split()) | ZONE_MODIFIERS

# Heads that need a modifier before them in lower case: "X missile test site", never "X site".
NEEDS_MODIFIER = frozenset({"site", "zone"})


# Shape and colour words that make "X Office" / "X Room" a room, not an institution
# ("Oval Office", "Blue Room"; the "Foreign Office" is a ministry).
ROOM_ADJECTIVES = frozenset("""
    oval round octagonal square blue green red yellow white golden gold silver amber marble mirror
    crystal east west
""".split())

# Lower-case words that make a following head something other than a place
# ("television station", "radio station").
NOT_PLACE_MODIFIERS = frozenset({"television", "tv", "radio", "broadcast", "news", "research", "police"})

# Descriptors that introduce a bare name: "the port city of X", "the capital of X".
DESCRIPTORS: dict[str, str] = {
    "city": "city", "cities": "city", "town": "city", "towns": "city", "village": "city",
    "villages": "city", "capital": "city", "port": "city", "port city": "city", "resort": "city",
    "resort town": "city", "resort island": "island", "island": "island", "islands": "island",
    "station": "station", "border station": "station", "railway station": "station",
    "border town": "city", "border city": "city", "border crossing": "border crossing",
    "border post": "border crossing", "district": "district", "county": "district",
    "streets": "city", "outskirts": "city", "suburbs": "city", "destination": "city",
    "tourist destination": "city", "holiday destination": "city",
}

# Region and geography heads: never a venue on their own.
REGION_WORDS = frozenset("""
    peninsula region territory province krai oblast prefecture state states republic kingdom
    federation union emirates continent sea ocean gulf strait straits coast river mountains
    east west north south zone eastern western northern southern far middle
""".split())

# Words that make a capitalised run an organisation, outlet or programme.
ORG_WORDS = frozenset("""
    agency ministry council commission committee party news times post daily herald journal
    gazette tribune telegraph press media television tv radio broadcasting broadcaster network
    channel service services group company corporation corp inc ltd bank fund airlines airways
    office department administration assembly congress senate government army navy fleet forces
    force guard police authority association foundation institute organization organisation
    bureau club initiative project program programme affairs security project summit forum talks
    conference treaty accord agreement declaration
""".split())

# Languages and demonyms written as bare capitalised words ("in Vietnamese", "the Thai").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic)$")
_DEMONYMS_IRREGULAR = frozenset({"french", "dutch", "czech", "greek", "thai", "swiss", "welsh", "german",
                                 "latin", "hindi", "urdu", "farsi", "filipino", "lao", "malay"})

# Country short forms Babel does not list; world-politics vocabulary, not story facts.
_COUNTRY_EXTRA = (
    "US", "U.S.", "U.S", "USA", "U.S.A.", "America", "Britain", "Great Britain", "UK", "U.K.",
    "Korea", "Koreas", "DPRK", "ROK", "PRC", "Burma", "Czech Republic", "Holland", "Turkey",
    "Soviet Union", "USSR", "Ivory Coast", "East Timor", "Macedonia", "Swaziland", "EU",
    "Middle East", "Far East", "Asia-Pacific", "Pacific", "Atlantic", "Arctic", "Antarctic",
    "Balkans", "Caucasus", "Scandinavia", "Siberia", "Indochina",
)
# Countries that are also the city where things happen.
_CITY_STATES = frozenset({"singapore", "monaco", "vatican city"})


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Folded names of countries, territories and world regions (Babel's English list)."""
    names: set[str] = {fold(n) for n in _COUNTRY_EXTRA}
    try:
        from babel import Locale

        for name in Locale("en").territories.values():
            for part in re.split(r"\s*[()]\s*|\s+&\s+", name):
                if part and not part.isdigit():
                    names.add(fold(part))
            names.add(fold(name.replace("&", "and")))
    except Exception:  # Babel missing or broken: fall back to the shape rules alone
        pass
    return frozenset(names - _CITY_STATES)


def fold(name: str) -> str:
    """Comparable form: lower case, curly apostrophes straightened, one space."""
    return " ".join(name.replace("’", "'").lower().split())


# --- look-alike letters ------------------------------------------------------

# Cyrillic and Greek letters drawn like Latin ones. Typed (or OCR'd) inside a Latin word
# ("Vostochny \u0421osmodrome" with a Cyrillic Es) they would cut the word out of a name.
_CONFUSABLES = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0430\u0435\u043e\u0440\u0441\u0445\u0443"
    "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf",
    "ABEKMHOPCTXaeopcxy"
    "ABEZHIKMNOPTYXo",
)
_CONFUSABLE_CHARS = frozenset(chr(c) for c in _CONFUSABLES)
_LETTERS = re.compile(r"[^\W\d_]+")


def unconfuse(text: str) -> str:
    """``text`` with look-alike Cyrillic/Greek letters inside Latin words made Latin.

    One character for one, so offsets stay true. A word written wholly in
    another script ("\u041c\u043e\u0441\u043a\u0432\u0430") is left alone: only a word that also has
    Latin letters is mixed by mistake.
    """
    if text.isascii():
        return text
    return _LETTERS.sub(_unconfuse_word, text)


def _unconfuse_word(match: re.Match) -> str:
    word = match.group(0)
    if word.isascii() or _CONFUSABLE_CHARS.isdisjoint(word) or not any("a" <= c.lower() <= "z" for c in word):
        return word
    return word.translate(_CONFUSABLES)


# --- shapes -----------------------------------------------------------------

_TOKEN = r"[A-Z][\w'’.\-]*"
_GAP = r"[ \t]*\n?[ \t]*"
# A capitalised run; "of", "of the", "de" may join two capitalised words. The first
# capital is matched before the look back at the character in front of it
# ("(?<![\w\-'’])" written after the letter): a pattern that opens with a letter
# class lets the regex engine skip to the next capital instead of trying every position.
NAME_RUN = re.compile(
    rf"[A-Z](?<![\w\-'’][A-Z])[\w'’.\-]*(?:{_GAP}(?:(?:of|de|del|da|di|du|la|le)(?:{_GAP}the)?{_GAP})?{_TOKEN})*"
)
_POSSESSIVE_TOKEN = re.compile(r"^(.*?)(?:['’]s|s['’])$")


def clean(text: str) -> str:
    """A name as written, whitespace (hard-wrapped lines) made single spaces."""
    return " ".join(text.split())


def strip_possessive(text: str) -> str:
    if "'" not in text and "’" not in text:
        return text  # the common case, without a regex (this runs for every word of every run)
    match = _POSSESSIVE_TOKEN.match(text)
    return match.group(1) if match else text


def tokens_of(text: str) -> list[str]:
    return text.split()


def is_country(name: str) -> bool:
    """Country, world region or bloc ("South Sudan", "the U.S.", "Southeast Asia")."""
    key = fold(strip_possessive(name))
    if key.startswith("the "):
        key = key[4:]
    return key in countries()


def is_region(tokens: list[str]) -> bool:
    last = tokens[-1].lower().rstrip(".,")
    return last in REGION_WORDS or any(t.lower() in {"republic", "kingdom", "federation"} for t in tokens)


def is_org(tokens: list[str]) -> bool:
    return any(t.lower().strip(".,") in ORG_WORDS for t in tokens)


def is_personish(tokens: list[str]) -> bool:
    """A run opened by a title or honorific ("President Park", "Mr Lee")."""
    first = tokens[0].lower().rstrip(".")
    return first in TITLE_WORDS and first not in {"of", "the", "state", "central", "national"}


def is_stan_demonym(word: str) -> bool:
    """A demonym that is its country's name without "-stan" ("Tajik", "Afghan")."""
    return word[:1].isupper() and (is_country(word + "istan") or is_country(word + "stan"))


def is_calendar(tokens: list[str]) -> bool:
    return any(t.lower().rstrip(".,") in MONTHS_DAYS for t in tokens)


# Organisation words that rule out even a lower-case place head ("the News Agency building").
_OUTLET_WORDS = frozenset("agency news times post daily herald journal television tv radio press ministry".split())


def named_ok(name: str) -> bool:
    """Can this run name a place followed by a lower-case head ("X memorial", "X's station")?

    Looser than :func:`bare_name_ok` (long names and "Fleet" are fine) but
    a country, a region adjective, a titled person or an outlet is no name.
    """
    tokens = tokens_of(name)
    if not tokens or len(tokens) > 8 or tokens[0].lower() in STOP_CAPS:
        return False
    if is_country(name) or is_personish(tokens) or is_calendar(tokens):
        return False
    if any(t.lower().strip(".,") in _OUTLET_WORDS for t in tokens):
        return False
    descriptive = [t for t in tokens if _DEMONYM.match(strip_possessive(t)) or t.lower() in REGION_WORDS
                   or strip_possessive(t).lower() in _DEMONYMS_IRREGULAR or is_country(t)
                   or is_stan_demonym(strip_possessive(t))]
    return len(descriptive) < len(tokens)


def bare_name_ok(name: str, typed: bool = False) -> bool:
    """Can this capitalised run, with no place head, be a city or town?

    Rejects countries, regions, organisations, titled people, calendar words,
    demonyms/languages, acronyms and sentence-opening function words. ``typed``:
    a place-type word right before says what the name is ("the coastal city of
    X"), so a one-word name shaped like a demonym ("-ian", "-ese") is kept.
    """
    tokens = tokens_of(name)
    if not tokens or len(tokens) > 4:
        return False
    if tokens[0].lower() in STOP_CAPS:
        return False
    if is_country(name) or is_region(tokens) or is_org(tokens) or is_personish(tokens) or is_calendar(tokens):
        return False
    if len(tokens) == 1:
        word = strip_possessive(tokens[0])
        if (_DEMONYM.match(word) and not typed) or word.lower() in _DEMONYMS_IRREGULAR or word.isupper():
            return False  # "Vietnamese", "Thai", "AFP"
        if word.endswith("i") and is_country(word[:-1]):
            return False  # "Israeli", "Pakistani": a country plus -i
        if is_stan_demonym(word):
            return False  # "Tajik", "Afghan": the country minus -(i)stan
    if any(t.isupper() and len(t) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", t) for t in tokens):
        return False
    return len(name) >= 3
