"""Figure extractor: numbers with units or counted things, normalized.

A figure is a number the article states about the world — money, a share, a
count of people or things, a distance, a duration, a size, a time of day —
with the words that qualify it ("more than", "nearly") and, where the
sentence says it, what it measures and for which period.

Conventions (what the normalized fields mean):

* ``value`` is a plain float with multipliers applied: "12 million dollars"
  -> 12000000, "£9.4m" -> 9400000 ("m"/"bn" after a currency are million /
  billion, never metres), "an hour and a half" -> 1.5.
* ``unit``: ISO 4217 codes for money (USD, GBP, EUR, KRW, JPY, CNY, RUB, ...;
  a bare "$" or "dollars" is USD); "percent"; "percentage points"; short
  symbols for measures (km, mi, m, cm, mm, ft, in, nmi, kg, t, lb, km2, ha,
  km/h, kph, mph); plural words for durations (seconds, minutes, hours, days,
  weeks, months, years, decades); for counts the counted noun as written in
  the plural ("people", "limousines", "laborers").
* time of day: ``unit="time"``, ``value`` = hours since midnight as a float
  on the clock stated ("6:00 p.m." -> 18.0, "6:30 a.m." -> 6.5); a conversion
  in brackets ("(08:00 GMT)") stays in ``raw`` and is not a second figure.
* ``bound``: "more than / over / at least / upwards of" -> lower_bound; "less
  than / fewer than / under / up to / at most / within / no more than" ->
  upper_bound; "about / around / approximately / roughly / some / nearly /
  almost / close to / an estimated" -> approximate. "Nearly two hours" is
  *approximate*, not an upper bound: news writers use "nearly" for a value
  just short of the number, so the number is the best single estimate.
* ``direction``: increase / decrease when a change verb or noun governs the
  figure ("fell by", "rose to", "a 5 percent drop").
* ``period``: for money and percentages, the year or month a nearby date
  expression names ("last year" in a 2019 article -> "2018"); the raw
  expression when there is no publication date to resolve it against.
* A bracketed conversion ("1,100-kilometer (684-mile)", "12 million dollars
  (£9.4m)") is kept in the main figure's ``raw`` and is also a figure of its
  own (same metric and bound), because it states a second value and unit.

Counts also come as compound adjectives ("a 200-member delegation", "the
150,000-seat stadium", "a 120-strong team"), capitalised people nouns
("150,000 North Koreans"), occasions ("has visited China four times since"),
parts of what someone owns ("three of its productions"), and bare numbers whose
counted noun heads the clause ("Study visas ... fell ... to about 46,000").
A count restated later in the article is one figure with more evidence.
Money written in words is read with Babel's currency names ("4.2 billion rand").

Not figures: years and other date parts (and year ranges), ordinals, "the two leaders" style
references back to known parties, numbers inside names ("Channel 4",
"Su-57"), compound adjectives that are not measures ("six-party talks"),
numbers in URLs and handles, and vague amounts ("dozens of", "thousands of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice

from ..models import Figure
from ..read import Article, Sentence
from .common import evidence
from .dates import dates_in

# --- numbers ------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_SCALE = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozen|an?(?=\s+(?:hundred|thousand|million|billion)\b)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BIG = r"(?:\s+(?:hundred|thousand|million|billion|trillion))*"
_NUM = rf"(?:(?:{_DIGITS}){_BIG}|(?i:{_WORD}){_BIG})"
_LEFT_EDGE = r"(?<![\w$£€¥₩₽.,/@#:-])"


def _tail(text: str, end: int, width: int = 60) -> str:
    """The ``width`` characters before ``end``: anchored-at-end searches need no more."""
    return text[max(0, end - width) : end]


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "2018" in "2018-member" or "the 2019 ...": a year, not a count
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")


def parse_number(text: str) -> float | None:
    """ "10,000" -> 10000, "1.5 billion" -> 1.5e9, "twenty-five" -> 25, "a dozen" -> 12."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    total, current = 0.0, None
    for word in words:
        if _PLAIN_NUMBER.fullmatch(word):
            current = (current or 0) + float(word)
        elif word in ("a", "an"):
            current = (current or 0) + 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SMALL:
            current = (current or 0) + _SMALL[word]
        elif word in ("hundred",):
            current = (current or 1) * 100
        elif word in _SCALE:
            total += (current or 1) * _SCALE[word]
            current = None
        else:
            return None
    return total + (current or 0)


# --- units ----------------------------------------------------------------------

_CURRENCY_SYMBOLS = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "s$": "SGD", "hk$": "HKD", "a$": "AUD",
    "c$": "CAD", "nz$": "NZD", "£": "GBP", "€": "EUR", "¥": "JPY", "₩": "KRW", "₽": "RUB",
    "rmb": "CNY", "usd": "USD", "eur": "EUR", "gbp": "GBP", "krw": "KRW", "jpy": "JPY",
    "cny": "CNY", "rub": "RUB", "inr": "INR", "idr": "IDR", "sgd": "SGD", "vnd": "VND",
}
_CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "singapore dollars": "SGD", "hong kong dollars": "HKD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "won": "KRW",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "rupees": "INR",
    "rupiah": "IDR", "baht": "THB", "ringgit": "MYR", "dong": "VND", "swiss francs": "CHF",
}


