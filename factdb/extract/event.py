"""Event extractor: dated happenings, one per (sentence, date expression).

Every date expression in an article body sentence (see :mod:`.dates`) marks a
happening: "Xi Jinping will visit Hanoi ... on June 12", "the ministry
confirmed on Tuesday", "his father's death in 2011". For each one the
extractor keeps

* the date, resolved against the publication date and the clause's tense
  (unresolvable dates stay ``None`` with their text kept — never guessed);
* a short description: the clause that holds the date, as written, with the
  date words taken out and attribution tails ("according to ...") trimmed;
* an ``event_type`` from a generic lexicon of happening words, choosing the
  one nearest the date (so "visit ... for his first summit ... on April 25"
  is a summit, and "..., the ministry confirmed on Tuesday" an announcement);
* a place: a capitalised name after "in"/"at" (or "to" after a travel word)
  inside the same clause, when one is there.

Boilerplate (titles, datelines, captions, tweets) is never read: the read
room marks it and :meth:`Article.content_sentences` leaves it out.
"""

from __future__ import annotations

import re

from ..models import Event
from ..read import Article, Sentence
from .common import evidence
from .dates import DateMention, dates_in, resolve_anaphor

# Happening words -> event type. Order matters only for equal distance.
_EVENT_WORDS: list[tuple[str, str]] = [
    (r"press\s+conference|news\s+conference|press\s+briefing|briefing", "press conference"),
    (r"cross(?:ed|es|ing)?\s+the\s+(?:\w+\s+)?border|border\s+crossing", "border crossing"),
    (r"summit(?:s|ry)?", "summit"),
    (r"meet(?:s|ing|ings)?|met|talks|negotiations|tete-a-tete|tête-à-tête", "meeting"),
    (r"visit(?:s|ed|ing)?|trip|tour(?:ed|s)?|stopover|stop\s+at", "visit"),
    (r"arriv(?:e|ed|es|ing|al)|landed|reached", "arrival"),
    (r"depart(?:ed|s|ing|ure)?|left|leav(?:e|es|ing)", "departure"),
    (r"announc(?:e|ed|es|ement)|confirm(?:ed|s)?|declared|unveiled", "announcement"),
    (r"reported|report", "report"),
    (r"said|told|says|stated|interview(?:ed)?", "statement"),
    (r"reception|banquet|dinner|lunch(?:eon)?|breakfast", "reception"),
    (r"ceremon(?:y|ies)|parades?|funerals?|commemorations?", "ceremony"),
    (r"died|death|killed|passed\s+away|assassinat(?:ed|ion)", "death"),
    (r"(?:re-?)?elect(?:ed|ion|ions)|vote|voted|referendum", "election"),
    (r"closed|closure|shut|reopen(?:ed)?|reroute(?:d)?", "closure"),
    (r"seen|spotted|sighted|sighting", "sighting"),
    (r"sign(?:ed|ing)|agreement|treaty|deal", "signing"),
    (r"launch(?:ed|es)?|test(?:ed|s)?|fired", "launch"),
    (r"sanctions|imposed", "sanctions"),
    (r"conference|forum|congress|assembly", "conference"),
    (r"broke\s+down|collaps(?:e|ed)|breakdown|derail(?:ed|ing)?", "collapse"),
    (r"came\s+to\s+power|took\s+(?:power|office)|inaugurat(?:ed|ion)|sworn\s+in", "accession"),
    (r"flight|flew|travel(?:l?ed|s)?|journey", "travel"),
    (r"inspect(?:ed|ion)|toured", "inspection"),
    (r"preparations?|prepared", "preparation"),
    (r"invit(?:ed|ation)", "invitation"),
    (r"gather(?:ed|ing)|rall(?:y|ied)|protest(?:ed|s)?|demonstrat(?:ed|ion|ions)|march(?:ed)?", "gathering"),
    (r"accused|criticized|criticised|warned|called\s+for", "statement"),
    # Named happenings a year modifies: "the 1950-53 Korean War", "the 2032 Olympics".
    (r"wars?|invasion|uprising|revolution|armistice|ceasefire", "conflict"),
    (r"olympics|olympic\s+games|world\s+cup|championships?|tournament", "sports event"),
]
# One flat alternation scans a sentence quickly; the type is looked up per hit.
# The lookahead holds the first letters of all the happening words, so most
# word starts fail on one test instead of on ~80 alternatives (4x faster).
_EVENT_FIRST_LETTERS = "abcdefgijklmnoprstuvw"
_EVENT_RX = re.compile(
    rf"\b(?=[{_EVENT_FIRST_LETTERS}])(?:" + "|".join(rx for rx, _ in _EVENT_WORDS) + r")\b", re.IGNORECASE
)
# For typing the hits of a scan: one named group per happening word, so a hit's
# type is ``m.lastgroup`` (the first alternative that matches is the first
# entry whose pattern fits the word: the order above still decides). Run on
# the lower-cased sentence without IGNORECASE, which is ~2x faster; see
# :func:`_happening_words` for when lower-casing keeps the offsets and matches.
_EVENT_GROUPS_RX = re.compile(
    rf"\b(?=[{_EVENT_FIRST_LETTERS}])(?:"
    + "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_EVENT_WORDS))
    + r")\b"
)
_EVENT_GROUPS_RX_ANY_CASE = re.compile(_EVENT_GROUPS_RX.pattern, re.IGNORECASE)
# The same alternation with no groups finds the same hits over 2x faster (the
# engine sets ~30 group marks per word start otherwise); only its few hits are
# matched again with the grouped pattern to learn their type. Same pattern,
# same position: the same alternative wins, so the spans agree.
_EVENT_HIT_RX = re.compile(_EVENT_RX.pattern)
_GROUP_KIND = {f"k{i}": kind for i, (_, kind) in enumerate(_EVENT_WORDS)}
# Characters IGNORECASE matches to an ASCII letter that str.lower() does not turn
# into it (dotless i, long s; the Kelvin sign, to be safe): a sentence with one
# takes the slow path. Dotted capital I lowers to two characters: the length test.
_CASE_FOLD_ODDITIES = re.compile("[\u0131\u017f\u212a]")

