"""Person names in news prose: shapes, titles, and who a short mention means.

News writing introduces a person once with a title ("Chilean President
Ana Duarte", "palace aide Tomas Varga", "Ines Kohl, a professor at
...") and afterwards uses a surname ("Varga"), an honorific ("Mr Varga"), a
description ("the Russian president") or a pronoun. :class:`People` reads an
article once and answers those references:

* :meth:`People.resolve` maps "Mr Varga" / "Duarte" / "Ana-Duarte" to the
  full name first written in the article;
* :meth:`People.describe` maps "the Russian president" to the one named
  person whose title fits, and "the official" to the last "a ... official";
* :meth:`People.focus_before` gives the person a "he"/"his" at that
  offset most likely means (the last sentence's speaker or subject).

Nothing here knows any particular name: people are found by shape
(capitalised token runs) and context (titles, roles, reporting verbs).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from ..read import Article

# --- lexicons ----------------------------------------------------------------

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "comrade", "mister"})

# Words that head a person's title or role ("foreign minister", "chief aide").
ROLE_HEADS = frozenset("""
    president vice-president leader minister premier chancellor king queen emperor prince princess
    chairman chairwoman chair secretary aide aides adviser advisor advisers advisors envoy negotiator
    ambassador diplomat spokesman spokeswoman spokesperson director chief head deputy official officer
    general marshal admiral commander colonel lieutenant governor mayor senator lawmaker congressman
    representative professor analyst expert researcher scholar correspondent reporter editor
    counterpart predecessor successor founder nominee ruler dictator monarch
    sister brother father mother son daughter wife husband uncle aunt cousin grandfather
    grandmother grandson granddaughter nephew niece sibling spouse
    bodyguard interpreter translator staff secretary-general vice-chairman vice-chair lady
    adm gen col lt sgt capt cmdr gov sen rep
    ayatollah mufti imam sheikh cardinal archbishop bishop rabbi patriarch cleric
""".split())

# Capitalised words that belong to a title written before a name
# ("Foreign Minister", "Secretary of State", "Vice Chairman").
TITLE_WORDS = HONORIFICS | ROLE_HEADS | frozenset("""
    foreign defense defence finance interior trade economy home justice state prime first second
    vice supreme central executive acting senior chief special national security general party
    premier deputy of the affairs unification cabinet grand
""".split())

_TITLE_HEADWORDS = TITLE_WORDS - {"of", "the"}

# Head-of-state titles: such a person is a leader, not somebody's entourage.
LEADER_HEADS = frozenset({
    "president", "leader", "premier", "chancellor", "king", "queen", "emperor",
    "chairman", "ruler", "dictator", "monarch",
})
LEADER_PHRASES = ("prime minister", "supreme leader", "head of state")

# Title modifiers that mean the person no longer holds it.
PAST_TITLE = re.compile(r"\b(?:former|then|late|ex|previous|onetime|one-time)\b", re.I)

# Words that make a capitalised run an organisation or a place, never a person.
ORG_WORDS = frozenset("""
    university college school institute academy island islands station airport port harbour harbor
    agency news times post daily herald journal gazette tribune telegraph press media tv television
    radio channel network broadcaster broadcasting service ministry department office council committee
    commission party government administration federation republic kingdom union nations states
    fleet army navy force forces corps house palace center centre building tower square street
    road bridge museum memorial hotel restaurant company corporation corp inc ltd group bank
    airlines airline railway railways times city province region territory district county oblast krai
    peninsula sea ocean mountain gulf strait east west north south far eastern
    western northern southern summit conference forum talks treaty reuters
""".split())

# Capitalised words that open sentences or clauses and are not names.
STOP_CAPS = frozenset("""
    the a an his her their its our my your this that these those in on at after before but and or
    when while meanwhile later also then however if as by for from with without to of upon during
    amid despite since until there here it he she they we i you not some many several all
    both each every another other such what which who whom whose where why how according speaking
    asked once even still yet so thus therefore although though because given separately finally
    earlier now today tomorrow yesterday last next conspicuously notably also instead
""".split())

# Words peeled off the front of a capitalised run ("In", "The"); "of" stays inside titles.
_LEADING_STOPS = STOP_CAPS - {"of"}

MONTHS_DAYS = frozenset("""
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept
    oct nov dec