def _babel_currency_words() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(full names, bare nouns) of currencies -> ISO code, and every bare currency noun,
    from Babel's English (CLDR) data.

    Full names ("South African rand", "Philippine pesos") of every currency now
    legal tender somewhere. A bare currency noun ("rand", "naira") counts only
    when it names one currency alone ("peso" and "franc" name many) and is not
    an ordinary English word ("real", "mark", "gold", "colon").
    """
    import datetime
    import unicodedata

    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    def folded(name: str) -> str:  # "bolívar" is also written "bolivar"
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()

    english = Locale("en")
    today = datetime.date.today()
    codes = {code for territory in get_global("territory_currencies")
             for code in get_territory_currencies(territory, today, tender=True)}
    names: dict[str, str] = {}
    bare: dict[str, set[str]] = {}
    for code in codes:
        forms = set(dict(english._data["currency_names_plural"].get(code, {})).values())
        forms.add(english.currencies.get(code, ""))
        for form in filter(None, forms):
            for spelling in {form.lower(), folded(form.lower())}:
                names[spelling] = code
                bare.setdefault(spelling.split()[-1], set()).add(code)
    nouns = {noun: next(iter(found)) for noun, found in bare.items()
             if len(found) == 1 and noun not in _CURRENCY_NOUNS_ALSO_WORDS}
    return {name: code for name, code in names.items() if " " in name}, nouns, frozenset(bare)


# Bare currency nouns that are also everyday English words or names.
_CURRENCY_NOUNS_ALSO_WORDS = frozenset(
    "real reals mark marks gold sol soles kip kips som soms lei leu lek tala kina loti lotis dram drams "
    "pula pulas florin colon colons".split()
)
_BABEL_NAMES, _BABEL_NOUNS, _ALL_CURRENCY_NOUNS = _babel_currency_words()
# The hand-written names above win over Babel's ("won" is KRW, "rupees" INR). A bare
# noun is matched only in lower case, as currencies are written ("rand", not "Rand").
_CURRENCY_NOUNS = {noun: code for noun, code in _BABEL_NOUNS.items() if noun not in _CURRENCY_WORDS}
_CURRENCY_WORDS = _BABEL_NAMES | _CURRENCY_WORDS

_MEASURES = {
    # distance / size
    "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km", "km": "km",
    "miles": "mi", "mile": "mi", "nautical miles": "nmi", "nautical mile": "nmi",
    "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "centimeters": "cm", "centimetres": "cm", "centimeter": "cm", "centimetre": "cm", "cm": "cm",
    "millimeters": "mm", "millimetres": "mm", "millimeter": "mm", "millimetre": "mm", "mm": "mm",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in",
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2", "hectares": "ha",
    "square metres": "m2", "square meters": "m2", "cubic metres": "m3", "cubic meters": "m3",
    "cubic metre": "m3", "cubic meter": "m3", "cubic feet": "ft3",
    "acres": "acre", "kilometers per hour": "km/h", "km/h": "km/h", "kph": "km/h", "mph": "mph",
    "miles per hour": "mph", "knots": "kn",
    # weight
    "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "kilograms": "kg", "kilogram": "kg",
    "kg": "kg", "pounds": "lb", "lbs": "lb",
    # duration
    "seconds": "seconds", "second": "seconds", "minutes": "minutes", "minute": "minutes",
    "hours": "hours", "hour": "hours", "days": "days", "day": "days", "weeks": "weeks",
    "week": "weeks", "months": "months", "month": "months", "years": "years", "year": "years",
    "decades": "decades", "decade": "decades",
}
_DURATIONS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})
_DISTANCES = frozenset({"km", "mi", "nmi", "m", "cm", "mm", "ft", "in"})


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# (Each pattern below opens with a lookahead on its first character, so that most
# positions of a sentence fail at once.)
_CURRENCY_FIRST_CHARS = "".join(sorted({c for s in _CURRENCY_SYMBOLS for c in (s[0].lower(), s[0].upper())}))
_MONEY_PREFIX = re.compile(
    rf"(?=[{re.escape(_CURRENCY_FIRST_CHARS)}])(?<![\w])(?P<cur>(?i:{_alternation(_CURRENCY_SYMBOLS)}))\s?(?P<num>{_DIGITS})"
    r"(?:\s*(?P<mult>thousand|million|billion|trillion|mn|mln|bn|tn|trn|[mbk])\b)?"
)
_MONEY_SUFFIX = re.compile(
    rf"{_LEFT_EDGE}(?P<num>{_NUM})\s+(?P<cur>(?i:{_alternation(_CURRENCY_WORDS)})|{_alternation(_CURRENCY_NOUNS)})\b"
)
_PERCENT = re.compile(
    rf"{_LEFT_EDGE}(?P<num>{_NUM})(?:\s*(?P<pct>%)|\s+(?P<pp>percentage\s+points?)\b|[\s-]+(?:percent|per\s+cent)\b)"
)
_TIME = re.compile(
    r"(?=\d)(?<![\w:.])(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
    r"|(?=\d)(?<![\w:.])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?=\s*(?:GMT|UTC|local\s+time|hours|hrs|[A-Z]{2,4}T)\b)"
)
_TIME_TAIL = re.compile(
    r"(?:\s+(?:local\s+time|GMT|UTC|[A-Z]{2,4}T))?(?:\s*\((?:[^()]{0,30}?\b(?:GMT|UTC|[A-Z]{2,4}T|local\s+time)\b[^()]{0,10})\))?"
)
_MEASURE = re.compile(
    # "30bn cubic metres": a multiplier glued to the digits ("m" alone would be metres)
    rf"{_LEFT_EDGE}(?P<num>{_NUM})(?P<mult>(?<=\d)(?:bn|mn|mln|tn|trn)(?=\s))?(?:\s+and\s+a\s+half)?"
    # symbols may be written glued to the number ("1,000km"); words need a space or hyphen
    r"(?P<sep>[\s-]+|(?=(?:km|cm|mm|kg|mph|kph|ft)\b))"
    # "three straight years", "five consecutive days": an adjective of time before a duration
    r"(?:(?P<adj>straight|consecutive|successive|full|whole|long)\s+)?"
    rf"(?P<unit>(?i:{_alternation(_MEASURES)}))\b"
    rf"(?P<half>\s+and\s+a\s+half)?"
)
# "an hour and a half", "half an hour", "a year" (the last only after a qualifier).
_A_UNIT = re.compile(
    r"(?<![\w])(?P<num>an?|half\s+an?)\s+(?P<unit>hour|year|day|week|month|minute|decade|mile|kilometer|kilometre)\b"
    r"(?P<half>\s+and\s+a\s+half)?"
)
# "a 200-member delegation", "the 150,000-seat stadium", "a 120-strong team": a count
# written as a compound adjective. Only nouns that count members or capacity;
# "six-party talks" and "five-year plan" are names and durations, not counts.
_COMPOUND_COUNT = re.compile(
    rf"{_LEFT_EDGE}(?P<num>{_NUM})-(?P<noun>member|seat|strong|person|man|woman|bed|room|vehicle|car|ship|"
    r"plane|aircraft|passenger|delegate|officer|soldier|troop|carriage|wagon|coach|storey|truck|bus|"
    r"helicopter|jet)\b(?!-)",
    re.IGNORECASE,
)
_COMPOUND_UNITS = {"strong": "people", "person": "people", "man": "people", "woman": "women",
                   "aircraft": "aircraft", "troop": "troops"}
# A counted people noun written capitalised: "150,000 North Koreans", "400 Indonesians".
_DEMONYM_PLURAL = re.compile(r"(?:(?:North|South|East|West)\s+)?[A-Z][a-z]+(?:ians|eans|ans|is)\b")
# A number with nothing after it that ends a clause ("... to about 46,000, after ...").
_BARE_NUMBER = re.compile(rf"{_LEFT_EDGE}(?P<num>{_DIGITS}(?:\s+(?:thousand|million|billion))?)(?![\d,.]\d)"
                          r"(?=\s*(?:[,;)]|\.(?:\s|$)|$))")
_OF_WHICH = re.compile(rf"{_LEFT_EDGE}(?P<num>{_NUM})\s+of\s+(?:which|them|those)\b")
_COUNT_HEAD = re.compile(rf"{_LEFT_EDGE}(?P<num>{_NUM})\s+(?=(?P<rest>[^.;:,()\"“”—]{{1,80}}))")

# Qualifiers just before a figure -> bound.
_QUALIFIERS = [
    (r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|exceeding|above", "lower_bound"),
    (r"less\s+than|fewer\s+than|under|up\s+to|at\s+most|within|no\s+more\s+than|below|just\s+under|not\s+more\s+than", "upper_bound"),
    (r"about|around|approximately|roughly|some|nearly|almost|close\s+to|an\s+estimated|estimated|circa|or\s+so|more\s+or\s+less|just\s+over|some\s+\d+", "approximate"),
]
_QUALIFIER_RX = re.compile(  # (the lookahead on first letters rejects most positions at once)
    r"\b(?=[" + "".join(sorted({rx[0] for rx, _ in _QUALIFIERS for rx in rx.split("|")})) + r"])(?:" + "|".join(f"(?P<q{i}>{rx})" for i, (rx, _) in enumerate(_QUALIFIERS)) + r")\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?P<inc>rose|rise[sn]?|rising|increased?|increasing|grew|grow(?:s|n|ing)?|jump(?:ed|s)?|climb(?:ed|s)?|"
    r"surg(?:ed|es)|soar(?:ed|s)|gain(?:ed|s)?|expand(?:ed|s)?|up|boost(?:ed)?)|"
    r"(?P<dec>fell|fall(?:s|en|ing)?|drop(?:ped|s)?|declin(?:ed|es|ing)|decreas(?:ed|es|ing)|plung(?:ed|es)|"
    r"slump(?:ed|s)?|shr[ai]nk(?:s)?|shrunk|slid|cut|reduc(?:ed|es)|down|tumbl(?:ed|es)|contract(?:ed|s)?))"
    r"(?:\s+(?:by|to|from))?(?:\s+(?:more\s+than|less\s+than|nearly|almost|about|around|some|over|just|only))*\s+$",
    re.IGNORECASE,
)
_DIRECTION_AFTER = re.compile(
    r"^\s+(?:(?P<inc>increase|rise|growth|jump|gain|hike)|(?P<dec>decrease|drop|fall|decline|cut|reduction|slump))\b",
    re.IGNORECASE,
)

# Counted things that are references back to known parties, not figures.
_NOT_COUNTED = frozenset(
    """leaders countries sides nations parties governments men women presidents
    states allies neighbours neighbors rivals sessions times ways things occasions
    others ones percent""".split()
)
_IRREGULAR_PLURALS = frozenset(
    """people men women children personnel staff police troops aircraft cattle sheep
    fish crew militia clergy""".split()
)
# Lower-case words allowed between a number and the counted noun: adjective shapes
# ("armored", "senior"; capitalised words like "Chinese" are always allowed).
_ADJECTIVE = re.compile(
    r"[a-z]+(?:ed|al|ic|ive|ous|ful|ian|ean|ese|ish|ary|ior|ent|ant|able|ible|less|est|er)"
    r"|[a-z]+-[a-z-]+|top|key|new|old|young|main|major|small|large|big|other|more|extra|"
    r"local|foreign|senior|junior|former|private|civilian|separate|special|armed|elite|chief|"
    r"high|low|full|few|many"
)
_NOT_PLURAL = frozenset("news series species means is was has this its his us bus gas".split())
_STOP_BEFORE_HEAD = frozenset(
    """of to in on at for with by from and or but is are was were have has had will would
    can could may might should must be been being that which who than as if the a an""".split()
)
# Collective nouns: "a delegation of 120 officials" -> "size of the entourage".
_COLLECTIVES = frozenset(
    """entourage delegation crowd group team fleet convoy motorcade force army staff
    contingent party retinue caravan squad workforce audience""".split()
)
# Economic and measured quantities that money and percentages describe.
_MEASURE_NOUNS = (
    r"trade|exports?|imports?|investments?|aid|assistance|budget|costs?|revenues?|sales|deal|"
    r"contract|loans?|debt|deficit|surplus|spending|output|GDP|economy|growth|turnover|prices?|"
    r"fine|tariffs?|bill|package|funds?|funding|value|income|profits?|losses|inflation|"
    r"unemployment|turnout|approval|support|stake|production|volume|capacity|subsid(?:y|ies)|"
    r"compensation|reserves|shipments|deliveries|remittances|salary|wages|tourism|traffic"
)
_MEASURE_PHRASE = re.compile(
    rf"(?:\b(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*['’]s\s+)?(?:\b[a-z][\w-]*\s+){{0,2}}?\b(?i:{_MEASURE_NOUNS})\b"
    r"(?:\s+(?:with|between|to|from|of|in)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:and\s+)?[A-Z][\w.-]*)*)?"
)
_ACTIVITY_NOUNS = (
    r"summit|talks|meeting|flight|trip|journey|visit|drive|ride|session|speech|negotiations|"
    r"ceremony|dinner|lunch|reception|banquet|conversation|tete-a-tete|discussion|interview|"
    r"press\s+conference|parade|voyage|crossing|delay|wait|walk|tour|march|stay|exchange|debate|"
    r"hearing|trial|strike|siege|war|conflict|ban|freeze|moratorium|crisis|standoff|process"
)
_ACTIVITY_RX = re.compile(rf"\b(?P<noun>{_ACTIVITY_NOUNS})\b", re.IGNORECASE)
_LASTING_RX = re.compile(
    r"\b(?:lasted|lasting|last|lasts|took|take|takes|taking|spent|spend|long|runs?|ran)\b", re.IGNORECASE
)
_COMPARATIVES = {
    "deeper": ("depth", "increase"), "higher": ("height", "increase"), "taller": ("height", "increase"),
    "longer": ("length", "increase"), "wider": ("width", "increase"), "shorter": ("length", "decrease"),
    "lower": ("height", "decrease"), "shallower": ("depth", "decrease"), "narrower": ("width", "decrease"),
    "closer": ("distance", "decrease"), "farther": ("distance", "increase"), "further": ("distance", "increase"),
}
_CAP_RUN = r"[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*)*"
_BETWEEN = re.compile(rf"^\s*(?:between|from)\s+(?P<a>{_CAP_RUN})\s+(?:and|to)\s+(?P<b>{_CAP_RUN})")


_FALLBACK_METRICS = frozenset({"amount of money", "percentage", "duration", "distance", "amount"})


@dataclass
class _Candidate:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # money | percent | time | measure | count | share
    metric: str | None = None
    bound: str = "exact"
    direction: str | None = None
    period: str | None = None
    conversions: list["_Candidate"] = field(default_factory=list)
    part_of: bool = False  # "nearly two of which": a part of the figure before


def extract(article: Article) -> list[Figure]:
    """Figures of one article; a count restated later ("two tankers" in the standfirst,
    "two oil tankers" in the body) is one figure with more evidence."""
    figures: list[Figure] = []
    counts: dict[tuple[float, str], Figure] = {}
    for sentence in article.content_sentences():
        for cand in _candidates(sentence, article):
            for item in [cand] + cand.conversions:
                raw_end = cand.end if item is cand else item.end
                ev = evidence(
                    article,
                    sentence,
                    extractor=f"figure.{item.kind}",
                    value_span=(sentence.start + item.start, sentence.start + raw_end),
                    confidence=0.85 if item.kind != "count" else 0.75,
                )
                same_count = counts.get((item.value, item.unit)) if item.kind == "count" else None
                if same_count is not None:
                    same_count.evidence.append(ev)
                    continue
                figure = Figure(
                    metric=item.metric or cand.metric or "amount",
                    raw=sentence.text[item.start : raw_end],
                    value=item.value,
                    unit=item.unit,
                    bound=item.bound,
                    direction=item.direction,
                    period=item.period,
                    evidence=[ev],
                )
                if item.kind == "count":
                    counts[(item.value, item.unit)] = figure
                figures.append(figure)
    return figures


# --- finding ----------------------------------------------------------------------


_DIGIT = re.compile(r"\d")
# Cheap test that a sentence could hold a figure at all.
_MAYBE_NUMBER = re.compile(
    r"\b(?=[otfsendha])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|"
    r"hundred|thousand|half|an?\s+(?:hour|year|day|week|month|minute|decade|mile|kilomet))",
    re.IGNORECASE,
)


# Every position where a number (_NUM, behind _LEFT_EDGE) can begin. The five
# patterns that open with a number are tried only there (see _matches_at):
# one scan of the sentence instead of five.
_NUM_START = re.compile(rf"\b(?=[\dtfsenoadTFSENOAD]){_LEFT_EDGE}(?=\d|(?i:{_WORD}))")


# The currency symbols and codes of _MONEY_PREFIX that have no "$" ("£", "rmb", "usd", ...).
_CURRENCY_MARKS = tuple(sorted(symbol for symbol in _CURRENCY_SYMBOLS if "$" not in symbol))


def _may_hold_money_prefix(text: str) -> bool:
    """Cheap necessary test for ``_MONEY_PREFIX``: the text holds one of its currency symbols.

    Substring tests instead of a scan of every position. The symbols are matched
    case-blind, so the codes are looked for in the lower-cased text; only for
    ASCII text, as the regex's case-blind matching also knows non-ASCII look-alikes
    ("ſ" for "s") that lower() leaves alone.
    """
    if "$" in text or not text.isascii():
        return True
    low = text.lower()
    return any(mark in low for mark in _CURRENCY_MARKS)


def _may_hold_time(text: str) -> bool:
    """Cheap necessary test for ``_TIME`` (case-sensitive): a clock time has a colon
    ("18:30 GMT") or "am"/"pm"/"a.m."/"p.m." after its hour."""
    return ":" in text or "am" in text or "pm" in text or "a.m." in text or "p.m." in text


def _matches_at(rx: re.Pattern, text: str, starts: list[int]):
    """Same matches as ``rx.finditer(text)`` when every match of ``rx`` begins at one of ``starts``."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m:
            yield m
            end = m.end()


