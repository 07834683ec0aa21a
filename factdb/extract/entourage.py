"""Entourage members: people reported travelling with (or missing from) a leader's party.

News prose names a delegation in a few set constructions, and only people in
those slots are taken (an analyst or a host mentioned elsewhere in the same
sentence is not):

* a list after a companion cue: "accompanied by key aides including Foreign
  Minister X and veteran nuclear negotiator Y", "the delegation includes X";
* the subject of a sighting or arrival, introduced by a possessive and a role:
  "Duarte's chief aide, X, was seen in <city>", "His chief of staff X and sister
  Y were also spotted", "The sighting of Duarte's chief aide for protocol, X";
  or by a role alone with a companion verb: "Foreign Minister X accompanied
  him";
* absence: "Conspicuously absent from the reported entourage was X",
  "X was not included among the names listed", "X did not accompany him"
  (present=False).

The role is the words written before the name (or in an apposition after it),
e.g. "sister, propaganda director". The leader is the possessor ("Duarte's" ->
the full name the article first gave), the companion verb's subject, or for
"His"/no possessor the head of state the article is mostly about. People whose
role is itself a head-of-state title, people of another nationality than the
leader's title, and the leader himself are never members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import EntourageMember
from ..read import Article, Sentence
from .common import evidence
from .people import (
    ROLE_HEADS,
    STOP_CAPS,
    fold,
    is_demonym,
    is_head_of_state,
    is_leader_title,
    name_runs,
    name_shaped,
)
from .quote import read_people

_CUE = re.compile(
    r"\b(?:accompan\w+|entourage|delegation|retinue|aides?|spotted|seen|sighting|sighted|arriv\w+|"
    r"briefed|travel\w*|joined|flanked|escorted|ahead|absent|missing|not included|left out|"
    r"photographed|pictured|landed|flew|flown|prepar\w+|advance team|contingent|trip|led by|headed by|"
    r"flank\w*|inclusion|on hand)\b",
    re.I,
)

# Cues after which a list of companions follows.
_LIST_TRIGGER = re.compile(
    r"\b(?:accompanied by|joined by|flanked by|escorted by|"
    r"(?:delegation|entourage|retinue|party)\s+(?:\w+\s+){0,2}?(?:includes|included|including|comprises|"
    r"comprised|comprising|is made up of|was made up of|consists of|consisting of|of)|"
    r"(?:aides|officials|advisers|advisors|ministers|members|lieutenants|figures|confidants)\s+"
    r"(?:\w+\s+){0,2}?(?:including|such as|like)|"
    r"(?:delegation|entourage|retinue|party|contingent|team)\s+(?:was|is|were|are|will be)\s+(?:led|headed)\s+by|"
    r"(?i:(?:among\s+(?:those|the\s+officials|the\s+people)\s+)?(?:accompanying|travell?ing\s+with|joining|"
    r"with)\s+(?:him|her|them|the\s+\w+|[A-Z][\w\-]+)\s+(?:are|were|was|is|will\s+be))|"
    r"(?i:(?:also\s+)?(?:on\s+the\s+trip|in\s+the\s+(?:delegation|entourage|party)|"
    r"part\s+of\s+the\s+(?:delegation|entourage))\s+(?:are|were|was|is|will\s+be)))\s+"
)
_ABSENT_LIST = re.compile(
    r"\b(?:absent|missing|left off|left out|excluded|omitted)\s+from\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:entourage|delegation|list|party|retinue|group|line-?up|trip|team|names|contingent)\w*\s+"
    r"(?:was|were|is|are)\s+"
)
_PRESENT_VERB = (
    r"(?:seen|spotted|sighted|photographed|pictured|arrived|arrive|arrives|arriving|travell?ed|travell?ing|"
    r"accompanied|accompany|accompanies|accompanying|joined|joins|flew|flown|landed|went ahead|preceded|"
    r"gone ahead|come ahead|travell?ed ahead|"
    r"briefed|made final checks|making final checks)"
)
_PRESENT_PREDICATE = re.compile(
    r"^\s*,?\s*(?:(?:who|which)\b[^,]{0,80},\s*)?(?:(?:was|were|had|has|have|is|are|will|would|also|"
    r"reportedly|already|been|be|earlier|later|then|both)\s+)*" + _PRESENT_VERB + r"\b",
    re.I,
)
# Companion verbs strong enough to stand without a possessive ("X accompanied him").
_STRONG_PREDICATE = re.compile(
    r"^\s*,?\s*(?:(?:was|were|had|has|have|is|are|will|would|also|reportedly|already|been|be)\s+)*"
    r"(?:accompan\w+|travell?(?:ed|ing|s)? with|joined (?:him|her|the leader)|went ahead|arrived ahead|"
    r"(?:among|part of|in|with) (?:the|his|her|[A-Z][\w\-]*['’]s) (?:[\w\-]+ )?(?:delegation|entourage|party|"
    r"retinue|team|contingent))\b",
    re.I,
)
_ABSENT_PREDICATE = re.compile(
    r"^\s*,?\s*(?:(?:who|which)\b[^,]{0,80},\s*)?(?:(?:was|were|is|are|has|have|had)\s+(?:conspicuously\s+|"
    r"notably\s+|also\s+|reportedly\s+)*(?:not\s+(?:been\s+)?(?:included|listed|named|among|part|on|in|"
    r"present|accompanying|travell?ing)|absent|missing|left (?:out|off)|excluded|omitted|nowhere)|"
    r"did not (?:accompany|travel|join|make)|didn['’]t (?:accompany|travel|join|make))",
    re.I,
)
_ABSENT_LATER = re.compile(
    r"^[^.;]{0,120}?\b(?:did not|didn['’]t|will not|won['’]t|would not)\s+(?:make the trip|travel with|accompany|join)\b",
    re.I,
)
_ABSENT_CONTEXT = re.compile(
    r"\b(?:entourage|delegation|names|list|listed|named|party|retinue|trip|accompan\w+|travel\w*|line-?up|"
    r"contingent)\b",
    re.I,
)
_SUBJECT_OPENING = re.compile(
    r"^(?:(?:[A-Z]\w*\s+)?(?:this|last|on|earlier|late|later|meanwhile|also)\b[^,]{0,30},\s*)?"
    r"(?:(?:the|a)\s+(?:sighting|arrival|presence|appearance|inclusion)\s+of\s+)?",
    re.I,
)
_POSSESSOR = re.compile(
    r"(?P<poss>(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s?|His|Her|Their|his|her|their|"
    r"[Tt]he (?:leader|president|premier|chairman)['’]s)\s+"
)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*(?:and\s+)?)(?:(?:by|with)\s+)?")
_APPOSITION = re.compile(
    r"\s*,\s+(?P<body>(?:(?P<poss>(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s|his|her|the|a|an)\s+)?"
    r"(?P<role>[^,;()]{2,100}?))\s*(?=[,;]|\.(?:\s|$)|$)"
)
# Words that end a role: a role is a short run of title words and modifiers.
_ROLE_BREAK = frozenset("""
    was were is are had has have be been will would who which that met in at on to with from during after
    before said told including include includes included by such like as comprising consisting were while
    when where into onto across than accompanied joined spotted seen arrived also both