""".split())

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})

# Demonyms and geographic modifiers that may open a title ("North Korean leader", "U.S. envoy").
# "-i" and "-ic" are listed, not matched as suffixes: many surnames end that way ("Rouhani", "Vucic").
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:an|ian|ese|ish|ch)|"
    r"(?:Israel|Pakistan|Iraq|Saud|Kuwait|Qatar|Emirat|Yemen|Oman|Bahrain|Bangladesh|Somal|Nepal|Azerbaijan|"
    r"Afghan|Tha|Bengal|Punjab|Kashmir|Sindh|Baluch)i|"
    r"(?:Arab|Balt|Iceland|Slav|Celt|Nord|Hispan|Islam|German|Gael|Hellen|Atlant|Pacif)ic|U\.?S\.?|US|UN|EU|UK|U\.?K\.?|North|South|East|West|"
    r"Kremlin|White|Pentagon)$"
)

# Latin capitals beyond ASCII ("Óscar", "Łukasz", "Žiga"): names are not only English-spelled.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
_TOKEN = rf"[{_UPPER}][\w'’.\-]*"
# A capitalised run, allowing "of"/"of the" inside ("Secretary of State Ruth Adler").
# The first token is written out so the pattern opens with its capital letter (which lets the
# regex engine skip ahead to capitals); the look-behind after it says what came before that letter.
_RUN = re.compile(
    rf"[{_UPPER}](?<![\w\-'’].)[\w'’.\-]*(?:[ \t]*\n?[ \t]*(?:of[ \t]+(?:the[ \t]+)?)?{_TOKEN})*"
)
_POSSESSIVE = re.compile(r"['’]s?$")

REPORTING_VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|explained|insisted|warned|"
    "declared|remarked|continued|wrote|writes|replied|responded|commented|stated|announced|recalled|"
    "emphasized|emphasised|acknowledged|argued|claimed|observed|joked|concluded|predicted|suggested|"
    "urged|tweeted|posted|asked|reiterated|assessed|described|called|praised|admitted|confirmed"
)
_SAYER_ADVERBS = frozenset("""
    later also then previously earlier further again once repeatedly reportedly quickly simply
    separately himself herself
""".split())


def by_first_letter(alternatives: list[str]) -> str:
    """An alternation with the alternatives grouped under their first letter ("a(?:ides?|head)|...").

    The regex engine then tries a group only where its letter stands, instead of every alternative
    at every word start: the same matches, found faster.
    """
    groups: dict[str, list[str]] = {}
    others: list[str] = []  # alternatives opening with a group: "(?:stay|remain)..."
    for alt in (a.replace("_", " ") for a in alternatives):  # "_" stands for a space in a phrase
        if alt[0].isalpha():
            groups.setdefault(alt[0], []).append(alt[1:])
        else:
            others.append(alt)
    return "|".join([f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items()] + others)


_SAYER = re.compile(rf"\b(?:{by_first_letter(REPORTING_VERBS.split('|'))})\b")


def fold(name: str) -> str:
    """Comparable form of a name: case, hyphens, possessives and honorifics dropped."""
    name = name.strip()
    if "'" not in name and "’" not in name and "-" not in name:
        tokens = name.lower().split()  # the common case: no possessive, no hyphen to split on
    else:
        name = _POSSESSIVE.sub("", name).replace("’", "'")
        tokens = _SPLIT_NAME.split(name.lower())
    while len(tokens) > 1 and tokens[0].rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(t for t in tokens if t)


def strip_honorific(name: str) -> str:
    """'Mr Varga' -> 'Varga'; 'President Moon Jae-in' -> 'Moon Jae-in'."""
    _, rest = split_title(name.split())
    return " ".join(rest) if rest else name


def is_demonym(token: str) -> bool:
    return bool(_DEMONYM.match(token.rstrip(",")))


# Military ranks and offices abbreviated ("Gen", "Sen"); written without a period after a
# civilian office they are a given name instead: "Defense Minister Gen Nakamura".
_RANK_ABBREVIATIONS = frozenset({"gen", "adm", "col", "lt", "sgt", "capt", "cmdr", "gov", "sen", "rep"})
_CIVILIAN_OFFICES = frozenset({"minister", "secretary"})


def _given_name_like_rank(tokens: list[str], lows: list[str], i: int) -> bool:
    """Is token ``i`` a given name spelled like a rank ("Gen") right after a civilian office?"""
    return (
        lows[i] in _RANK_ABBREVIATIONS
        and not tokens[i].endswith(".")
        and i == len(tokens) - 2
        and i > 0
        and lows[i - 1] in _CIVILIAN_OFFICES
    )


def split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title tokens, name tokens).

    Leading function words, capitalised title words and the demonyms before
    them are peeled off: "Chilean President Ana Duarte" -> (["Chilean",
    "President"], ["Ana", "Duarte"]).
    """
    if len(tokens) == 1:
        # most runs are one word: the loops below reduce to these three cases
        word = tokens[0]
        low = word.lower()
        if low in _LEADING_STOPS:
            return [], []
        low = low.rstrip(".")
        if low in TITLE_WORDS and low not in ("of", "the"):
            return [word], []
        return [], [word]
    tokens = list(tokens)
    while tokens and tokens[0].lower() in _LEADING_STOPS:
        if tokens[0] == "He" and len(tokens) > 1 and tokens[1][0].isupper():
            break  # the Chinese surname He ("He Wenbo"): a pronoun is never capitalised mid-run
        tokens = tokens[1:]
    lows = [t.lower().rstrip(".") for t in tokens]
    titled = [low in _TITLE_HEADWORDS for low in lows]
    i = 0
    while i < len(tokens):
        low = lows[i]
        if _given_name_like_rank(tokens, lows, i):
            break
        if low in TITLE_WORDS and (low not in {"of", "the"} or i > 0):
            i += 1
        elif any(titled[i + 1 :]) and is_demonym(tokens[i]):
            i += 1
        else:
            break
    title, name = tokens[:i], tokens[i:]
    # "Acme Motors Vice Chairman Park Min-ho": an organisation before the title
    inner = [k for k, t in enumerate(name) if titled[i + k] and t[0].isupper()]
    if inner and 2 <= len(name) - inner[-1] - 1 <= 4:
        cut = inner[-1] + 1
        title, name = title + name[:cut], name[cut:]
    return title, name