# "rose by 20 percent to 175 billion dollars": what may stand between a figure and its restatement
_RESTATED_GAP = re.compile(r"\s*(?:,\s*)?(?:to|from|or|and|,)\s*(?:a\s+record\s+|about\s+|around\s+)?")


def _candidates(sentence: Sentence, article: Article) -> list[_Candidate]:
    text = sentence.text
    if not _DIGIT.search(text) and not _MAYBE_NUMBER.search(text):
        return []
    dates = dates_in(article, sentence)  # shared with the event extractor
    taken: list[tuple[int, int]] = [(d.start, d.end) for d in dates]
    found: list[_Candidate] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(cand: _Candidate | None) -> None:
        if cand is not None and free(cand.start, cand.end) and not _in_name_or_url(text, cand.start, cand.end):
            found.append(cand)
            taken.append((cand.start, cand.end))

    has_digit = _DIGIT.search(text) is not None
    starts = [m.start() for m in _NUM_START.finditer(text)]
    for m in _MONEY_PREFIX.finditer(text) if has_digit and _may_hold_money_prefix(text) else ():
        add(_money(m, _CURRENCY_SYMBOLS[m.group("cur").lower()]))
    for m in _matches_at(_MONEY_SUFFIX, text, starts):
        if _capitalised_word_number(text, m):
            continue
        cur = " ".join(m.group("cur").lower().split())
        code = _CURRENCY_WORDS.get(cur) or _CURRENCY_NOUNS[cur]
        add(_money(m, code))
    for m in _matches_at(_PERCENT, text, starts):
        if _capitalised_word_number(text, m):
            continue
        value = parse_number(m.group("num"))
        if value is not None:
            unit = "percentage points" if m.group("pp") else "percent"
            add(_Candidate(m.start(), m.end(), value, unit, "percent"))
    for m in _TIME.finditer(text) if has_digit and _may_hold_time(text) else ():
        add(_time_of_day(text, m))
    for m in _matches_at(_MEASURE, text, starts):
        add(_measure(text, m))
    for m in _A_UNIT.finditer(text):
        add(_a_unit(text, m))
    for m in _matches_at(_COMPOUND_COUNT, text, starts):
        add(_compound_count(text, m))
    for m in _matches_at(_COUNT_HEAD, text, starts):
        add(_count(text, m))
    for m in _matches_at(_BARE_NUMBER, text, starts) if has_digit else ():
        add(_count_named_before(text, m))
    found.sort(key=lambda c: c.start)
    for m in _matches_at(_OF_WHICH, text, starts):
        add(_of_which(text, m, found))
    found.sort(key=lambda c: c.start)

    kept = []
    for cand in found:
        _qualify(text, cand)
        if cand.part_of and kept:
            cand.metric = f"part of the {kept[-1].metric}"
        if cand.metric is None:
            # a metric never reaches back past the figure before it ("5 trillion won in aid, ... €300 million")
            cand.metric = _metric(text, cand, kept[-1].end if kept else 0)
            if cand.metric in _FALLBACK_METRICS and kept and kept[-1].kind in ("money", "percent"):
                # "rose by 20 percent to 175 billion dollars": the same quantity, restated
                if _RESTATED_GAP.fullmatch(text[kept[-1].end : cand.start]):
                    cand.metric = kept[-1].metric
        if cand.kind in ("money", "percent"):
            cand.period = _period(text, cand, dates)
        kept.append(cand)
    return _attach_conversions(text, kept)