# Month and weekday names: capitalised words that are never a place or a happening.
_CALENDAR_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_MONTH_OR_DAY = re.compile(rf"^(?:{_CALENDAR_NAMES})$")
_NOT_PLACE_HEAD = frozenset(
    """The A An This That President Prime Minister Foreign Secretary Mr Mrs Ms Dr Chairman
    Leader King Queen General Vice Deputy Chief His Her Their Its Our My""".split()
)
_FUNCTION_WORDS = frozenset(
    """on in at for with and by to from ahead before after last this next earlier later
    where when which that as since until during while or but was were is are will would
    had has have the a an around about near off""".split()
)
# Capitalised run; no apostrophes, so a possessive ("Hanoi's ...") ends it.
_CAP_RUN = r"[A-Z][\w.-]*(?:[ -](?:of|de|del|upon|[A-Z][\w.-]*))*"
# Lower-case place-type words that finish a name ("Dandong railway station").
_PLACE_TAIL = (
    r"(?:\s+(?:railway|train|bus|naval|air|military|international)?\s*(?:station|airport|palace|"
    r"hotel|university|island|port|square|hall|memorial|base|cemetery|stadium|complex|house|"
    r"resort|park|bridge|harbour|harbor|campus|guesthouse|museum|cathedral|temple|shrine))?"
)
# The (?=[...]) lookaheads name the cue words' first letters: the engine then
# skips most word starts at once instead of trying every alternative there.
_PLACE_RX = re.compile(rf"\b(?=[ia])(?:in|at|into)\s+(?:the\s+)?(?P<place>{_CAP_RUN}{_PLACE_TAIL})")
# "in the Chinese border city of Dandong": the name after a place-type word.
_PLACE_OF_RX = re.compile(
    rf"\b(?=[aitv])(?:in|at|to|into|visit(?:s|ed)?)\s+(?:the|a)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:city|port|town|capital|village|region|province|island|resort|county|state)\s+of\s+"
    rf"(?P<place>{_CAP_RUN})"
)
_TRAVEL_PLACE_RX = re.compile(
    rf"\b(?=[acfghrtvw])(?:visit(?:s|ed|ing)?|travel(?:l?ed|s|ling)?\s+to|trip\s+to|flight\s+to|fl(?:y|ew)\s+to|"
    rf"arriv(?:e|ed|es|ing|al)\s+in|return(?:ed|s)?\s+to|head(?:ed|s)?\s+to|went\s+to|go\s+to|come\s+to)"
    rf"\s+(?:the\s+)?(?P<place>{_CAP_RUN})"
)
# Words that lead into a date and belong with it ("back in 2011", "earlier on Wednesday").
_DATE_LEAD = re.compile(
    r"(?=[belaoisfdu])(?:(?:\b(?:back|earlier|later|early|late|also)\s+)?\b(?:on|in|at|since|from|around|by|during|for|of|until|over|between)\s+$"
    r"|(?:\b(?:back|earlier|later)\s+)$)",
    re.IGNORECASE,
)
_ATTRIBUTION_TAIL = re.compile(
    r"\s*(?:,\s*)?\b(?:according\s+to|citing|,?\s*(?:a|an|the)\s+[\w\s'’-]{0,60}?\b(?:reported|said|confirmed|told))\b.*$",
    re.IGNORECASE | re.DOTALL,
)
# _ATTRIBUTION_TAIL can only match where one of these words is; most clauses have none.
_ATTRIBUTION_WORD = re.compile(r"(?=[acrst])(?:according|citing|reported|said|confirmed|told)", re.IGNORECASE)
# Parentheses are not breaks: "12 million dollars (£9.4m) last year" is one clause.
# Every break starts with a space or one of these marks; the lookahead lets the
# engine skip other positions at once (same matches, a fraction of the work).
_STRONG_BREAK = re.compile(r"(?=[\s;:\"“”—])\s*(?:[;:\"“”]|\s[—–-]\s|—|\s+but\s+)\s*")
_CLAUSE_LEAD = re.compile(
    r"^(?:(?:and|but|or)\s+)?(?:which|who|when|where|while|but|and|that|as|after|before|because|though|although)\b",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|will|would|had|has|have|did|does|could|may|might|can|should|"
    r"\w+ed|met|left|came|went|took|held|said|told|saw|began|flew|fell|rose)\b",
    re.IGNORECASE,
)
# _VERBISH in two cheaper parts (see :func:`_has_verb`): a word ending in "ed"
# after at least one word character, found from the literal "ed" (no case fold
# maps another character to e or d) ...
_ED_WORD_END = re.compile(r"[eE][dD]\b(?<=\w\w\w)")
# ... and the listed verbs, whose first letters let most word starts fail at once.
_VERB_WORD = re.compile(
    r"\b(?=[iawhdcmsltbfr])(?:is|are|was|were|will|would|had|has|have|did|does|could|may|might|can|should|"
    r"met|left|came|went|took|held|said|told|saw|began|flew|fell|rose)\b",
    re.IGNORECASE,
)
# More past forms that tell a happening ("Kim laid wreaths at ..."); only for
# deciding that a clause with no happening word still holds one (the shorter
# list above also decides when a description is too bare and is widened).
_IRREGULAR_PAST = re.compile(
    r"\b(?:laid|paid|made|gave|got|spoke|sent|brought|became|ran|won|lost|found|kept|led|sat|stood|"
    r"spent|wrote|drove|sang|shot)\b",
    re.IGNORECASE,
)
_MAX_WORDS = 28
_SEGMENT_BREAK = re.compile(r"(?=[\s,;:\"“”—])(?:,\s+|" + _STRONG_BREAK.pattern + ")")
_LEADING_AUX = re.compile(r"(?:is|are|was|were|will|would|had|has|have)")
_DETERMINER_END = re.compile(r"\b(?:a|an|the|his|her|its|their)$", re.IGNORECASE)