_NAME_TOKEN = re.compile(
    rf"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Le|La|Van|Von)?[{_UPPER}][{_LOWER}'’]*(?:-[{_UPPER}{_LOWER}][{_LOWER}'’]*)*"
)


def name_shaped(tokens: list[str]) -> bool:
    """Tokens that can be a person's name (no organisation, place or calendar word)."""
    if not tokens or len(tokens) > 4:
        return False
    for token in tokens:
        low = token.lower().rstrip(".")
        if low in ORG_WORDS or low in {"of", "the"}:
            return False
        if low in MONTHS_DAYS and (len(low) > 3 or low == "may" or token.endswith(".")):
            return False  # "Jan", "Dec" without a period are given names, "Jan." is January
        if low in STOP_CAPS and not (token == "He" and token is tokens[0] and len(tokens) > 1):
            return False
        if not _NAME_TOKEN.fullmatch(token.rstrip(".")):
            return False  # acronyms (NATO), digits, camel case
        if is_demonym(token) and len(tokens) == 1:
            return False
    return True


@dataclass(slots=True)
class Mention:
    """A capitalised run read as a possible person: absolute offsets of the name part."""

    start: int
    end: int
    name: str
    title: list[str]
    possessive: bool


_NONSPACE = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SPLIT_NAME = re.compile(r"[\s\-]+")


def name_runs(text: str, offset: int = 0) -> list[Mention]:
    """Capitalised runs in ``text`` split into title and name (possibly empty) parts."""
    return [run_mention(match, offset) for match in _RUN.finditer(text)]


def run_matches(text: str) -> Iterator[re.Match]:
    """The raw capitalised runs of ``text``; :func:`run_mention` reads one (the costly part)."""
    return _RUN.finditer(text)


def run_mention(match: re.Match, offset: int = 0) -> Mention:
    """The mention a raw run match makes, its offsets moved by ``offset``."""
    raw = match.group(0)
    if " " not in raw and "\t" not in raw and "\n" not in raw:
        return _word_mention(raw, offset + match.start())
    tokens = [(m.group(0), m.start()) for m in _NONSPACE.finditer(raw)]
    possessive = False
    # a possessive ends the run ("Duarte's chief aide")
    for k, (tok, pos) in enumerate(tokens):
        if len(tok) > 1 and (tok[-1] in "'’" or tok[-2:] in ("'s", "’s")):
            tokens = tokens[: k + 1]
            tokens[k] = (_POSSESSIVE.sub("", tok), pos)
            possessive = True
            break
    # a run's tokens hold no ",;:", so only a token ending in "." can change here
    tokens = [(t, p) if not t.endswith(".") or _INITIALS.fullmatch(t) else (t.rstrip(",.;:"), p)
              for t, p in tokens]
    words = [t for t, _ in tokens]
    title, name = split_title(words)
    base = offset + match.start()
    if name:
        first = tokens[len(words) - len(name)]
        last = tokens[-1]
        start = base + first[1]
        end = base + last[1] + len(last[0])
    else:
        start = end = base + tokens[-1][1] + len(tokens[-1][0])
    return Mention(start, end, " ".join(name), list(title), possessive)


def _word_mention(word: str, start: int) -> Mention:
    """:func:`run_mention` of a one-word run, the most common kind, without the token lists."""
    possessive = len(word) > 1 and (word[-1] in "'’" or word[-2:] in ("'s", "’s"))
    if possessive:
        word = _POSSESSIVE.sub("", word)
    if word.endswith(".") and not _INITIALS.fullmatch(word):
        word = word.rstrip(",.;:")
    title, name = split_title([word])
    end = start + len(word)
    if name:
        return Mention(start, end, word, [], possessive)
    return Mention(end, end, "", title, possessive)