def _capitalised_word_number(text: str, m: re.Match) -> bool:
    """ "One Belt" mid-sentence is a name, not a number."""
    num = m.group("num")
    return num[0].isupper() and not num[0].isdigit() and m.start() > 0 and text[: m.start()].strip()[-1:] not in ".!?\"“"


_URL_PART = re.compile(r"https?:|www\.|\.com|/\w|@")
_LETTER_END = re.compile(r"[A-Za-z]-?$")
_CURRENCY_SYMBOL = re.compile(r"[$£€¥₩₽]")


def _in_name_or_url(text: str, start: int, end: int) -> bool:
    token_start = text.rfind(" ", 0, start) + 1
    token_end = text.find(" ", end)
    token = text[token_start : token_end if token_end >= 0 else len(text)]
    # the figure's own unit ("50km/h") is no path
    outside = text[token_start:start] + " " + text[end : token_end if token_end >= 0 else len(text)]
    if _URL_PART.search(outside):
        return True
    before = text[token_start:start]
    return bool(_LETTER_END.search(before)) and not _CURRENCY_SYMBOL.search(before)


def _money(m: re.Match, code: str) -> _Candidate | None:
    value = parse_number(m.group("num"))
    if value is None:
        return None
    mult = m.groupdict().get("mult")
    if mult:
        value *= _SCALE[mult.lower()]
    return _Candidate(m.start(), m.end(), value, code, "money")