""".split())
_LEADER_WORDS = re.compile(r"^(?:the )?(?:leader|president|premier|chairman)['’]s?$", re.I)


@dataclass
class _Item:
    name: str
    start: int  # absolute
    end: int
    role: str | None


def _clean_role(words: str) -> str | None:
    role = " ".join(words.replace("\n", " ").split()).strip(" ,;")
    role = re.sub(r"^(?:the|a|an|his|her|their|its|key|other)\s+", "", role, flags=re.I)
    if not role:
        return None
    tokens = re.findall(r"[\w.'’\-]+", role)
    if not tokens or len(tokens) > 7:
        return None
    if any(t.lower() in _ROLE_BREAK for t in tokens):
        return None
    if not any(t.lower() in ROLE_HEADS for t in tokens):
        return None
    return role


def _loose_role(words: str) -> str | None:
    """A role written in an apposition: "director of the General Office of the Party"."""
    role = " ".join(words.split()).strip(" ,;")
    role = re.sub(r"^(?:the|a|an|his|her|their|its)\s+", "", role, flags=re.I)
    tokens = re.findall(r"[\w.'’\-]+", role)
    if not tokens or len(tokens) > 10:
        return None
    if any(t.lower() in {"was", "were", "is", "are", "has", "had", "have", "said", "told", "will"} for t in tokens):
        return None
    if not any(t.lower().rstrip("s") in ROLE_HEADS or t.lower() in ROLE_HEADS for t in tokens):
        return None
    return role


def _role_gap(gap: str, allow_comma: bool) -> tuple[bool, str | None]:
    """Is ``gap`` (text between a list boundary and a name) only role words? -> (ok, role)."""
    text = " ".join(gap.split())
    if not text:
        return True, None
    if text.endswith(","):
        text = text[:-1].rstrip()  # "the head of the state railway, Ana Ruiz"
        role = _loose_role(text)
        return (role is not None), role
    if not allow_comma and "," in text:
        return False, None
    if re.search(r"[.;:()\"“”]", text):
        return False, None
    words = re.findall(r"[\w.'’\-]+", text)
    if len(words) > 7 or any(w.lower() in _ROLE_BREAK for w in words):
        return False, None
    return True, _clean_role(text)


class _Finder:
    def __init__(self, article: Article):
        self.article = article
        _, self.text, self.people = read_people(article)
        self.principal = self.people.principal()

    # -- names --

    def _names(self, lo: int, hi: int) -> list:
        """Full-name mentions (two tokens or more) between absolute offsets."""
        found = []
        for m in name_runs(self.text[lo:hi], lo):
            tokens = m.name.split()
            if len(tokens) >= 2 and name_shaped(tokens):
                found.append(m)
        return found

    def _title_role(self, mention) -> str:
        return " ".join(t for t in mention.title if t.lower() not in STOP_CAPS or t.lower() == "of")

    def _items(self, lo: int, hi: int, *, first_gap_words: int, allow_comma_first: bool) -> tuple[list[_Item], int]:
        """A list of "<role> Name[, role]" items starting near ``lo``: parse until the list stops."""
        items: list[_Item] = []
        pos = lo
        for m in self._names(lo, hi):
            if m.start < pos:
                continue  # inside an apposition already read
            gap_start = pos
            if items:
                sep = _SEPARATOR.match(self.text, gap_start, hi)
                if not sep:
                    break
                gap_start = sep.end()
                ok, role = _role_gap(self.text[gap_start : m.start - self._title_len(m)], False)
            else:
                gap = self.text[gap_start : m.start - self._title_len(m)]
                # the first item may follow a few intro words ("key aides including")
                tail = re.split(r"\b(?:including|include[sd]?|such as|like|by|were|was|are|is)\b", gap)[-1]
                if len(re.findall(r"\w+", gap)) > first_gap_words:
                    break
                ok, role = _role_gap(tail, allow_comma_first)
            if not ok:
                break
            title = self._title_role(m)
            role = _clean_role(" ".join(x for x in (role, title) if x)) or role or (title or None)
            item = _Item(m.name, m.start, m.end, role)
            items.append(item)
            pos = self._apposition(item, hi)
        return items, pos

    def _apposition(self, item: _Item, hi: int) -> int:
        """Read ", the foreign minister" / ", who oversees ..." after a name; returns where the item ends."""
        appos = _APPOSITION.match(self.text, item.end, hi)
        if not appos:
            return item.end
        body = " ".join(appos.group("body").split())
        if self._names(appos.start("body"), appos.end("body")) and not re.match(r"(?:who|which)\b", body):
            return item.end  # a name: the next list item, not an apposition
        head = re.split(r"\b(?:who|which|that)\b", body)[0].strip(" ,")
        role = _loose_role(head) if head else None
        if role is None and not re.match(r"(?:who|which)\b", body):
            return item.end  # ", was seen in ...": the sentence goes on, not the list
        if role and not item.role:
            item.role = role
        return appos.end()

    def _title_len(self, m) -> int:
        """Characters of the capitalised title written inside the run before the name."""
        if not m.title:
            return 0
        before = self.text[: m.start]
        joined = r"\s+".join(re.escape(t) for t in m.title)
        hit = re.search(joined + r"\s+$", before)
        return len(hit.group(0)) if hit else 0

    # -- leaders --

    def leader_from(self, possessor: str | None, at: int) -> str | None:
        if possessor:
            name = re.sub(r"['’]s?$", "", possessor.strip())
            if name.lower() in ("his", "her", "their") or _LEADER_WORDS.match(possessor.strip()):
                focus = self.people.focus_before(at)
                if focus and any(is_leader_title(t) for t in self.people.titles(focus)):
                    return focus
                return self.principal
            return self.people.resolve(name) or name
        return self.principal

    def leader_before(self, lo: int, at: int) -> str | None:
        """The person a companion cue attaches to: the last known person before it."""
        best = None
        for m in name_runs(self.text[lo:at], lo):
            if m.name and self.people.person(m.name):
                best = self.people.resolve(m.name)
        return best or self.leader_from("his", at)

    # -- filters --

    def keep(self, item: _Item, leader: str | None) -> bool:
        if leader and fold(item.name) == fold(leader):
            return False
        if leader and self.people.resolve(item.name) == leader:
            return False
        role = (item.role or "").lower()
        if role and is_head_of_state(role):
            return False  # a head of state is a host or a leader, not a member
        if item.role and leader:
            mine = {t for t in re.findall(r"[\w.\-]+", item.role) if is_demonym(t) and t[0].isupper()}
            theirs = {
                t for title in self.people.titles(leader) for t in re.findall(r"[\w.\-]+", title)
                if is_demonym(t) and t[0].isupper()
            }
            if mine and theirs and not mine & theirs:
                return False  # "Russian Deputy Prime Minister X" greeting a North Korean leader
        return True

    # -- rules --

    def sentence(self, s: Sentence) -> list[tuple[_Item, str | None, bool, str, float]]:
        text = self.text[s.start : s.end]
        if not _CUE.search(text):
            return []
        out: list[tuple[_Item, str | None, bool, str, float]] = []
        taken: set[int] = set()

        def add(items, leader, present, rule, confidence):
            for item in items:
                if item.start in taken or not self.keep(item, leader):
                    continue
                taken.add(item.start)
                out.append((item, leader, present, rule, confidence))

        for m in _ABSENT_LIST.finditer(text):
            lo = s.start + m.end()
            items, _ = self._items(lo, s.end, first_gap_words=4, allow_comma_first=False)
            add(items, self.leader_from(None, s.start), False, "entourage.absent", 0.8)
        for m in _LIST_TRIGGER.finditer(text):
            lo = s.start + m.end()
            items, _ = self._items(lo, s.end, first_gap_words=6, allow_comma_first=False)
            add(items, self.leader_before(s.start, lo), True, "entourage.list", 0.85)
        self._subject_rule(s, text, add)
        return out

    def _subject_rule(self, s: Sentence, text: str, add) -> None:
        opening = _SUBJECT_OPENING.match(text)
        at = opening.end() if opening else 0
        sighting = bool(opening and re.search(r"\bof\s*$", opening.group(0)))
        possessor = None
        poss = _POSSESSOR.match(text, at)
        if poss:
            run = poss.group("poss")
            name = re.sub(r"['’]s?$", "", run)
            is_person_poss = bool(self.people.person(name)) or run.split()[0] in ("His", "Her", "Their", "his", "her", "their") or bool(_LEADER_WORDS.match(run))
            if is_person_poss:
                possessor = run
                at = poss.end()
        lo = s.start + at
        items, end = self._items(lo, s.end, first_gap_words=8 if possessor else 5, allow_comma_first=bool(possessor))
        if not items:
            return
        if possessor is None:
            appos = _APPOSITION.match(self.text, items[0].end, s.end)
            if appos and appos.group("poss") and self.people.person(re.sub(r"['’]s$", "", appos.group("poss"))):
                possessor = appos.group("poss")
        rest = self.text[end : s.end]
        leader = self.leader_from(possessor, s.start)
        if (_ABSENT_PREDICATE.match(rest) and _ABSENT_CONTEXT.search(rest)) or _ABSENT_LATER.match(rest):
            add(items, leader, False, "entourage.absent", 0.8)
            return
        if possessor and (sighting or _PRESENT_PREDICATE.match(rest)):
            add(items, leader, True, "entourage.subject", 0.85)
        elif sighting and all(i.role for i in items):
            add(items, leader, True, "entourage.subject", 0.75)
        elif _STRONG_PREDICATE.match(rest):
            add(items, leader, True, "entourage.companion", 0.75)


def extract(article: Article) -> list[EntourageMember]:
    finder = _Finder(article)
    facts: dict[str, EntourageMember] = {}
    for s in article.content_sentences():
        for item, leader, present, rule, confidence in finder.sentence(s):
            ev = evidence(article, s, extractor=rule, value_span=(item.start, item.end), confidence=confidence)
            key = fold(item.name)
            fact = facts.get(key)
            if fact is None:
                facts[key] = EntourageMember(
                    person=item.name, role=item.role, leader=leader, present=present, evidence=[ev]
                )
                continue
            fact.evidence.append(ev)
            if not fact.role and item.role:
                fact.role = item.role
            if not fact.leader and leader:
                fact.leader = leader
            if present and not fact.present:
                fact.present = True  # reported with the party somewhere: absence elsewhere is partial
    return list(facts.values())