_WORD_TOKEN = re.compile(r"[\w.'’\-]+")
_TITLE_WORD = re.compile(r"[\w'’.\-]+|[,;:()\"“”]")


def preceding_title(text: str, start: int, limit: int = 5) -> list[str]:
    """Lower-case role words (and demonyms) written right before ``start``: "veteran nuclear negotiator"."""
    # The last ``limit`` words are all that is read: look at a window first, and at the
    # whole prefix only when the window holds too few words to be sure they are whole.
    words = _TITLE_WORD.findall(text, max(0, start - 40 * (limit + 1)), start)
    if len(words) <= limit:
        words = _TITLE_WORD.findall(text, 0, start)
    title: list[str] = []
    for word in reversed(words[-limit:]):
        low = word.lower()
        if not _WORD_TOKEN.fullmatch(word) or low in STOP_CAPS or low in {"and", "or", "by", "with"}:
            break
        if word[0].isupper() and not (is_demonym(word) or low in TITLE_WORDS):
            break
        title.insert(0, word)
    while title and title[0].lower() not in ROLE_HEADS and not any(t.lower() in ROLE_HEADS for t in title):
        title = title[1:]
    return title


def has_role(words: list[str]) -> bool:
    return any(w.lower().strip(",") in ROLE_HEADS for w in words)


_HEAD_OF_STATE = re.compile(
    r"^(?:the\s+)?(?:[\w.\-]+\s+){0,2}?(?:president|prime minister|premier|chancellor|king|queen|emperor|"
    r"leader|supreme leader|head of state|chairman)$",
    re.I,
)

_NOT_HEAD_OF_STATE = re.compile(r"\b(?:vice|deputy|first lady|acting)\b", re.I)
_TITLE_TOKEN = re.compile(r"[\w\-]+")


def is_head_of_state(role: str) -> bool:
    """"Russian President", "North Korean leader" - but not "Vice President" or "Deputy Prime Minister"."""
    role = " ".join(role.split())
    if PAST_TITLE.search(role) or _NOT_HEAD_OF_STATE.search(role):
        return False
    if not _HEAD_OF_STATE.match(role):
        return False
    mods = role.split()[:-1]
    if role.lower().endswith("prime minister") or role.lower().endswith("supreme leader") or role.lower().endswith("head of state"):
        mods = role.split()[:-2]
    return all(is_demonym(m) or m.lower() == "the" for m in mods)


def is_leader_title(title: str) -> bool:
    low = title.lower()
    if PAST_TITLE.search(low):
        return False
    return any(w in LEADER_HEADS for w in _TITLE_TOKEN.findall(low)) or any(p in low for p in LEADER_PHRASES)


# --- the article's people ------------------------------------------------------


@dataclass
class Person:
    name: str
    first: int
    titles: list[str] = field(default_factory=list)
    mentions: int = 0

    tokens: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = fold(self.name).split()


# used with ``match(text, pos)``: no "^", which would only match at the real start of the text
_APPOSITION_AFTER = re.compile(r",\s+(?:a|an|the)\s+([^,.;]{2,80}?)\s*[,.;]")
_DESCRIPTION = re.compile(
    r"\b(?P<art>the|a|an)\s+(?P<mods>(?:[\w.'’\-]+\s+){0,4}?)(?P<head>"
    + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")\b",
    re.I,
)

# The same pattern without re.I, for lower-cased text: case-insensitive matching of a long
# alternation is several times slower.
# Its role heads are grouped by first letter (the same matches, found faster). The article is
# written out letter first, "t(?<!\w.)he" for "\bthe": a pattern opening with a letter lets the
# regex engine skip to the next "t" or "a" instead of trying every position; the look-behind
# after the letter says what "\b" said (no word character before it).
_DESCRIPTION_LOWER = re.compile(
    r"(?P<art>t(?<!\w.)he|a(?<!\w.)n?)\s+(?P<mods>(?:[\w.'’\-]+\s+){0,4}?)(?P<head>"
    + by_first_letter(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")\b"
)
# Letters that re.I matches to an ASCII letter but lower() leaves alone (dotless i, long s).
_IGNORECASE_EXTRAS = frozenset("\u0131\u017f")


def lowered_for_matching(text: str) -> str | None:
    """``text.lower()`` if a lower-case pattern on it matches where the re.I pattern matches on ``text``.

    That holds when lower() maps every character to one character (offsets are kept) and no
    character is one re.I folds specially; otherwise None.
    """
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and _IGNORECASE_EXTRAS.intersection(text)):
        return None
    return low