def _time_of_day(text: str, m: re.Match) -> _Candidate:
    if m.group("h24"):
        hours = int(m.group("h24")) + int(m.group("m24")) / 60
    else:
        hour = int(m.group("h")) % 12
        if m.group("ampm").lower().startswith("p"):
            hour += 12
        hours = hour + int(m.group("min") or 0) / 60
    end = m.end()
    tail = _TIME_TAIL.match(text, end)
    if tail:
        end = tail.end()
    return _Candidate(m.start(), end, round(hours, 4), "time", "time")


def _measure(text: str, m: re.Match) -> _Candidate | None:
    if _capitalised_word_number(text, m):
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    unit_word = " ".join(m.group("unit").lower().split())
    unit = _MEASURES[unit_word]
    if m.group("adj") and (unit not in _DURATIONS or m.group("sep").strip()):
        return None  # "three straight km" is no prose; "three-straight years" is no compound
    if m.group("mult"):
        value *= _SCALE[m.group("mult")]
    singular = not unit_word.endswith("s") and unit_word not in (
        "km", "mm", "cm", "ft", "kg", "mph", "kph", "km/h", "feet", "cubic feet")
    if singular and m.group("sep").strip() != "-" and value != 1:
        return None  # "two year" without a hyphen is not prose; "five-year plan" is
    if unit in _DURATIONS and value >= 1800 and "," not in m.group("num"):
        return None
    if m.group("half") or " and a half" in m.group(0):
        value += 0.5
    return _Candidate(m.start(), m.end(), value, unit, "measure")


def _a_unit(text: str, m: re.Match) -> _Candidate | None:
    num = " ".join(m.group("num").lower().split())
    value = 0.5 if num.startswith("half") else 1.0
    if m.group("half"):
        value += 0.5
    # "a year" is a figure only when qualified ("more than a year"), halved, or a stated
    # duration ("lasted an hour", "scheduled for a week"); "a day later" is no figure.
    if value == 1.0 and not _QUALIFIER_RX.search(_tail(text, m.start())) and not (
            m.group("unit").lower() in _DURATION_WORDS and _LASTED_FOR.search(_tail(text, m.start(), 30))
            and not _RELATIVE_AFTER.match(text, m.end())):
        return None
    unit = _MEASURES[m.group("unit").lower()]
    return _Candidate(m.start(), m.end(), value, unit, "measure")


_DURATION_WORDS = frozenset({"hour", "minute", "day", "week", "month", "year", "decade"})
# What makes "an hour" a duration: "for an hour", "lasted an hour", "took a week".
_RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|before|after|ago|late|early|behind|ahead|away|from\s+now)\b", re.I)
_LASTED_FOR = re.compile(r"\b(?:for|lasted|lasting|lasts|took|takes|spent|spend|spends)\s+$", re.I)