# A wire dateline that opens the first sentence: "CITY, June 30 (Agency) - ...",
# "CITY, Region, 30 June -", "CITY, Sunday -". Its date is when the story was
# filed, not a happening, and its words belong in no description.
_DATELINE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?,\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?|[A-Z][a-z]+day)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]+\s+"
)
# The outlet speaking of its own work: "we'll end our live coverage for today",
# "this blog will be updated on Monday". Such a clause dates the coverage, not a happening.
_OWN_COVERAGE = re.compile(
    r"\b(?=[otw])(?:(?:our|this)\s+(?:live\s+)?(?:coverage|blog|updates|newsletter|podcast|live\s*blog|page)\b"
    r"|we(?:['’]ll|\s+will)\s+(?:be\s+back\s+with|bring\s+you|keep\s+you\s+(?:posted|updated))\b)",
    re.IGNORECASE,
)
_MONTH_OR_WEEKDAY = rf"(?:{_CALENDAR_NAMES})\b"
# Attribution that introduces a reported happening: "officials said on Tuesday that",
# "the agency reported citing a senior official that", "told reporters that",
# or "said" straight before its clause's subject ("He said the talks ..."). A
# date after it belongs to the happening, so the description starts after it.
_REPORTED_LEAD = re.compile(
    r"\b(?:said|says|reported|reports|announced|confirmed|stated|added|noted|wrote|"
    r"told\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"(?:\s+(?:on|in|at|late|early|earlier|later|last|this|citing|quoting|during|after|via)\b[^\"“”;:.]{0,80}?)?"
    r",?\s+that\s+(?!(?:was|were|is|are|had|has|have|will|would|could)\b)"
    rf"|\b(?:said|says)\s+(?=(?:the|a|an|he|she|they|it|his|her|their|its)\s|(?!{_MONTH_OR_WEEKDAY})[A-Z])"
)
_REPORTING_WORD = re.compile(r"sa(?:id|ys)|report|announced|confirmed|stated|added|noted|wrote|told")
# An aside set off by a pair of dashes ("the talks — which involved six nations — last held").
_DASH_ASIDE = re.compile(r"\s[—–-]{1,2}\s[^—–]{1,160}?\s[—–-]{1,2}\s")


def extract(article: Article) -> list[Event]:
    events: list[Event] = []
    previous: DateMention | None = None  # the story's latest date, for "the next day"
    for sentence in article.content_sentences():
        mentions = dates_in(article, sentence)
        if not mentions:
            continue
        # Scanned once per sentence, shared by all of its date mentions.
        pieces = _segments(sentence.text)
        words = _happening_words(sentence.text)
        dateline = _DATELINE.match(sentence.text)
        leads = _reported_leads(sentence.text)
        for mention in mentions:
            if dateline and mention.end <= dateline.end():
                continue  # the story's filing date
            if mention.kind == "anaphor":
                mention = (resolve_anaphor(mention, previous) if previous else None) or mention
            if mention.resolved or mention.kind != "anaphor":
                previous = mention
            floor = max([dateline.end() if dateline else 0] + [e for e in leads if e <= mention.start])
            event = _event(article, sentence, mention, pieces, words, floor)
            if event is not None:
                events.append(event)
    return events


def _event(article: Article, sentence: Sentence, mention: DateMention,
           pieces: list[tuple[int, int]], words: list[tuple[int, int, str]], floor: int = 0) -> Event | None:
    """The event ``mention`` dates; ``floor``: where its description may start at the
    earliest (after a dateline, or after the attribution of a reported happening)."""
    text = sentence.text
    if mention.kind == "year" and not _year_is_happening(text, mention):
        return None
    if _about_own_coverage(text, mention):
        return None
    clause_start, clause_end = _clause(text, mention, pieces)
    description = _describe(text, max(clause_start, floor), clause_end, mention)
    if len(description.split()) < 4 or not _has_verb(description):
        # "..., the ministry confirmed on Tuesday" / "his predecessor, in 2001": too
        # little to stand alone; widen to the sentence up to the clause end, but
        # not past a semicolon: what stands before one is a sentence of its own.
        semicolon = text.rfind(";", 0, clause_start)
        description = _describe(text, max(floor, semicolon + 1), clause_end, mention)
    # A reported happening takes its type from its own words, not from "said".
    event_type = _event_type(words, max(clause_start, floor), clause_end, mention)
    quoted = _inside_quote(text, mention.start)
    if event_type is None and not quoted:
        # Not for a date in quoted speech: the "said" of its attribution dates
        # the speaking, not the speaker's "tonight we celebrate ...".
        event_type = (
            _event_type(words, floor, mention.start, mention)  # the sentence up to the date
            or _event_type(words, floor, len(text), mention)
        )
    if not description or (
        event_type is None and not _has_verb(description) and not _IRREGULAR_PAST.search(description)
    ):
        return None  # a date with nothing happening around it ("the 2019 edition")
    if event_type is None and quoted:
        return None  # a speaker's "we are here today": a manner of speaking, no happening named
    if event_type is None and mention.kind == "relative" and _VAGUE_PERIOD.search(mention.text):
        return None  # "visas are not on the table this week": a state over a period, no happening
    place = _place(text[clause_start:clause_end])
    confidence = 0.8 if mention.resolved else 0.6
    if mention.kind in ("anaphor", "season"):
        confidence -= 0.2  # dated through another date or a loose period
    if event_type is None:
        confidence -= 0.2
    return Event(
        description=description,
        event_type=event_type,
        date=mention.date,
        date_precision=mention.precision,
        date_end=mention.date_end if mention.date else None,
        date_text=mention.text,
        place=place,
        evidence=[
            evidence(
                article,
                sentence,
                extractor=f"event.{mention.kind}",
                value_span=(sentence.start + mention.start, sentence.start + mention.end),
                confidence=confidence,
            )
        ],
    )


def _has_verb(text: str) -> bool:
    """Whether :data:`_VERBISH` finds a verb in ``text``, at about half its cost.

    Same answer: ``\\b\\w+ed\\b`` matches exactly where a word ends in "ed"
    after a word character (:data:`_ED_WORD_END`); the other alternatives are
    :data:`_VERB_WORD`, whose lookahead only names their first letters.
    """
    return _ED_WORD_END.search(text) is not None or _VERB_WORD.search(text) is not None


def _reported_leads(text: str) -> list[int]:
    """Ends of the attributions in ``text`` that introduce a reported clause."""
    if not _REPORTING_WORD.search(text):
        return []
    return [m.end() for m in _REPORTED_LEAD.finditer(text)]


def _about_own_coverage(text: str, mention: DateMention) -> bool:
    """Whether the clause holding ``mention`` is the outlet speaking of its coverage."""
    # Clause ends are breaks (non-word characters), so a match in the clause is
    # one in the whole sentence too: most sentences are settled by this one scan.
    if _OWN_COVERAGE.search(text) is None:
        return False
    start = max((m.end() for m in _STRONG_BREAK.finditer(text, 0, mention.start)), default=0)
    stop = _STRONG_BREAK.search(text, mention.end)
    return _OWN_COVERAGE.search(text, start, stop.start() if stop else len(text)) is not None


_QUOTE_MARK = re.compile(r"[\"“”]")
_TRAILING_OPENER = re.compile(r"\s[\"“]$")
# Relative dates that name a period rather than a day ("this week", "last year").
_VAGUE_PERIOD = re.compile(r"\b(?:week|weekend|month|year)\b", re.IGNORECASE)


def _inside_quote(text: str, position: int) -> bool:
    """Whether ``position`` lies in quoted speech, including the tail of a quote
    opened in an earlier sentence ('... and we are here today."')."""
    before = _QUOTE_MARK.findall(text, 0, position)
    if before:
        return before[-1] == "“" or (before[-1] == '"' and len(before) % 2 == 1)
    # The sentence splitter may leave the next sentence's opening mark at the
    # end ('... their talks. "'): a mark after a space opens, it closes nothing.
    stop = len(text) - 1 if _TRAILING_OPENER.search(text) else len(text)
    after = _QUOTE_MARK.findall(text, position, stop)
    return bool(after) and (after[0] == "”" or (after[0] == '"' and len(after) % 2 == 1))


def _year_is_happening(text: str, mention: DateMention) -> bool:
    """A year after "a"/"the" is a date only when it modifies a happening ("a 1986 visit")."""
    before = text[max(0, mention.start - 30) : mention.start].rstrip()
    if not _DETERMINER_END.search(before):
        return True
    following = " ".join(text[mention.end :].split()[:3])
    return bool(_EVENT_RX.search(following))


def _segments(text: str) -> list[tuple[int, int]]:
    """Comma/strong-break delimited pieces of a sentence, as (start, end)."""
    cuts = [0]
    for m in _SEGMENT_BREAK.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    pieces = []
    for i in range(0, len(cuts) - 1, 2):
        start, end = cuts[i], cuts[i + 1]
        if text[start:end].strip():
            pieces.append((start, end))
    return pieces


def _clause(text: str, mention: DateMention, pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of the clause holding ``mention``, merged with neighbours that lack a verb.

    ``pieces`` is :func:`_segments` of ``text``.
    """
    index = next(
        (i for i, (s, e) in enumerate(pieces) if s <= mention.start < e),
        None,
    )
    if index is None:
        return mention.start, mention.end
    start, end = pieces[index]
    body = (text[start : mention.start] + text[mention.end : end]).strip(" ,.")
    if not _has_verb(body) and not _EVENT_RX.search(body):
        # "On Friday morning, the motorcade crossed ..." / "..., in 2001, who also met"
        neighbour = index + 1 if index == 0 and len(pieces) > 1 else index - 1
        if 0 <= neighbour < len(pieces):
            start, end = min(start, pieces[neighbour][0]), max(end, pieces[neighbour][1])
    # A clause that starts with its verb ("was seen in X on Sunday") takes the
    # sentence's subject from the first piece.
    first_word = text[start:end].split()[0] if text[start:end].split() else ""
    if start > 0 and _LEADING_AUX.fullmatch(first_word):
        start = pieces[0][0]
    return start, end


def _describe(text: str, start: int, end: int, mention: DateMention) -> str:
    before = text[start : mention.start]
    lead = _DATE_LEAD.search(before, max(0, len(before) - 40))
    if lead:
        before = before[: lead.start()]
    if "—" in before or "–" in before or " - " in before:
        before = _DASH_ASIDE.sub(" ", before)
    after = text[mention.end : end]
    words = (before.rstrip(" ,") + " " + after.lstrip(" ,")).strip()
    if _ATTRIBUTION_WORD.search(words):
        words = _ATTRIBUTION_TAIL.sub("", words) or words
    words = _CLAUSE_LEAD.sub("", words).strip()
    words = " ".join(words.split()).strip(" ,.;:—–-\"“”'")
    tokens = words.split()
    if len(tokens) > _MAX_WORDS:
        words = " ".join(tokens[:_MAX_WORDS])
    return words


def _happening_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event type) of every happening word in a sentence, scanned once."""
    lowered = text.lower()
    if len(lowered) == len(text) and not _CASE_FOLD_ODDITIES.search(text):
        # Same length: every character lowered to one, so offsets still hold.
        scanned, hits, typed = lowered, _EVENT_HIT_RX.finditer(lowered), _EVENT_GROUPS_RX
    else:
        scanned, hits, typed = text, _EVENT_RX.finditer(text), _EVENT_GROUPS_RX_ANY_CASE
    return [
        (m.start(), m.end(), _GROUP_KIND[typed.match(scanned, m.start()).lastgroup])
        for m in hits
        if text[m.start() : m.end()] != "March"  # the month, not a protest march
    ]


def _event_type(words: list[tuple[int, int, str]], start: int, end: int, mention: DateMention) -> str | None:
    """The type of the happening word in ``start:end`` nearest the date (``words``: :func:`_happening_words`)."""
    best: tuple[int, str] | None = None
    for w_start, w_end, kind in words:
        if w_start < start or w_end > end:
            continue
        if w_start < mention.end and w_end > mention.start:
            continue
        distance = mention.start - w_end if w_end <= mention.start else w_start - mention.end
        # words before the date govern it more often than words after it
        distance = distance if w_end <= mention.start else distance * 2
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


def _place(clause: str) -> str | None:
    for rx in (_PLACE_OF_RX, _TRAVEL_PLACE_RX, _PLACE_RX):
        for m in rx.finditer(clause):
            place = _clean_place(clause, m)
            if place:
                return place
    return None


def _clean_place(clause: str, m: re.Match) -> str | None:
    tokens = m.group("place").rstrip(".").split()
    # Cut a run at a month or weekday ("in Hanoi on Thursday" is fine; "in April" is not a place).
    for i, token in enumerate(tokens):
        if _MONTH_OR_DAY.match(token.strip(".,")):
            tokens = tokens[:i]
            break
    while tokens and tokens[-1] in ("of", "de", "del", "upon"):
        tokens.pop()
    if not tokens or tokens[0] in _NOT_PLACE_HEAD:
        return None
    place = " ".join(tokens)
    rest = clause[m.start("place") + len(place) :]
    if re.match(r"['’]s?\b", rest):
        return None  # "in Russia's Far East ..." names a larger thing than the place
    following = re.match(r"\s+([A-Za-z]+)", rest)
    if following and following.group(1).islower() and following.group(1) not in _FUNCTION_WORDS:
        return None  # "in Russian media": an adjective, not a place
    if len(tokens) == 1 and re.search(r"(?:ian|ese|ish)$", place):
        return None
    return place