def _indefinite_descriptions(text: str) -> list[tuple[int, str, str]]:
    """(offset, head, description) of each "a/an ... <role>" in ``text`` ("a senior U.S. official")."""
    low = lowered_for_matching(text)
    matches = _DESCRIPTION_LOWER.finditer(low) if low is not None else _DESCRIPTION.finditer(text)
    found = []
    for d in matches:
        if d.group("art").lower() in ("a", "an"):
            desc = (text[d.start("mods") : d.end("mods")] + text[d.start("head") : d.end("head")]).strip()
            found.append((d.start(), d.group("head").lower(), desc))
    return found


def _opening_description(phrase: str) -> re.Match | None:
    """The "the/a/an ... <role>" that starts at the phrase's first or second character, else None.

    ``_DESCRIPTION.search(phrase)`` when that starts there: a search returns the leftmost match,
    and a match tried at one position is what a search finds at it, so only those two
    positions need trying, not the whole phrase.
    """
    low = lowered_for_matching(phrase)  # the lower-case pattern is faster; offsets are the same
    pattern, text = (_DESCRIPTION_LOWER, low) if low is not None else (_DESCRIPTION, phrase)
    return pattern.match(text, 0) or pattern.match(text, 1)


def _word_before_comma(text: str, end: int) -> str | None:
    """The lower-case word of "<word>, " right before ``end`` ("aide, " -> "aide"), else None."""
    head = text[:end].rstrip()
    if not head.endswith(","):
        return None
    head = head[:-1].rstrip()
    i = len(head)
    while i > 0 and "a" <= head[i - 1] <= "z":
        i -= 1
    return head[i:] or None

_DESCRIBE_WORD = re.compile(r"[\w.'’\-]+")

_REFLEXIVE_END = re.compile(r"\s+(?:himself|herself)$")
_FIRST_WORD = re.compile(r"\s*([\w'’\-]+)")
# A clause's subject: up to seven words before a comma or a verb-like word.
_SUBJECT_HEAD = re.compile(
    r"((?:[\w.'’\-]+\s+){0,6}?[\w.'’\-]+)(?=\s*(?:,|\s+(?:is|was|were|has|had|have|"
    r"will|would|could|may|might|can|did|does|also|then|later|himself|herself|"
    r"got|went|left|met|made|took|gave|came|told|[a-z]+ed|[a-z]+s)\b))"
)
_OWNER = re.compile(r"((?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+[a-z]")