_REFERENCE_END = re.compile(r"\b(?P<det>both|the|these|those|all)$", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"\b(?:its|their|our)$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_TIMES = re.compile(r"times\b(?=\s*(?:[.,;:)]|$|since\b|so\s+far\b|in\s+(?:the\s+)?(?:past|last)\b|"
                    r"before\b|already\b|this\s+year\b|last\s+year\b))")
_WORD_END = re.compile(r"([A-Za-z][\w'’.-]*)$")
_NOT_A_NAME_BEFORE = re.compile(
    r"(?:At|About|Around|Some|Nearly|Almost|Only|Just|More|Over|Up|Less|Fewer|Approximately|Roughly|An|A|The|In|Of|With|For|By|And|Than|"
    r"Its|Their|Our|His|Her)$"
)
_MORE_PREFIX = re.compile(r"^(?:more|additional|further)\s+")


def _count(text: str, m: re.Match) -> _Candidate | None:
    num = m.group("num")
    if _capitalised_word_number(text, m):
        return None
    if num.lower() == "one":
        return None  # "one of the", "one day": too often not a count
    if _YEAR_LIKE.fullmatch(num):
        return None  # a year
    before = _tail(text, m.start()).rstrip()
    value = parse_number(num)
    reference = _REFERENCE_END.search(before)
    if reference and (reference.group("det").lower() == "both" or not _DIGIT.match(num) or (value or 0) < 10):
        return None  # "the two leaders" refers back; "the 214 passengers" restates a count
    if _POSSESSIVE_END.search(before) and (value or 0) < 3:
        return None  # "their two countries": a reference back, not a count
    rest = m.group("rest")
    demonym = _DEMONYM_PLURAL.match(rest)
    noun_after = demonym and _LOWER_WORD_AFTER.match(rest[demonym.end():])
    if noun_after and _is_plural(noun_after.group(1)):
        demonym = None  # "400 Indonesians students"-style adjective use: the noun after counts
    if demonym and value is not None and (value >= 2 or "," in num):
        end = m.start("rest") + demonym.end()
        cand = _Candidate(m.start(), end, value, " ".join(demonym.group().split()), "count")
        cand.metric = f"number of {cand.unit}"
        return cand
    times = _TIMES.match(rest)
    if times and value is not None and value >= 2:
        # "has visited China four times since March": a count of occasions,
        # unlike "three times larger" (a ratio) or "four times the size"
        cand = _Candidate(m.start(), m.start("rest") + times.end(), value, "times", "count")
        cand.metric = "number of times"
        return cand
    prev = _WORD_END.search(before)
    if prev and prev.group(1)[0].isupper() and not _NOT_A_NAME_BEFORE.match(prev.group(1)):
        return None  # "Channel 4 reporters", "Sky 1 viewers": a number inside a name
    # "three of its productions": a part of something the article owns, counted
    owner = _OF_OWNER.match(rest)
    head, noun_modifier = _counted_head(rest, owner.end() if owner else 0)
    if head is None:
        return None
    w = head
    noun = w.group().lower()
    if noun in _NOT_COUNTED and not noun_modifier:
        return None  # "two leaders" refers back; "214 business leaders" counts
    if noun in _MEASURES or noun in _CURRENCY_WORDS:
        return None  # ("pesos", a noun of many currencies, stays a count: its code is unknown)
    if noun_modifier and noun in _NAMED_BY_NUMBER:
        return None  # "six party talks": the number belongs to the modifier
    value = parse_number(num)
    if value is None:
        return None
    end = m.start("rest") + w.end()
    modifiers = _MORE_PREFIX.sub("", rest[owner.end() if owner else 0 : w.start()].strip())
    cand = _Candidate(m.start(), end, value, noun, "count")
    cand.metric = _count_metric(text, m.start(), end, modifiers, noun)
    return cand


_OF_OWNER = re.compile(r"of\s+(?:its|their|his|her|our)\s+")
_HEAD_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")
# Heads of names a number forms with a noun modifier ("six party talks").
_NAMED_BY_NUMBER = frozenset("talks negotiations games".split())
# Nouns that take a number themselves in hyphenated compounds ("five-star hotels",
# "three-point plans", "six-nation tour"): written without the hyphen they are no
# noun modifier of a counted noun.
_NUMBER_COMPOUND_WORDS = frozenset(
    """party star point way nation country power state lane wheel door piece part step stage
    tier track round time man horse seater game match set""".split()
)


# "Visas issued to students rose ... to about 46,000": a change of the subject to a bare number.
_CHANGED_TO = re.compile(
    r"\b(?:(?P<inc>rose|risen|increased|grew|grown|jumped|climbed|surged|soared)|"
    r"(?P<dec>fell|fallen|dropped|declined|decreased|plunged|slumped|shrank|slid|tumbled))\b"
    r"[^;:—]{0,80}\bto\s*$"
)
_QUALIFIER_END = re.compile(r"(?:\s+(?:about|around|approximately|roughly|some|nearly|almost|just|"
                            r"more\s+than|less\s+than|fewer\s+than|over|under))*\s*$", re.I)
# The counted noun heading a clause: "Study visas granted to foreign nationals", "Visas issued".
_SUBJECT_HEAD = re.compile(
    r"^\s*(?:[^,]{1,30},\s+)?(?:(?:the|its|their|our|his|her)\s+)?(?P<mods>(?:(?!(?:said|says|told|reported)\b)[A-Za-z][\w-]*\s+){0,2}?)"
    r"(?P<noun>[a-z]+)(?P<after>(?:\s+(?!(?:said|reported|stated|noted|announced|claimed|added|estimated)\b)"
    r"(?:[a-z]+ed|of|for|to|from|in|at|by|with|on)\b[^,;:]*)?)\s*$"
)
# Plural nouns of measured quantities, not of counted things ("prices rose to 5,000").
_NOT_COUNTED_QUANTITIES = frozenset(
    """temperatures rates levels prices yields scores ratings numbers figures totals values stocks
    markets shares indices holdings emissions earnings returns""".split()
)


_CLAUSE_BREAK = re.compile(r"[;:—]")
_PARTICIPLE = re.compile(r"\s*[a-z]+ed")
_MEASURE_NOUN = re.compile(_MEASURE_NOUNS)


def _count_named_before(text: str, m: re.Match) -> _Candidate | None:
    """A bare number whose counted noun heads the clause before it: "Study visas granted
    to foreign nationals fell by 11 per cent ..., to about 46,000"; "Visas issued: 46,000"."""
    num = m.group("num")
    value = parse_number(num)
    if value is None or value < 100 or _YEAR_LIKE.fullmatch(num):
        return None  # small bare numbers are scores, ranks and ages as often as counts
    stem = text[: m.start()]
    stem = stem[: _QUALIFIER_END.search(stem).start()]
    change = _CHANGED_TO.search(stem)
    if change:
        subject, direction = stem[: change.start()], "increase" if change.group("inc") else "decrease"
    elif stem.endswith(":"):
        subject, direction = stem[:-1], None
    else:
        return None
    subject = _CLAUSE_BREAK.split(subject)[-1]
    if not subject.strip():
        return None
    subject = subject.lstrip()
    head = _SUBJECT_HEAD.match(subject[0].lower() + subject[1:])
    if head is None or (change is None and not _PARTICIPLE.fullmatch(head.group("after"))):
        return None  # after a colon, only "Visas issued:" ("Results: 2,000" is a label)
    noun = head.group("noun")
    if (not _is_plural(noun) or noun in _NOT_COUNTED or noun in _NOT_COUNTED_QUANTITIES
            or noun in _MEASURES or noun in _CURRENCY_WORDS or _MEASURE_NOUN.fullmatch(noun)):
        return None
    cand = _Candidate(m.start(), m.end(), value, noun, "count", direction=direction)
    things = f"{head.group('mods')}{noun}".lower()
    cand.metric = f"number of {things}"
    return cand


def _counted_head(rest: str, offset: int) -> tuple[re.Match | None, bool]:
    """The counted plural noun among the first words of ``rest`` (from ``offset``), and
    whether a lower-case noun modifier stands before it ("214 business leaders").

    Adjectives and capitalised words may stand between ("three armored limousines",
    "400 Chinese workers"), and one noun modifier ("five more patrol vessels").
    """
    noun_modifier = False
    words = list(islice(_HEAD_WORD.finditer(rest, offset), 6))  # the loop stops by the fifth
    for i, w in enumerate(words):
        word = w.group()
        low = word.lower()
        if low == "and" and 0 < i < len(words) - 1 and not noun_modifier and \
                _describes(words[i - 1].group()) and _describes(words[i + 1].group()):
            continue  # "6,000 Chilean and Peruvian troops": two adjectives of one noun
        if i >= 4 or low in _STOP_BEFORE_HEAD or not word[0].isalpha():
            break
        if word[0].islower() and _is_plural(low):
            return w, noun_modifier
        if word[0].islower() and not _ADJECTIVE.fullmatch(low):
            if noun_modifier or not _can_modify(low):
                break
            noun_modifier = True
    return None, False


def _describes(word: str) -> bool:
    """A word that can stand as an adjective before a counted noun ("Chilean", "armored"), not a noun."""
    if not word[0].isalpha():
        return False
    if word[0].isupper():
        return not _is_plural(word.lower())
    return _ADJECTIVE.fullmatch(word) is not None and not _is_plural(word)


def _can_modify(word: str) -> bool:
    """A lower-case word that can be the noun modifier of a counted noun ("patrol" vessels)."""
    return (word.isalpha() and len(word) > 2 and word not in _NUMBER_COMPOUND_WORDS
            and word not in _MEASURES and word not in _CURRENCY_WORDS and word not in _ALL_CURRENCY_NOUNS)


_NOUN_AFTER_COMPOUND = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b")


def _compound_count(text: str, m: re.Match) -> _Candidate | None:
    if _capitalised_word_number(text, m):
        return None
    value = parse_number(m.group("num"))
    if value is None or value < 2 or _YEAR_LIKE.fullmatch(m.group("num")):
        return None  # "2018-member" reads as a year, not a count
    word = m.group("noun").lower()
    unit = _COMPOUND_UNITS.get(word, word + "s")
    noun = _NOUN_AFTER_COMPOUND.match(text[m.end():])
    what = noun.group("noun") if noun else None
    if what in _COLLECTIVES:
        metric = f"size of the {what}"
    elif word == "seat" and what:
        metric = f"capacity of the {what}"
    else:
        metric = f"number of {unit}"
    cand = _Candidate(m.start(), m.end(), value, unit, "count")
    cand.metric = metric
    return cand


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    if word in _NOT_PLURAL or word.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    return len(word) > 3 and word.endswith("s")


def _of_which(text: str, m: re.Match, found: list[_Candidate]) -> _Candidate | None:
    """ "five hours, nearly two of which ...": the unit comes from the figure before."""
    previous = [c for c in found if c.end <= m.start() and m.start() - c.end < 12]
    if not previous:
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    prior = previous[-1]
    if prior.kind == "count" and value < 2:
        return None  # "two oil tankers, one of them Japanese-owned": a member, not a figure
    return _Candidate(
        m.start(), m.end(), value, prior.unit, prior.kind,
        part_of=True,
    )


# --- describing ---------------------------------------------------------------------


def _qualify(text: str, cand: _Candidate) -> None:
    q = _QUALIFIER_RX.search(_tail(text, cand.start))
    if q:
        cand.bound = _QUALIFIERS[int(q.lastgroup[1:])][1]
        cand.start = cand.start - len(_tail(text, cand.start)) + q.start()
    # the direction search only for the kinds it can describe (most figures are not)
    d = (_DIRECTION_BEFORE.search(_tail(text, cand.start, 80))
         if cand.kind in ("money", "percent", "count", "measure") and cand.unit not in _DURATIONS else None)
    if d:
        cand.direction = "increase" if d.group("inc") else "decrease"
    after = _DIRECTION_AFTER.match(text[cand.end :])
    if after and cand.kind in ("money", "percent"):
        cand.direction = "increase" if after.group("inc") else "decrease"


_CLAUSE_CUT = re.compile(r"(?=[;:—,w])(?:[;:—]|,\s+(?:while|whereas|but|and|although|though)\b|\bwhile\b|\bwhereas\b)")


def _clause_before(text: str, start: int, words: int = 18, floor: int = 0) -> str:
    """The words of the clause before ``start``, not reaching back past ``floor``."""
    before = text[floor:start]
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(before)), default=0)
    before = before[cut:]
    return " ".join(before.split()[-words:])


def _metric(text: str, cand: _Candidate, floor: int) -> str:
    if cand.kind in ("money", "percent"):
        return _economic_metric(text, cand, floor)
    if cand.kind == "time":
        return _time_metric(text, cand)
    if cand.unit in _DURATIONS:
        return _duration_metric(text, cand, 0)
    if cand.unit in _DISTANCES:
        return _distance_metric(text, cand)
    return {"t": "weight", "kg": "weight", "lb": "weight", "km2": "area", "ha": "area",
            "acre": "area", "m2": "area", "m3": "volume", "ft3": "volume", "km/h": "speed", "mph": "speed", "kn": "speed"}.get(cand.unit, "amount")


_GIVING = re.compile(
    r"\b(?P<verb>offered|pledged|promised|paid|spent|raised|invested|donated|lent|loaned|allocated|"
    r"earmarked|received|sought|requested|provided|granted|approved)\s*$",
    re.IGNORECASE,
)


_SHARE_OF = re.compile(r"\s+of\s+(?P<what>(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)")
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(?:GDP|total)\b")
_WORTH = re.compile(
    r"(?P<thing>[a-z][\w-]*)\s+(?:(?:is|was|are|were|be|been|being|now|reportedly|estimated|said\s+to\s+be)\s+)*"
    r"(?:worth|valued\s+at)\s*$"
)
_SENTENCE_CASE = re.compile(r"[A-Z][a-z]+\s+[a-z]")
_DEMONYM_OPENING = re.compile(r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|ic)\s")
_DETERMINER_OPENING = re.compile(r"^(?:the|a|an|its|their|his|her)\s+")
_NAME_OPENING = re.compile(r"\S+['’]s\b|\S+\s+[A-Z]")
_MEASURED_AFTER = re.compile(rf"\s+(?:in|of|worth\s+of|for)\s+(?P<what>(?:[\w-]+\s+){{0,2}}?(?:{_MEASURE_NOUNS}))\b")


def _economic_metric(text: str, cand: _Candidate, floor: int) -> str:
    after = text[cand.end :]
    share = _SHARE_OF.match(after)
    if cand.kind == "percent" and share and not _OF_WHOLE.match(after):
        return "share of " + share.group("what")
    window = _clause_before(text, cand.start, 20, floor)
    worth = _WORTH.search(_tail(text, cand.start))
    if worth:
        return f"value of the {worth.group('thing')}"
    if window and text.lstrip().startswith(window) and _SENTENCE_CASE.match(window) and not \
            _DEMONYM_OPENING.match(window):
        window = window[0].lower() + window[1:]  # "Bilateral trade fell": sentence case, not a name
    phrases = list(_MEASURE_PHRASE.finditer(window))
    if phrases:
        phrase = _DETERMINER_OPENING.sub("", phrases[-1].group().strip())
        if text.lstrip().startswith(phrase) and not _NAME_OPENING.match(phrase):
            phrase = phrase[0].lower() + phrase[1:]  # "Trade fell 12%": sentence case, not a name
        return phrase
    tail = _MEASURED_AFTER.match(after)
    if tail:
        return tail.group("what")
    giving = _GIVING.search(window)
    if giving and cand.kind == "money":
        return f"amount {giving.group('verb').lower()}"
    return "percentage" if cand.kind == "percent" else "amount of money"


def _activity_before(window: str) -> str | None:
    nouns = list(_ACTIVITY_RX.finditer(window))
    return nouns[-1].group("noun").lower() if nouns else None


_ACTIVITY_AFTER = re.compile(rf"[\s-]*(?:long\s+)?(?:[a-z]+\s+){{0,2}}?(?P<noun>{_ACTIVITY_NOUNS})\b", re.IGNORECASE)
_TOOK_END = re.compile(r"\b(?:took|takes|take|taking)(?:\s+\w+){0,2}\s*$")
_PURPOSE = re.compile(r"\s+(?:for\s+\w+\s+)?to\s+(?P<what>(?:[\w'’-]+\s*){1,5})")
_FIRST_SINCE_END = re.compile(rf"\bfirst\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_ACTIVITY_NOUNS})\s+in\s*$", re.IGNORECASE)
_SPENT_END = re.compile(r"\bspen[dt]s?\s*$")
_PLACE_AFTER = re.compile(r"\s+(?P<pp>(?:in|at|on)\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*)")
_PLANNED_END = re.compile(r"\b(?:planned|scheduled|expected|initially\s+planned)\s*$")
_ABSTRACT_NOUN_END = re.compile(r"\b(?P<noun>[a-z]+(?:ion|ment|al|ure))\s*$")