class People:
    """Who the people of one article are, and what a later reference points to."""

    def __init__(self, article: Article, masked: str | None = None):
        self.article = article
        self.text = masked if masked is not None else article.text
        self.sentences = article.content_sentences()
        self.persons: list[Person] = []
        self._by_fold: dict[str, Person] = {}
        self._indefinites: list[tuple[int, str, str]] = []  # (pos, head, description)
        # every full name by shape (no person cue needed): resolves surnames, proves nobody a person
        self._shapes: dict[str, tuple[int, str]] = {}
        # a folded name's first and last tokens -> its shapes / persons, for bare-surname lookups
        self._shapes_by_end: dict[str, list[tuple[int, str]]] = {}
        self._persons_by_end: dict[str, list[Person]] = {}
        self._resolved: dict[str, str | None] = {}
        self._title_info: dict[str, tuple[bool, frozenset[str], bool]] = {}
        # run text -> its mention's parts (offsets from the run's start): names recur all through
        # an article, and reading a run is the costly part of finding them
        self._run_memo: dict[str, tuple[int, int, str, tuple[str, ...], bool]] = {}
        self._full_names: dict[str, tuple[bool, str | None]] = {}  # see _full_name_shape
        self._last_run_memo: dict[str, Mention | None] = {}  # see _last_named_run
        self._collect()
        self._starts = [s.start for s in self.sentences]
        self._focus: list[str | None] = []
        self._walk()

    # -- building --

    def _add(self, name: str, pos: int, title: str | None) -> Person:
        self._resolved.clear()  # a new person can change what a surname means
        key = fold(name)
        person = self._by_fold.get(key)
        if person is None:
            person = Person(name, pos)
            self.persons.append(person)
            self._by_fold[key] = person
            for token in {person.tokens[0], person.tokens[-1]} if person.tokens else ():
                self._persons_by_end.setdefault(token, []).append(person)
        if title and title not in person.titles:
            person.titles.append(title)
        return person

    def _collect(self) -> None:
        # every run's name is kept for the mention count below; a one-word run (most of them) is
        # read once per distinct word, and only runs of several words can introduce a full name
        word_names: dict[str, str] = {}
        mentioned: list[str] = []
        for sentence in self.sentences:
            text = self.text[sentence.start : sentence.end]
            for match in run_matches(text):
                raw = match.group(0)
                if " " not in raw and "\t" not in raw and "\n" not in raw:
                    name = word_names.get(raw)
                    if name is None:
                        name = word_names[raw] = _word_mention(raw, 0).name
                    if name:
                        mentioned.append(name)
                    continue
                m = self.mention(match, sentence.start)
                if m.name:
                    mentioned.append(m.name)
                self._collect_full_name(m, text, sentence.start)
            for offset, head, desc in _indefinite_descriptions(text):
                self._indefinites.append((sentence.start + offset, head, desc))
        # count every mention (full or short) so salience can be judged; the persons are all
        # known by now, so each distinct name is looked up once
        person_of: dict[str, Person | None] = {}
        # a plain word names a person only if it is one of a person's name words: others need no lookup
        person_words = {token for person in self.persons for token in person.tokens}
        for name in mentioned:
            if name not in person_of:
                plain = not any(c in name for c in " -'’")
                person_of[name] = None if plain and name.lower() not in person_words else self.person(name)
            person = person_of[name]
            if person:
                person.mentions += 1

    def _collect_full_name(self, m: Mention, text: str, offset: int) -> None:
        """Record a run of several words as a name shape, and as a person when a cue says so."""
        # only a full name (two tokens or more) is recorded: a lone word needs no cue
        full, shape_key = self._full_name_shape(m.name)
        if not full:
            return
        local = m.start - offset
        after = m.end - offset
        before = preceding_title(text, local) if not m.title else []
        cap_title = [t for t in m.title if t.lower() not in STOP_CAPS]
        title = " ".join(before + cap_title)
        appos = _APPOSITION_AFTER.match(text, after)
        cue = bool(title and has_role(title.split()))
        if appos and has_role(appos.group(1).split()):
            cue = True
            title = title or appos.group(1)
        if any(t.lower().rstrip(".") in HONORIFICS for t in m.title):
            cue = True
        role_before = _word_before_comma(text, local)
        if role_before in ROLE_HEADS:
            cue = True
            title = title or role_before
        if _SAYS_AFTER.match(text, after) or _WHO_AFTER.match(text, after):
            cue = True  # people say things; "X, who ..." is a person
        if shape_key is not None:
            self._add_shape(shape_key, m.start, m.name)
        if cue:
            self._add(m.name, m.start, title or None)

    def _full_name_shape(self, name: str) -> tuple[bool, str | None]:
        """(is ``name`` a full name, its shape key) - the key is None when a demonym is in it
        ("North Korean"). Names recur all through an article: each distinct one is read once."""
        facts = self._full_names.get(name)
        if facts is None:
            tokens = name.split()
            full = len(tokens) >= 2 and name_shaped(tokens)
            key = fold(name) if full and not any(is_demonym(t) for t in tokens) else None
            facts = self._full_names[name] = (full, key)
        return facts

    def _add_shape(self, key: str, pos: int, name: str) -> None:
        if key in self._shapes:
            return
        self._shapes[key] = (pos, name)
        tokens = key.split()
        for token in {tokens[0], tokens[-1]} if tokens else ():
            self._shapes_by_end.setdefault(token, []).append((pos, name))

    def mention(self, match: re.Match, offset: int = 0) -> Mention:
        """:func:`run_mention` of a raw run, each distinct run text read once per article."""
        raw = match.group(0)
        parts = self._run_memo.get(raw)
        if parts is None:
            m = run_mention(match, -match.start())  # offsets from the run's own start
            parts = self._run_memo[raw] = (m.start, m.end, m.name, tuple(m.title), m.possessive)
        base = offset + match.start()
        start, end, name, title, possessive = parts
        return Mention(base + start, base + end, name, list(title), possessive)

    def _last_named_run(self, phrase: str) -> Mention | None:
        """The last capitalised run of ``phrase`` that has a name part: ``[m for m in name_runs(phrase)
        if m.name][-1]`` without reading the runs before it. Subjects recur ("Duarte", "The two"),
        so each distinct phrase is read once per article; callers only read the mention."""
        if phrase in self._last_run_memo:
            return self._last_run_memo[phrase]
        found = None
        for match in reversed(list(run_matches(phrase))):
            m = self.mention(match)
            if m.name:
                found = m
                break
        self._last_run_memo[phrase] = found
        return found

    # -- lookups --

    def person(self, name: str) -> Person | None:
        resolved = self.resolve(name)
        return self._by_fold.get(fold(resolved)) if resolved else None

    def resolve(self, mention: str) -> str | None:
        """Full name first written for a mention ("Mr Varga" -> "Tomas Varga"), else None."""
        key = " ".join(mention.split())
        if key not in self._resolved:
            self._resolved[key] = self._resolve(key)
        return self._resolved[key]

    def _resolve(self, mention: str) -> str | None:
        tokens = mention.split()
        _, name = split_title(tokens)
        if not name:
            return None
        key = fold(" ".join(name))
        if key in self._by_fold:
            return self._by_fold[key].name
        parts = key.split()
        candidates: list[Person] = []
        if len(parts) == 1:
            candidates = self._persons_by_end.get(parts[0], [])
        elif parts:
            joined = " ".join(parts)
            # a person's fold key is " ".join(person.tokens); keys are kept in the persons' order
            candidates = [p for key, p in self._by_fold.items() if joined in key]
        if candidates or len(parts) == 1:
            # the person introduced first is the one a bare surname means in news prose; a full
            # name written earlier without any title still counts ("Ana Duarte has told ...")
            ranked = [(p.first, p.name) for p in candidates]
            if len(parts) == 1:
                ranked += self._shapes_by_end.get(parts[0], [])
            if ranked:
                return self._canonical(min(ranked)[1])
        if len(name) >= 2 and name_shaped(name):
            return " ".join(name)
        return None

    def _canonical(self, name: str) -> str:
        """A shape-only name that is also a registered person comes back in the person's spelling."""
        person = self._by_fold.get(fold(name))
        return person.name if person else name

    def untitled_names(self) -> set[str]:
        """Full names written in prose without any cue making them a known person."""
        return {name for _, name in self._shapes.values() if not self.person(name)}

    def titles(self, name: str) -> list[str]:
        person = self.person(name)
        return person.titles if person else []

    def describe(self, phrase: str, before: int | None = None) -> str | None:
        """Named person a description means ("the Russian president" -> full name), if unambiguous."""
        words = _DESCRIBE_WORD.findall(phrase)
        if not words:
            return None
        head = words[-1].lower()
        if head not in ROLE_HEADS:
            return None
        mods = [w for w in words[:-1] if w.lower() not in {"the", "a", "an"}]
        # only title-bearing modifiers constrain: "Russian", "foreign"; "young", "secretive" do not
        mods = [m.lower() for m in mods if m[0].isupper() or m.lower() in TITLE_WORDS]
        heads = LEADER_HEADS | {"minister"} if head == "leader" else {head}
        matches = []
        for person in self.persons:
            if before is not None and person.first > before:
                continue
            for title in person.titles:
                past, twords, leader = self._title_words(title)
                if past:
                    continue
                head_ok = bool(twords & heads) if head != "leader" else leader
                if head_ok and all(m in twords for m in mods):
                    matches.append(person)
                    break
        if len({p.name for p in matches}) == 1:
            return matches[0].name
        return None

    def _title_words(self, title: str) -> tuple[bool, frozenset[str], bool]:
        """(a past title?, its lower-case words, a leader's title?), read once per title."""
        info = self._title_info.get(title)
        if info is None:
            low = title.lower()
            info = (bool(PAST_TITLE.search(low)), frozenset(_DESCRIBE_WORD.findall(low)), is_leader_title(low))
            self._title_info[title] = info
        return info

    def antecedent_description(self, head: str, before: int) -> str | None:
        """The last "a/an ... <head>" before ``before``: "the official" -> "U.S. State Department official"."""
        found = [d for pos, h, d in self._indefinites if h == head.lower() and pos < before]
        return found[-1] if found else None

    def speaker(self, phrase: str, pos: int) -> str | None:
        """Who a subject phrase ("he", "Mr Varga", "the Chilean president") refers to at ``pos``."""
        phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
        phrase = re.sub(r"\s+(?:himself|herself)$", "", phrase)
        low = phrase.lower()
        if low in PRONOUNS:
            return self.focus_before(pos)
        if low in {"i", "we", "they", "it", "you"}:
            return None
        runs = [m for m in name_runs(phrase) if m.name]
        if runs and runs[-1].end == len(phrase) and name_shaped(runs[-1].name.split()):
            return self.resolve(runs[-1].name) or runs[-1].name
        desc = _DESCRIPTION.search(phrase)
        if desc and desc.end() == len(phrase):
            named = self.describe(phrase, before=pos)
            if named:
                return named
            if desc.group("art").lower() == "the":
                earlier = self.antecedent_description(desc.group("head"), pos)
                if earlier:
                    return earlier
            return re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        if _ROLE_NOUN_PHRASE.fullmatch(low):
            return phrase  # "analysts", "a spokesman"
        if runs and runs[-1].end == len(phrase):
            return phrase  # a name the article never introduced: keep it as written
        return None

    # -- discourse focus --

    def _sentence_person(self, text: str, start: int) -> str | None:
        """Who a sentence is about: a person quoted as speaking, else its subject.

        None keeps the previous focus (a pronoun subject, or nobody named).
        """
        for verb in _SAYER.finditer(text):
            phrase = subject_before(text, verb.start())
            if not phrase:
                continue
            if _REFLEXIVE_END.sub("", phrase.strip()).lower() in PRONOUNS:
                return None  # "He noted that the leader asked ...": still the same speaker
            who = self._person_phrase(phrase, start + verb.start())
            if who:
                return who
        return self._subject(text, start)

    def _subject(self, text: str, start: int) -> str | None:
        candidates = [0]
        first = _FIRST_WORD.match(text)
        comma = text.find(",")
        if first and comma != -1 and comma < 90:
            word = first.group(1)
            if word.lower() in STOP_CAPS or word.endswith(("ing", "ed")) or word.lower() in MONTHS_DAYS:
                candidates.append(comma + 1)
        for at in candidates:
            clause = text[at:].lstrip()
            head = _SUBJECT_HEAD.match(clause)
            if head:
                who = self._person_phrase(head.group(1), start + at)
                if who:
                    return who
            # "Duarte's daughter ... had flown": the possessor is who the sentence is about
            owner = _OWNER.match(clause)
            if owner and self.person(owner.group(1)):
                return self.resolve(owner.group(1))
        return None

    def _person_phrase(self, phrase: str, pos: int) -> str | None:
        low = phrase.lower().strip()
        if low in PRONOUNS:
            return None  # a pronoun keeps the focus it refers to
        last = self._last_named_run(phrase)
        if last and last.end >= len(phrase.rstrip()) - 1:
            resolved = self.resolve(last.name)
            if resolved and fold(resolved) in self._by_fold:
                return resolved
            # a bare surname of a full name written earlier is a person even without a title
            # ("Ana Duarte ..." then "Duarte was unmoved"); places and ships are not cut that way
            if resolved and " " not in last.name and len(resolved.split()) >= 2:
                return resolved
            return None
        desc = _opening_description(phrase)
        if desc and desc.end() >= len(phrase.rstrip()) - 1:
            named = self.describe(phrase, before=pos)
            if named:
                return named
            if desc.group("art").lower() in ("a", "an"):
                return phrase[desc.start("mods") : desc.end("head")].strip()  # the mods and head as written
            return self.antecedent_description(desc.group("head"), pos)
        return None

    def _walk(self) -> None:
        focus: str | None = None
        for sentence in self.sentences:
            text = self.text[sentence.start : sentence.end]
            who = self._sentence_person(text, sentence.start)
            if who:
                focus = who
            self._focus.append(focus)

    def focus_before(self, pos: int) -> str | None:
        """The person in focus after the last sentence that starts before ``pos``."""
        i = bisect.bisect_left(self._starts, pos) - 1
        return self._focus[i] if i >= 0 else None

    def principal(self) -> str | None:
        """The leader an article is about: the head of state mentioned most."""
        leaders = [p for p in self.persons if any(is_leader_title(t) for t in p.titles)]
        if not leaders:
            return None
        return max(leaders, key=lambda p: (p.mentions, -p.first)).name