def _duration_metric(text: str, cand: _Candidate, floor: int) -> str:
    window = _clause_before(text, cand.start, 24, floor)
    after = text[cand.end :]
    adjective = _ACTIVITY_AFTER.match(after)
    if adjective and text[cand.start : cand.end].count("-"):
        return f"length of the {adjective.group('noun').lower()}"
    took = _TOOK_END.search(window)
    purpose = _PURPOSE.match(after)
    if took and purpose:
        return "time to " + " ".join(purpose.group("what").split()[:5])
    since = _FIRST_SINCE_END.search(window)
    if since:
        return f"time since the previous {since.group('noun').lower()}"
    spent = _SPENT_END.search(window)
    place = _PLACE_AFTER.match(after)
    if spent and place:
        return "time spent " + place.group("pp").rstrip(".")
    lasting = list(_LASTING_RX.finditer(window))
    if lasting:
        noun = _activity_before(window[: lasting[-1].start()])
        if noun:
            planned = _PLANNED_END.search(window)
            return ("planned " if planned else "") + f"length of the {noun}"
    within = _ABSTRACT_NOUN_END.search(_tail(text, cand.start))
    if within and text[cand.start : cand.end].lower().startswith("within"):
        return f"time limit for the {within.group('noun')}"
    noun = _activity_before(window)
    if noun:
        return f"length of the {noun}"
    return "duration"


_BRACKET_OPENING = re.compile(r"^\s*\([^)]*\)")
_COMPARATIVE_AFTER = re.compile(r"\s+(?P<word>[a-z]+er)\b")
_LENGTH_NOUN_AFTER = re.compile(
    r"\s+(?:long\s+)?(?P<noun>distance|journey|trip|drive|flight|border|road|railway|line|route|pipeline|"
    r"bridge|tunnel|stretch|wall|fence|runway|zone|corridor)\b"
)
_AWAY_FROM = re.compile(rf"\s+(?:away\s+)?from\s+(?P<a>{_CAP_RUN})")


def _distance_metric(text: str, cand: _Candidate) -> str:
    after = text[cand.end :]
    after = _BRACKET_OPENING.sub("", after)
    comparative = _COMPARATIVE_AFTER.match(after)
    if comparative and comparative.group("word") in _COMPARATIVES:
        dimension, change = _COMPARATIVES[comparative.group("word")]
        cand.direction = change
        return f"{dimension} {change}"
    noun = _LENGTH_NOUN_AFTER.match(after)
    between = _BETWEEN.match(after[noun.end():] if noun else after)
    if between:
        head = noun.group("noun") if noun else "distance"
        head = "distance" if head in ("journey", "trip", "drive", "flight", "distance") else f"length of the {head}"
        return f"{head} between {between.group('a')} and {between.group('b').rstrip('.')}"
    if noun:
        word = noun.group("noun")
        return "distance" if word == "distance" else f"length of the {word}"
    away = _AWAY_FROM.match(after)
    if away:
        return f"distance from {away.group('a').rstrip('.')}"
    return "distance"


_TIMED_BEFORE = re.compile(
    r"\b(?P<noun>arrival|arrived|departure|departed|left|leaves|landing|landed|meeting|talks|summit|ceremony|"
    r"dinner|lunch|reception|banquet|press\s+conference|start|began|launch|speech)\b", re.IGNORECASE)
_TIMED_AFTER = re.compile(r"\b(?P<noun>arrive|depart|land|begin|start|meet)\w*")


def _time_metric(text: str, cand: _Candidate) -> str:
    window = text[: cand.start]
    nouns = list(_TIMED_BEFORE.finditer(window))
    if not nouns:
        nouns = list(_TIMED_AFTER.finditer(text[cand.end :]))
    if nouns:
        noun = nouns[-1].group("noun").lower()
        noun = {"arrived": "arrival", "departed": "departure", "landed": "landing", "began": "start",
                "arrive": "arrival", "depart": "departure", "land": "landing", "begin": "start",
                "meet": "meeting", "left": "departure", "leaves": "departure"}.get(noun, noun)
        return f"time of the {noun}" if noun not in ("arrival", "departure", "landing", "start") else f"{noun} time"
    return "time of day"


_COLLECTIVE_OF = re.compile(
    r"\b(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?P<coll>[a-z-]+)\s+of\s+"
    r"(?:(?:more\s+than|at\s+least|about|around|some|nearly|almost|approximately|over|up\s+to)\s+)?$"
)
_COUNTED_WITH = re.compile(
    rf"(?:\s+[a-z]+ing)?\s+(?:with|to|in|from|at|on)\s+(?:the\s+)?(?:Mr\.?\s+|Ms\.?\s+|President\s+)?{_CAP_RUN}"
)


def _count_metric(text: str, start: int, end: int, modifiers: str, noun: str) -> str:
    before = text[:start]
    collective = _COLLECTIVE_OF.search(before)
    if collective:
        word = collective.group("coll")
        if word in _COLLECTIVES:
            return f"size of the {word}"
        if word in ("total", "number", "maximum", "minimum"):
            return f"{word} of {noun}"
    thing = f"{modifiers} {noun}".strip()
    tail = _COUNTED_WITH.match(text[end:])
    if tail:
        thing += " " + " ".join(tail.group().split()).rstrip(".")
    return f"number of {thing}"


_PERIOD_BREAK = re.compile(r";|\.\s|\bbut\b")


def _period(text: str, cand: _Candidate, dates) -> str | None:
    """The year or month a money/percent figure refers to, from a date near it."""
    best = None
    for d in dates:
        if d.precision not in ("year", "month") and d.kind != "relative":
            continue
        if d.kind == "relative" and d.precision == "day":
            continue
        gap = d.start - cand.end if d.start >= cand.end else cand.start - d.end
        if gap < 0 or gap > 40:
            continue
        between = text[min(cand.end, d.end) : max(cand.start, d.start)]
        if _PERIOD_BREAK.search(between):
            continue
        if best is None or gap < best[0]:
            best = (gap, d)
    if best is None:
        return None
    d = best[1]
    return d.date if d.date else d.text


_OPENING_BRACKET_GAP = re.compile(r"\s*\(\s*")


def _attach_conversions(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """ "1,100-kilometer (684-mile)": the bracketed figure is a conversion of the one before."""
    out: list[_Candidate] = []
    for cand in cands:
        if out:
            prior = out[-1]
            gap = text[prior.end : cand.start]
            closing = text[cand.end : cand.end + 1]
            if _OPENING_BRACKET_GAP.fullmatch(gap) and closing == ")" and cand.kind == prior.kind:
                converted = replace(cand, metric=prior.metric, bound=prior.bound if cand.bound == "exact" else cand.bound,
                                    period=prior.period or cand.period, direction=prior.direction)
                prior.conversions.append(converted)
                prior.end = cand.end + 1  # raw keeps the conversion
                continue
        out.append(cand)
    return out