_SAYS_AFTER = re.compile(
    rf"\s+(?:(?:{'|'.join(sorted(_SAYER_ADVERBS))}|has|had|have|will|would)\s+)?(?:{REPORTING_VERBS})\b"
)
_WHO_AFTER = re.compile(r"\s*,\s+who\b")
_ROLE_NOUN_PHRASE = re.compile(r"(?:[a-z][\w\-]*\s+){0,3}(?:" + "|".join(sorted(ROLE_HEADS)) + r")s?")

_CLAUSE_BREAK = frozenset({"that", "which", "who", "and", "but", "because", "while", "when", "as", "if",
                           "whom", "whose", "what", "where", "so", "or", "than", "then"})

_SUBJECT_TOKEN = re.compile(r"[\w.'’\-]+|[,;:()\"“”\[\]—]")


def subject_before(text: str, at: int, limit: int = 8) -> str | None:
    """The words directly before a verb at ``at`` that can be its subject ("palace aide Tomas Varga")."""
    # At most limit + 1 words are read, from the end: a window holding more than that many
    # has them whole (only its first word can be cut); else read everything before ``at``.
    words = list(_SUBJECT_TOKEN.finditer(text, max(0, at - 20 * (limit + 2)), at))
    if len(words) <= limit + 1:
        words = list(_SUBJECT_TOKEN.finditer(text, 0, at))
    picked: list[re.Match] = []
    for word in reversed(words):
        token = word.group(0)
        low = token.lower()
        if not _WORD_TOKEN.fullmatch(token) or low in _CLAUSE_BREAK:
            break
        if low in {"was", "were", "is", "are", "be", "been", "being", "to", "would", "could", "will",
                   "may", "might", "can", "not", "had", "has", "have", "should", "must", "also"} and not picked:
            return None  # passive or modal: "was confirmed", "to say"
        picked.insert(0, word)
        if len(picked) > limit:
            return None
    while picked and picked[-1].group(0).lower() in _SAYER_ADVERBS:
        picked.pop()
    if not picked:
        return None
    return text[picked[0].start() : picked[-1].end()]
