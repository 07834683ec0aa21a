"""Entourage members: people reported travelling with (or missing from) a leader's party.

News prose names a delegation in a few set constructions, and only people in
those slots are taken (an analyst or a host mentioned elsewhere in the same
sentence is not):

* a list after a companion cue: "accompanied by key aides including Foreign
  Minister X and veteran nuclear negotiator Y", "the delegation includes X",
  "their top aides, including X" (a comma needs whose group it is: a possessive or
  the delegation); a next sentence "Others include Y and Z" goes on with it; a plural
  rank ("Army Marshals X and Y") titles every name after it, and a body's possessive
  ("People's Army") is part of the title, not a person; a name followed by a
  reporting verb ("..., spokesman X told reporters") is the source and ends the list;
* the subject of a sighting or arrival, introduced by a possessive and a role:
  "Duarte's chief aide, X, was seen in <city>", "His chief of staff X and sister
  Y were also spotted", "The sighting of Duarte's chief aide for protocol, X";
  or by a role alone with a companion verb: "Foreign Minister X accompanied
  him";
  or by a companion predicate: "X, his sister and a vice department director, and Y were also
  seen among the delegation"; a relative named by given name alone between commas after the
  relation ("Varga's son, Piet, ... appeared in photos") counts too;
* absence: "Conspicuously absent from the reported entourage was X",
  "X was not included among the names listed", "X did not accompany him"
  (present=False); a bare "Premier X" may be reported missing, never present.

* lines under a lead-in ("The delegation includes:" then "- X, Foreign Minister",
  "• Defence Minister Y", "Z — the party's international affairs chief");
* live-blog lines: "X (Foreign Minister) and Y (Finance Minister) are in the
  delegation", "Joining Mendez on the trip: ...", "Also on board the plane were
  ...", "Mendez brought along ...", "Across the table from him sat ...";
* spouses: "accompanied by his wife X", "Mendez and her husband, X, landed",
  "first lady X" - only for a leader reported travelling, never the host's;
  "X, his wife, did not travel" / "stayed behind" is present=False.

* list items may be one-word names when a role stands right before them ("Foreign Minister
  Sugiono", "his wife Malee"), titles may name several portfolios ("Trade, Industry and Energy
  Minister X") or run on with "for" ("Coordinating Minister for Economic Affairs X"); a stand-in
  ("X, the trade minister, travelled in his place, alongside Y") and those alongside travel too;
  a body's initials may stand inside a role ("State Security Bureau (SSB) chief X", ", director of
  the ... Party (UP) Central Committee"), and the body's written-out name is no person; a surname
  spelled like a common word ("labour minister Jan Still,") is a name right after a lower-case role.

The visiting leader is told from the host by verbs: "arrived", "was greeted",
"greeted <leader>" mark a traveller; "<leader> greeted/hosted" a host. The
host's own officials and spouse are never members.

"The Chilean delegation included ..." belongs to the one leader titled Chilean.

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
from typing import Iterator

from ..models import EntourageMember
from ..read import Article, Sentence
from .common import evidence
from .people import (
    PAST_TITLE,
    REPORTING_VERBS,
    Mention,
    ROLE_HEADS,
    by_first_letter,
    STOP_CAPS,
    TITLE_WORDS,
    fold,
    is_demonym,
    is_head_of_state,
    is_leader_title,
    name_shaped,
    run_matches,
)
from .quote import read_people

_CUE = re.compile(
    r"\b(?:" + by_first_letter(r"""accompan\w+ entourage delegation retinue aides? spotted seen sighting sighted arriv\w+
    briefed travel\w* joined flanked escorted ahead absent missing not_included left_out photographed pictured
    landed flew flown prepar\w+ advance_team contingent trip led_by headed_by flank\w* inclusion on_hand on_board
    (?:brought|brings|bringing|took|takes|taking)_(?:along|with) left_off
    (?:stay|remain)(?:ed|s|ing)?_(?:behind|home|at_home|in) wife husband spouse first_lady first_gentleman beside
    alongside opposite across_the_table joining did_not_make appear(?:ed|s|ing)?_(?:in|alongside|beside|behind|with)""".split()) + r")\b"
)  # matched against lower-cased text: far faster than re.I over many alternatives
# _CUE with its "\b" written as the non-word character before the cue word (every cue opens with a
# letter): the regex engine then skips ahead to spaces and punctuation instead of trying the cue
# words at every position.
_CUE_AFTER_NON_WORD = re.compile(r"\W" + _CUE.pattern.removeprefix(r"\b"))


def _has_cue(lowered: str) -> bool:
    """``_CUE.search(lowered)`` as a yes/no, faster: a space put before the text stands for its start."""
    return _CUE_AFTER_NON_WORD.search(" " + lowered) is not None


_LEADER_NOUN = r"(?:president|prime\s+minister|premier|chancellor|leader|king|queen|emperor|chairman)"
# Cues after which a list of companions follows.
_LIST_TRIGGER = re.compile(
    r"\b(?:accompanied by|joined by|flanked by|escorted by|"
    r"(?:delegation|entourage|retinue|party)\s+(?:\w+\s+){0,3}?(?:includes|included|including|comprises|"
    r"comprised|comprising|is made up of|was made up of|consists of|consisting of|of)|"
    # "nine senior officials, including X": a comma may set the examples off
    r"(?:aides|officials|advisers|advisors|ministers|members|lieutenants|figures|confidants)(?P<comma>\s*,)?\s+"
    r"(?:\w+\s+){0,2}?(?:including|such as|like)|"
    r"(?:delegation|entourage|retinue|party|contingent|team)\s+(?:was|is|were|are|will be)\s+(?:led|headed)\s+by|"
    r"(?i:(?:among\s+(?:those|the\s+officials|the\s+people)\s+)?(?:accompanying|travell?ing\s+with|joining|"
    r"with)\s+(?:him|her|them|the\s+\w+|the\s+(?:[\w\-]+\s+){1,2}?" + _LEADER_NOUN + r"|"
    r"(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))"
    r"(?:\s+(?:on|for|in|at|to)\s+(?:the|this|his|her|its)\s+[\w\-]+(?:\s+[\w\-]+)?)?\s*(?:are|were|was|is|will\s+be|:))|"
    # "Also on board the presidential plane were ...", "Beside him sat ..."
    r"(?i:(?:also\s+)?on\s+board(?:\s+(?:the|his|her)(?:\s+[\w\-]+){1,3}?)?\s+(?:were|was|are|is))|"
    r"(?i:(?:beside|next\s+to|alongside|flanking|behind)\s+(?:him|her|(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))"
    r"\s+(?:sat|stood|were|was))|"
    # "Duarte brought along ...", "she took with her ..."
    r"(?i:(?:brought|brings|bringing|took|takes|taking)\s+(?:along|with\s+(?:him|her)))|"
    # "Abe travelled with ...": only after a named subject or a pronoun (checked in code)
    r"(?P<travel_with>(?:has\s+|had\s+|is\s+|was\s+)?(?:travell?(?:ed|s|ing)|flew|flies|arrived|arrives)"
    r"(?:\s+(?:to|in|into)\s+[A-Z][\w\-]*)?\s+(?:with|alongside|along\s+with|together\s+with))|"
    r"(?i:(?:also\s+)?(?:on\s+the\s+trip|in\s+the\s+(?:delegation|entourage|party)|"
    r"part\s+of\s+the\s+(?:delegation|entourage))\s+(?:are|were|was|is|will\s+be)))\s+"
)
# "their top aides, including": the group set off by a comma must be somebody's or the delegation's
_OWN_GROUP = re.compile(
    r"(?:\b(?:his|her|their)\s+|['’]s\s+)(?:[\w\-]+,?\s+){0,8}?$|"
    r"\b(?:delegation|entourage|retinue)\b(?:\s+[\w\-]+)?\s+(?:includes|included|comprised|comprises)\b"
    r"(?:\s+[\w\-]+,?){0,12}\s+$"
)
_NATIONAL_PARTY = re.compile(r"(?<![\w.\-])(?P<nation>(?:[A-Z][\w.\-]*\s+){0,1}[A-Z][\w.\-]*)\s+(?:delegation|entourage|retinue|party)\b")
_DESCRIBED_LEADER = re.compile(r"\bthe\s+(?:[\w\-]+\s+){0,2}?" + _LEADER_NOUN + r"\b", re.I)
_TRAVEL_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|when|after|as)\s+)(?P<who>[Hh]e|[Ss]he|(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*)"
    r"(?:\s+(?:also|later|then|had|has|reportedly))?\s*$"
)
_OPPOSITE_TRIGGER = re.compile(
    r"(?i:(?:across\s+the\s+table\s+from|opposite)\s+(?P<who>him|her|(?-i:[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))"
    r"\s+(?:sat|were\s+seated|was\s+seated)\s+)"
)
_ABSENT_LIST = re.compile(
    r"\b(?:absent|missing|left off|left out|excluded|omitted)\s+from\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:entourage|delegation|list|party|retinue|group|line-?up|trip|team|names|contingent|plane|flight|"
    r"aircraft|visit)\w*\s+"
    r"(?:was|were|is|are)\s+|"
    # "Notably missing was X": the inverted absence, marked by its adverb, opening the sentence
    r"^(?i:(?:most\s+)?(?:notably|conspicuously)|also)\s+(?:absent|missing)\s+(?:was|were)\s+"
)
_PRESENT_VERB = (
    r"(?:seen|spotted|sighted|photographed|pictured|arrived|arrive|arrives|arriving|travell?ed|travell?ing|"
    r"accompanied|accompany|accompanies|accompanying|joined|joins|flew|flown|landed|went ahead|preceded|"
    r"gone ahead|come ahead|travell?ed ahead|"
    r"briefed|made final checks|making final checks|"
    # "appeared in photos stepping off the train": a sighting in the released pictures
    r"appear(?:ed|s|ing)?\s+(?:in\s+(?:the\s+)?(?:[\w\-]+\s+)?(?:photos|photographs|pictures|images|footage|video)|"
    r"alongside|beside|behind|next\s+to))"
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
    # "X travelled in his place": a stand-in for someone missing is on the trip
    r"(?:travell?(?:ed|ing|s)?|flew|went|came) (?:in (?:his|her|their) (?:place|stead)|instead)|"
    # "were also seen among the delegation": a sighting inside the party is as good as membership
    r"(?:(?:seen|spotted|sighted|pictured|photographed) )?"
    r"(?:among|part of|in|with) (?:the|his|her|[A-Z][\w\-]*['’]s) (?:[\w\-]+ )?(?:delegation|entourage|party|"
    r"retinue|team|contingent))\b",
    re.I,
)
_ABSENT_PREDICATE = re.compile(
    r"^\s*,?\s*(?:(?:who|which)\b[^,]{0,80},\s*|(?:usually|normally|often|typically|always|once|long)\b[^,]{0,40},\s*)?"
    r"(?:(?:was|were|is|are|has|have|had)\s+(?:conspicuously\s+|"
    r"notably\s+|also\s+|reportedly\s+)*(?:not\s+(?:been\s+)?(?:included|listed|named|among|part|on|in|"
    r"present|accompanying|travell?ing|seen|spotted|sighted|pictured)|absent|missing|left (?:out|off)|excluded|omitted|nowhere)|"
    r"did not (?:accompany|travel|join|make)|didn['’]t (?:accompany|travel|join|make))",
    re.I,
)
# "stayed behind", "remained at home": absence that needs no delegation word around it
_STAYED = re.compile(
    r"^\s*,?\s*(?:(?:who|which)\b[^,]{0,80},\s*)?(?:(?:was|were|is|has|had|will|would|also|instead|reportedly)\s+)*"
    r"(?:stay(?:ed|s|ing)?|remain(?:ed|s|ing)?)\s+(?:behind|(?:at\s+)?home)\b",
    re.I,
)
# "X, the party chief of <city>, stayed in the capital": absence only for someone given a role
_STAYED_IN = re.compile(
    r"^\s*,?\s*(?:(?:was|were|is|has|had|will|would|also|instead|reportedly)\s+)*"
    r"(?:stay(?:ed|s|ing)?|remain(?:ed|s|ing)?)\s+in\s+(?:the\s+capital|[A-Z][\w\-]+)\b",
)
_ABSENT_LATER = re.compile(
    r"^[^.;]{0,120}?\b(?:did not|didn['’]t|will not|won['’]t|would not)\s+(?:make the trip|travel with|accompany|join)\b",
    re.I,
)
_ABSENT_CONTEXT = re.compile(
    r"\b(?:entourage|delegation|names|list|listed|named|party|retinue|trip|visit|accompan\w+|travel\w*|line-?up|"
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
    r"\s*,\s+(?!(?:and|or|as well as|plus)\s)(?P<body>(?:(?P<poss>(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s|his|her|the|a|an)\s+)?"
    # a body's initials in parentheses may stand inside ("of the Unity Party (UP) central committee")
    r"(?P<role>(?:[^,;()]|\([A-Z][A-Z&.\-]{1,9}\)){2,100}?))\s*(?=[,;]|\.(?:\s|$)|$)"
)
_TWO_ROLES = re.compile(r"^([\w\-]+) and (?:a|an|the) ")
_PAREN_ROLE = re.compile(r"\s*\((?P<role>[^()\n]{2,80})\)")
# "State Security Bureau (SSB) chief X": a body's initials in parentheses, inside a role
_ACRONYM = re.compile(r"\s*\([A-Z][A-Z&.\-]{1,9}\)")
# Words that end a role: a role is a short run of title words and modifiers.
_ROLE_BREAK = frozenset("""
    was were is are had has have be been will would who which that met in at on to with from during after
    before said told including include includes included by such like as comprising consisting were while
    when where into onto across than accompanied joined spotted seen arrived also both
""".split())
# "Duarte and his wife, X", "Duarte's husband X", "his wife X", "first lady X"
_SPOUSE = re.compile(
    r"(?:(?P<poss>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?:['’]s|\s+and\s+(?:his|her))|\b(?P<pron>[Hh]is|[Hh]er))"
    r"\s+(?P<role>wife|husband|spouse)\s*,?\s+(?=[A-Z])|"
    r"(?<![\w\-])(?P<lady>[Ff]irst\s+[Ll]ady|[Ff]irst\s+[Gg]entleman)\s+(?=[A-Z])"
)
_SPOUSE_WORD = re.compile(r"wife|husband|spouse|[Ff]irst [LlGg]")
# A spouse is reported with the party only in a sentence about the visit itself.
_SPOUSE_SCENE = re.compile(
    r"\b(?:accompan\w+|travel\w*|arriv\w+|land\w*|flew|greet\w*|welcom\w*|visit\w*|tour\w*|attend\w*|"
    r"walk\w*|wav\w*|stroll\w*|inspect\w*|laid|watch\w*|banquet|dinner|luncheon|ceremony|delegation|"
    r"entourage|joined|trip|disembark\w*|descend\w*|step\w*)\b",
    re.I,
)

# A lead-in line that announces a list of companions on the following lines.
_LEAD_IN = re.compile(
    r"(?i)[ \t]*(?P<line>[^\n]{0,80}?\b(?:travell?ing\s+with|accompanying|accompanied\s+by|joined\s+by|joining|"
    r"going\s+with|delegation|"
    r"entourage|retinue|on\s+the\s+trip|on\s+board|in\s+the\s+party|who['’]s\s+(?:going|coming))\b[^\n:]{0,50}):[ \t]*\Z"
)
_ABSENT_LEAD_IN = re.compile(
    r"\b(?:not|absent|missing|left\s+(?:off|out|behind)|stay\w*|staying|excluded|omitted|dropped)\b", re.I
)


def _lines(text: str, pos: int):
    """(start, end) of each line from ``pos`` on."""
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        yield pos, end
        pos = end + 1

_LINE_END_COLON = re.compile(r":[ \t]*(?=\n)")
_BULLET_IN_GAP = re.compile(r"\n[ \t]*(?:[-–—•*·▪●]|\d{1,2}[.)])[ \t]")
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪●]|\d{1,2}[.)])[ \t]+")
# Verbs that tell the visiting leader (arrives, is greeted) from the host (greets, hosts).
_VISIT_VERB = re.compile(
    # the look-ahead lists the verbs' first letters: most words fail there at once
    r"\b(?=[acdfghjlrtvw])(?:(?P<travel>arriv(?:ed|es|ing|e)|land(?:ed|s|ing)|fl(?:ew|ies|y|own)|travell?(?:ed|s|ing)|"
    r"visit(?:ed|s|ing)?|trip|journey|head(?:ed|s)|depart(?:ed|s)|cross(?:ed|es))|"
    r"(?P<host>greet(?:ed|s|ing)?|welcom(?:ed|es|ing|e)|host(?:ed|s|ing)?|receiv(?:ed|es|ing|e)))\b"
)
# the subject right before such a verb: "Kowalski", "Dubois and his wife, X,", "Mendez's", "Mendez was"
# (the name is written capital first, "[A-Z](?:...[A-Z]){0,3}...", the same words as
# "(?:[A-Z]...\s+){0,3}[A-Z]...": a pattern opening with a capital lets the search skip to capitals)
_SUBJECT_BEFORE = re.compile(
    r"(?P<name>[A-Z](?:[\w\-]*\s+[A-Z]){0,3}[\w\-]*)(?P<poss>['’]s?)?"
    r"(?P<aux>(?:\s+and\s+(?:his|her)\s+(?:wife|husband|spouse)\W+(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*,?|"
    r"\s+(?:has|had|have|will|would|was|is|were|are|also|first|then|later|been|be|personally|warmly|"
    r"(?:[\w\-]+\s+){0,2}?(?:visit|trip))\b)*)\s+$"
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)\b")
_OBJECT_AFTER = re.compile(r"\s+(?P<by>by\s+)?(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}?(?=[A-Z])")

# Portfolio words of a ministry's name, for titles that list several ("Trade, Industry and Energy
# Minister"): the comma inside such a title does not end a list item.
_PORTFOLIOS = frozenset("""
    agriculture food rural affairs foreign defence defense finance economy economic interior home justice
    health education science technology ict culture sport sports tourism environment transport
    infrastructure land lands labour labor employment welfare family gender equality youth women fisheries
    oceans maritime mines mining resources natural planning development investment commerce communications
    information digital housing water forestry climate security unification veterans trade industry
    energy innovation research public works budget treasury social services enterprise
""".split())
_PORTFOLIO_LIST = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+)+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+(?:and|&)\s+")
# The last word of a capitalised run that is a cut-off title, not a surname ("Coordinating Minister").
_ROLE_TAIL = frozenset("""
    minister secretary president premier chancellor chairman chairwoman director spokesman spokeswoman
    spokesperson ambassador envoy adviser advisor governor deputy aide official officer
""".split())
_LAST_WORD = re.compile(r"([a-z][\w\-]*),?\s+$")
_ROLE_WORD_BEFORE = re.compile(r"(?<![\w\-])([a-z][a-z\-]*)[ \t]+$")
_NAME_TOKEN_END = re.compile(r"[A-Z][a-z]+\b")
# What may follow a list item's name: the next item, an apposition, or the sentence end.
_ITEM_END = re.compile(r"\s*(?:[,;:(]|\.(?:\s|$)|$|(?:and|as well as|plus)\b)")
# Keywords of the predicates after a subject (_ABSENT_PREDICATE, _ABSENT_LATER, _STAYED, _STAYED_IN,
# _STRONG_PREDICATE; _PRESENT_PREDICATE's verbs are _SIGHTING_WORD): lower-cased text, no match -> no fact.
_ABSENT_OR_COMPANION_WORD = re.compile(
    r"\b(?:accompan|travel|join|ahead|delegation|entourage|party|retinue|team|contingent|not\b|absent|"
    r"missing|left|excluded|omitted|nowhere|stay|remain|instead|place|stead)|n['’]t\b"
)
_SIGHTING_WORD = re.compile(
    r"\b(?:seen|spotted|sighted|photographed|pictured|arriv|travel|accompan|join|flew|flown|landed|ahead|"
    r"preceded|briefed|mad(?:e|ing) final|appear)"
)
# Companions added after a member's own travel verb, in the same clause.
_ALONGSIDE = re.compile(r"[^;:.()\"“”]{0,60}?,?\s(?:alongside|along with|together with)\s+")
_WHO_WHICH = re.compile(r"(?:who|which)\b")
_RELATIVE = re.compile(r"\b(?:who|which|that)\b")
# Words after which the first list item follows ("key aides including", "were").
_INTRO_WORDS = re.compile(r"\b(?:including|include[sd]?|such as|like|by|were|was|are|is)\b")
_WORD = re.compile(r"\w+")
_NONSPACE = re.compile(r"\S+")
_BODY_POSSESSIVE = re.compile(r"((?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s)\s*$")
_POSSESSIVE_END = re.compile(r"['’]s?\s+")
_CAPITAL_NEXT = re.compile(r"['’]s?\s+[A-Z]")
_ENDS_WITH_OF = re.compile(r"\bof\s*$")

# "..., chief secretary X told a briefing": a name followed by a reporting verb is the source, not an item
_SPEAKER_AFTER = re.compile(rf"\s+(?:(?:also|later|then)\s+)?(?:{REPORTING_VERBS})\b")
# "Army Marshals A and B": a plural title shared by the names after it
_PLURAL_TITLE = frozenset(head + "s" for head in ROLE_HEADS if head.isalpha() and not head.endswith("s"))
# A sentence that goes on with the list the previous sentence gave: "Others include X and Y."
_OTHERS = re.compile(
    r"(?:Others|Other\s+(?:members|officials|aides|delegates|advisers|ministers))\s+(?:[\w\-]+\s+){0,4}?"
    r"(?:include|included|includes|are|were)\s+"
)
_ROLE_CLAUSE_END = re.compile(r"\s+(?:and|who|which|whose|as well as)\s+|\s*[;,(]\s*")
_GIVEN_NAME = re.compile(r"([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\s*,")
_HEAD_OF_GOVERNMENT = re.compile(r"premier|prime minister")
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
    """A role written in an apposition: "director of the General Office of the Party".

    Up to 14 words: an office inside a named body runs long ("first vice director of the ruling
    Labour Party of Ruritania's central committee").
    """
    role = " ".join(words.split()).strip(" ,;")
    role = re.sub(r"^(?:the|a|an|his|her|their|its|another)\s+", "", role, flags=re.I)
    # "his sister and a vice department director": two roles, written as the other rules write them
    role = _TWO_ROLES.sub(lambda m: f"{m.group(1)}, " if m.group(1).lower() in ROLE_HEADS else m.group(0), role)
    tokens = re.findall(r"[\w.'’\-]+", _ACRONYM.sub("", role))
    if not tokens or len(tokens) > 14:
        return None
    if any(t.lower() in {"was", "were", "is", "are", "has", "had", "have", "said", "told", "will"} for t in tokens):
        return None
    if not any(t.lower().rstrip("s") in ROLE_HEADS or t.lower() in ROLE_HEADS for t in tokens):
        return None
    return role


def _peel_title(m: Mention) -> Mention:
    """The mention with every token up to its last one moved into the title."""
    words = m.name.split()
    last = words[-1]
    start = m.end - len(last)
    return Mention(start, m.end, last, m.title + words[:-1], m.possessive)


def _is_portfolio_list(gap: str) -> bool:
    """"Trade, Industry and ": the front of a title naming several portfolios."""
    if not _PORTFOLIO_LIST.fullmatch(gap):
        return False
    return all(w.lower() in _PORTFOLIOS for w in _WORD.findall(gap) if w not in ("and",))


def _role_gap(gap: str, allow_comma: bool) -> tuple[bool, str | None]:
    """Is ``gap`` (text between a list boundary and a name) only role words? -> (ok, role)."""
    if _BULLET_IN_GAP.search(gap):
        return False, None  # items one a line: the bullet-list reader takes them
    text = " ".join(gap.split())
    if not text:
        return True, None
    if text.endswith(","):
        text = text[:-1].rstrip()  # "the head of the state railway, Ana Ruiz"
        if not allow_comma and "," in text:
            return False, None  # "travelled in her place, alongside the health secretary, X": a clause
        role = _loose_role(text)
        return (role is not None), role
    if not allow_comma and "," in text:
        return False, None
    if re.search(r"[.;:()\"“”]", _ACRONYM.sub("", text)):
        return False, None
    words = re.findall(r"[\w.'’\-]+", text)
    if len(words) > 7 or any(w.lower() in _ROLE_BREAK for w in words):
        return False, None
    return True, _clean_role(text)


# Seats of government ("White House chief of staff"): is_demonym lets them open a title,
# but they name no nationality to compare with a leader's.
_SEATS = frozenset({"White", "Kremlin", "Pentagon"})


def _nationalities(title: str) -> set[str]:
    """The capitalised demonyms of a title, dots dropped ("U.S." and "US" are one)."""
    return {
        t.replace(".", "") for t in re.findall(r"[\w.\-]+", title)
        if is_demonym(t) and t[0].isupper() and t not in _SEATS
    }


class _Finder:
    def __init__(self, article: Article):
        self.article = article
        _, self.text, self.people = read_people(article)
        self.principal = self.people.principal()
        self.hosts: set[str] = set()
        self.travellers: set[str] = set()
        self.visitor = self._visitor()
        self._sentence_index = -1
        self._last_list: tuple[int, str | None] | None = None  # (sentence index, leader) of the last list read

    def _visitor(self) -> str | None:
        """The leader reported travelling (arriving, greeted); leaders only greeting others are hosts."""
        leaders = {p.name for p in self.people.persons if any(is_leader_title(t) for t in p.titles)}
        titled = bool(leaders)
        # a full name the article never titles in prose (the title sat in a caption or headline) can
        # still be the traveller; anyone titled as something else (a minister) cannot
        leaders |= self.people.untitled_names()
        travel: dict[str, int] = {}
        host: dict[str, int] = {}
        text = self.text

        def leader_at(lo: int, hi: int, last: bool) -> str | None:
            runs = [r for r in self._mentions(lo, hi) if r.name]
            if not runs:
                return None
            who = self.people.resolve((runs[-1] if last else runs[0]).name)
            return who if who in leaders else None

        for verb in _VISIT_VERB.finditer(text):
            lo = max(0, verb.start() - 80)
            subject = _SUBJECT_BEFORE.search(text, lo, verb.start())
            who = leader_at(subject.start("name"), subject.end("name"), True) if subject else None
            obj = _OBJECT_AFTER.match(text, verb.end())
            target = leader_at(obj.end(), min(len(text), obj.end() + 60), False) if obj else None
            if verb.group("travel"):
                if who and (verb.group(0)[0] not in "tj" or subject.group("poss")):  # "Mendez's trip"
                    travel[who] = travel.get(who, 0) + 1
                if target and verb.group(0).startswith("visiting"):
                    travel[target] = travel.get(target, 0) + 1
                continue
            by = bool(obj and obj.group("by"))
            passive = bool(subject and _PASSIVE.search(subject.group("aux") or ""))
            if who and passive:
                travel[who] = travel.get(who, 0) + 1  # "Mendez was greeted"
            elif who and not by and not subject.group("poss"):
                host[who] = host.get(who, 0) + 1  # "Dubois greeted ..."
            if target:
                bucket = host if by else travel  # "hosted by X" / "greeted X"
                bucket[target] = bucket.get(target, 0) + 1
        self.hosts = {who for who, n in host.items() if n > travel.get(who, 0)}
        self.travellers = {who for who, n in travel.items() if who not in self.hosts}
        ranked = sorted((n - host.get(who, 0), who) for who, n in travel.items() if who not in self.hosts)
        if ranked and ranked[-1][0] > 0:
            return ranked[-1][1]
        if not titled:
            return None  # nobody titled a leader and nobody reported travelling: no leader to name
        return self.principal if self.principal not in self.hosts else None

    # -- names --

    def _names(
        self, lo: int, hi: int, first_before: int | None = None, mononyms: bool = False
    ) -> Iterator[Mention]:
        """Full-name mentions (two tokens or more) between absolute offsets, read as they are asked for.

        With ``first_before``, none at all unless the first one's run starts before that offset.
        With ``mononyms``, one-word names are given too: the caller decides if a role vouches for them.
        """
        for run_start, m in self._run_mentions(lo, hi):
            if first_before is not None and run_start >= first_before:
                return
            tokens = m.name.split()
            if mononyms and len(tokens) >= 3 and tokens[-2].lower() in _ROLE_TAIL:
                m = _peel_title(m)  # "Commerce Minister Anan": a portfolio, its title, one name
                tokens = m.name.split()
            if mononyms and any(t.lower() in _PLURAL_TITLE for t in tokens[:-1]):
                m = self._peel_plural_title(m)  # "Army Marshals Han Sol Bom": the title is no name
                tokens = m.name.split()
            if len(tokens) >= 2:
                # "Coordinating Minister (for ...)": a title cut off before "for" is no name
                if tokens[-1].lower() not in _ROLE_TAIL and name_shaped(tokens) or \
                        mononyms and self._surname_like_a_word(m, tokens):
                    first_before = None
                    yield m
            elif mononyms and tokens and self._role_right_before(m) and tokens[0].lower() not in TITLE_WORDS \
                    and name_shaped(tokens):
                first_before = None
                yield m

    def _surname_like_a_word(self, m: Mention, tokens: list[str]) -> bool:
        """"labour minister Jan Still,": a surname spelled like a common capitalised word.

        Taken only where prose vouches for a name: a lower-case role word right before the run
        (a title-case headline has none) and a list item's end right after it.
        """
        if m.title or len(tokens) != 2 or tokens[-1].lower() not in STOP_CAPS or not name_shaped(tokens[:1]):
            return False
        if not _NAME_TOKEN_END.match(self.text, m.end - len(tokens[-1])) or not _ITEM_END.match(self.text, m.end):
            return False
        word = _ROLE_WORD_BEFORE.search(self.text, max(0, m.start - 30), m.start)
        return bool(word and word.group(1) in ROLE_HEADS)

    def _mentions(self, lo: int, hi: int) -> list[Mention]:
        """:func:`name_runs` of the text between absolute offsets, each distinct run read once."""
        return [self.people.mention(match, lo) for match in run_matches(self.text[lo:hi])]

    def _run_mentions(self, lo: int, hi: int) -> Iterator[tuple[int, Mention]]:
        """(run start, mention) of each capitalised run; a run a possessive cuts short is read on after it
        ("People's Army Marshals X": the possessive, then "Army Marshals X")."""
        for match in run_matches(self.text[lo:hi]):
            m = self.people.mention(match, lo)
            yield lo + match.start(), m
            if m.possessive and m.name:
                after = _POSSESSIVE_END.match(self.text, m.end, lo + match.end())
                if after and after.end() < lo + match.end():
                    yield from self._run_mentions(after.end(), lo + match.end())

    def _peel_plural_title(self, m: Mention) -> Mention:
        """The mention with every token up to its last plural title ("Marshals") moved into the title."""
        words = list(_NONSPACE.finditer(self.text, m.start, m.end))
        cut = max(k for k, w in enumerate(words[:-1]) if w.group(0).lower() in _PLURAL_TITLE) + 1
        name = " ".join(w.group(0) for w in words[cut:])
        return Mention(words[cut].start(), m.end, name, m.title + [w.group(0) for w in words[:cut]], m.possessive)

    def _first_name(self, lo: int, hi: int) -> Mention | None:
        return next(self._names(lo, hi), None)

    def _given_name(self, lo: int, hi: int) -> list:
        """A lone given name set off by commas ("his wife, Akiko, stayed"): the spouse apposition only."""
        m = _GIVEN_NAME.match(self.text, lo, hi)
        if not m or not name_shaped([m.group(1)]) or self.people.person(m.group(1)):
            return []  # a known person's surname is somebody else, not a first name
        return [Mention(m.start(1), m.end(1), m.group(1), [], False)]

    def _title_role(self, mention) -> str:
        return " ".join(t for t in mention.title if t.lower() not in STOP_CAPS or t.lower() == "of")

    def _items(self, lo: int, hi: int, *, first_gap_words: int, allow_comma_first: bool) -> tuple[list[_Item], int]:
        """A list of "<role> Name[, role]" items starting near ``lo``: parse until the list stops."""
        items: list[_Item] = []
        pos = lo
        # a first name after more than ``first_gap_words`` words is not read: it would end the list
        words = _WORD.finditer(self.text, lo, hi)
        too_far = next((w.start() + 1 for k, w in enumerate(words) if k == first_gap_words), None)
        shared_role = None  # a plural title ("Marshals A and B") covers the names joined after it
        for m in self._names(lo, hi, first_before=too_far, mononyms=True):
            if m.start < pos:
                continue  # inside an apposition already read
            if m.possessive and _CAPITAL_NEXT.match(self.text, m.end):
                continue  # "People's Army Marshals X": a body's possessive belongs to the next item's title
            if _SPEAKER_AFTER.match(self.text, m.end):
                break  # "..., chief secretary X told a briefing": the source of the list, not a member
            if _ACRONYM.match(self.text, m.end):
                continue  # "State Security Bureau (SSB) director X": a body, written out before its initials
            gap_start = pos
            if items:
                sep = _SEPARATOR.match(self.text, gap_start, hi)
                if not sep:
                    if " " not in m.name:
                        continue
                    break
                gap = self.text[sep.end() : m.start - self._title_len(m)]
                ok, role = _role_gap(gap, False)
            else:
                gap = self.text[gap_start : m.start - self._title_len(m)]
                if len(_WORD.findall(gap)) > first_gap_words:
                    if " " not in m.name:
                        continue
                    break
                # the first item may follow a few intro words ("key aides including")
                gap = _INTRO_WORDS.split(gap)[-1]
                ok, role = _role_gap(gap, allow_comma_first)
            if not ok and self._title_len(m) and _is_portfolio_list(gap):
                ok, role = True, " ".join(gap.split())  # "Trade, Industry and" + "Energy Minister"
            if " " not in m.name and not (ok and self._mononym_vouched(m, gap)):
                continue  # a lone capitalised word with no role right before it is no member
            if not ok:
                break
            title = self._title_role(m)
            role = _clean_role(" ".join(x for x in (role, title) if x)) or role or (title or None)
            if title and title.split()[-1].lower() in _PLURAL_TITLE:
                body = _BODY_POSSESSIVE.search(gap)  # "Korean People's" + "Army Marshals"
                role = shared_role = " ".join(f"{body.group(1)} {title}".split()) if body else role
            elif not role and not gap.strip():
                role = shared_role
            else:
                shared_role = None
            item = _Item(self._mononym_name(m.name), m.start, m.end, role)
            items.append(item)
            pos = self._apposition(item, hi)
        return items, pos

    def _role_right_before(self, m: Mention) -> bool:
        """Is a role word ("Minister", "wife") written right before the mention? A cheap first test."""
        if m.title:
            return any(t.lower() in ROLE_HEADS for t in m.title)
        word = _LAST_WORD.search(self.text, max(0, m.start - 30), m.start)
        if word and "," in word.group(0) and not self.text.startswith(",", m.end):
            return False  # "his son, Piet," only as an apposition closed by a comma
        return bool(word and word.group(1) in ROLE_HEADS)

    def _mononym_vouched(self, m: Mention, gap: str) -> bool:
        """A one-word name counts only right after a role ("Foreign Minister Sugiono", "his wife Malee")
        and only where a list item ends (a comma, semicolon, "and", the sentence end)."""
        if m.possessive or not _ITEM_END.match(self.text, m.end):
            return False
        if self._title_len(m) and any(t.lower() in ROLE_HEADS for t in m.title):
            return True
        last = gap.split()[-1].lower() if gap.split() else ""
        if last.endswith(","):
            # "Varga's son, Piet, appeared": a given name alone, set off by commas after the relation
            return not m.title and last[:-1] in ROLE_HEADS and self.text.startswith(",", m.end)
        return not m.title and last in ROLE_HEADS and gap.endswith(" ")

    def _mononym_name(self, name: str) -> str:
        """A one-word name stands for the full name the article gave that person, if any."""
        if " " in name:
            return name
        full = self.people.resolve(name)
        return full if full and " " in full and self.people.person(full) else name

    def _apposition(self, item: _Item, hi: int) -> int:
        """Read ", the foreign minister" / ", who oversees ..." after a name; returns where the item ends."""
        paren = _PAREN_ROLE.match(self.text, item.end, hi)
        if paren:
            role = _loose_role(paren.group("role"))
            if role is None:
                return item.end
            item.role = item.role or role
            return paren.end()
        appos = _APPOSITION.match(self.text, item.end, hi)
        if not appos:
            return item.end
        body = " ".join(appos.group("body").split())
        if self._first_name(appos.start("body"), appos.end("body")) and not _WHO_WHICH.match(body):
            return item.end  # a name: the next list item, not an apposition
        head = _RELATIVE.split(body)[0].strip(" ,")
        role = _loose_role(head) if head else None
        if role is None and not _WHO_WHICH.match(body):
            return item.end  # ", was seen in ...": the sentence goes on, not the list
        if role and not item.role:
            item.role = role
        return appos.end()

    def _title_len(self, m) -> int:
        """Characters of the capitalised title written inside the run before the name.

        That is the title's tokens, each followed by whitespace, ending right at the name;
        0 when the text before the name is not exactly that (a token lost a period).
        """
        if not m.title:
            return 0
        text = self.text
        pos = m.start
        for token in reversed(m.title):
            gap = pos
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            if gap == pos or gap < len(token) or not text.startswith(token, gap - len(token)):
                return 0
            pos = gap - len(token)
        return m.start - pos

    # -- leaders --

    def leader_from(self, possessor: str | None, at: int) -> str | None:
        if possessor:
            name = re.sub(r"['’]s?$", "", possessor.strip())
            if name.lower() in ("his", "her", "their") or _LEADER_WORDS.match(possessor.strip()):
                focus = self.people.focus_before(at)
                if focus and any(is_leader_title(t) for t in self.people.titles(focus)):
                    return focus
                return self.visitor
            return self.people.resolve(name) or name
        return self.visitor

    def leader_before(self, lo: int, at: int) -> str | None:
        """The person a companion cue attaches to: the last known person before it."""
        best = None
        for m in self._mentions(lo, at):
            if m.name and self.people.person(m.name):
                best = self.people.resolve(m.name)
            elif m.name and " " not in m.name:
                full = self.people.resolve(m.name)  # "Kim" for a full name written untitled earlier
                best = full if full and len(full.split()) >= 2 else best
        return best or self.leader_from("his", at)

    def _described_leader(self, cue: str, before: str, at: int) -> str | None:
        """"travelling with the Chilean president are": the one named person that description fits;
        "The Chilean delegation included": the one leader titled Chilean."""
        desc = _DESCRIBED_LEADER.search(cue)
        if desc:
            return self.people.describe(desc.group(0), before=at)
        side = _NATIONAL_PARTY.search(before + cue)
        nation = [w for w in side.group("nation").split() if w not in ("The", "the")] if side else []
        if nation and all(is_demonym(w) for w in nation):
            return self.people.describe(f"the {' '.join(nation)} leader", before=at)
        return None

    def _travelling_subject(self, before: str, at: int) -> str | None:
        """The person right before "travelled with": a name the article knows, or he/she."""
        subject = _TRAVEL_SUBJECT.search(before)
        if not subject:
            return None
        who = subject.group("who")
        if who.lower() in ("he", "she"):
            return self.leader_from("his", at)
        person = self.people.person(who)
        if person:
            return person.name
        full = self.people.resolve(who)  # a full name written earlier, even with no title
        return full if full and len(full.split()) >= 2 else None

    # -- filters --

    def keep(self, item: _Item, leader: str | None, present: bool = True) -> bool:
        if leader and fold(item.name) == fold(leader):
            return False
        if leader and self.people.resolve(item.name) == leader:
            return False
        if leader and leader in self.hosts:
            return False  # the host's own officials do not travel
        role = (item.role or "").lower()
        titles = [role] if role else []
        titles += self.people.titles(item.name)
        # a head of state is a host or a leader, not a member; but "Premier X was not seen among the
        # entourage": a bare head of government reported missing from a leader's party is his own
        missing_premier = not present and all(_HEAD_OF_GOVERNMENT.fullmatch(t.lower()) for t in titles)
        if not missing_premier and any(is_head_of_state(t) for t in titles):
            return False
        if item.role and leader:
            mine = _nationalities(item.role)
            theirs = {t for title in self.people.titles(leader) for t in _nationalities(title)}
            if mine and theirs and not mine & theirs:
                return False  # "Russian Deputy Prime Minister X" greeting a North Korean leader
        return True

    # -- rules --

    def sentence(self, s: Sentence) -> list[tuple[_Item, str | None, bool, str, float]]:
        text = self.text[s.start : s.end]
        lowered = text.lower()
        self._sentence_index += 1
        others = _OTHERS.match(text) if text.startswith("Other") else None
        if not others and not _has_cue(lowered):
            return []
        out: list[tuple[_Item, str | None, bool, str, float]] = []
        taken: set[int] = set()

        def add(items, leader, present, rule, confidence):
            for item in items:
                if item.start in taken or not self.keep(item, leader, present):
                    continue
                taken.add(item.start)
                out.append((item, leader, present, rule, confidence))

        for m in _ABSENT_LIST.finditer(text):
            lo = s.start + m.end()
            # "... was the business and trade secretary, X": a role of up to six words first
            items, _ = self._items(lo, s.end, first_gap_words=6, allow_comma_first=False)
            add(items, self.leader_from(None, s.start), False, "entourage.absent", 0.8)
        for m in _LIST_TRIGGER.finditer(text):
            lo = s.start + m.end()
            if m.group("travel_with"):
                leader = self._travelling_subject(text[: m.start()], s.start + m.start())
                if not leader:
                    continue  # "reporters travelled with ...": only a person's companions count
            else:
                if m.group("comma") and not _OWN_GROUP.search(text, 0, m.start()):
                    continue  # "talks with officials, including X": whose officials is not said
                leader = self._described_leader(m.group(0), text[max(0, m.start() - 30) : m.start()], s.start) \
                    or self.leader_before(s.start, lo)
            items, _ = self._items(lo, s.end, first_gap_words=6, allow_comma_first=False)
            add(items, leader, True, "entourage.list", 0.85)
            if items:
                self._last_list = (self._sentence_index, leader)
        if others and self._last_list and self._last_list[0] == self._sentence_index - 1:
            # "Others include X and Y.": the list the sentence before began goes on
            leader = self._last_list[1]
            items, _ = self._items(s.start + others.end(), s.end, first_gap_words=2, allow_comma_first=False)
            add(items, leader, True, "entourage.list", 0.8)
        for m in _OPPOSITE_TRIGGER.finditer(text) if ("across" in lowered or "opposite" in lowered) else ():
            lo = s.start + m.end()
            facing = self.leader_before(s.start, lo)
            leader = self.visitor if self.visitor != facing else None
            items, _ = self._items(lo, s.end, first_gap_words=2, allow_comma_first=False)
            if leader:
                add(items, leader, True, "entourage.list", 0.7)
        self._spouse_rule(s, text, add)
        self._subject_rule(s, text, lowered, add)
        return out

    def _spouse_rule(self, s: Sentence, text: str, add) -> None:
        if not _SPOUSE_WORD.search(text):
            return
        for m in _SPOUSE.finditer(text):
            name = self._first_name(s.start + m.end(), min(s.end, s.start + m.end() + 60))
            if not name or name.start - self._title_len(name) != s.start + m.end():
                names = self._given_name(s.start + m.end(), s.end) if m.group(0).rstrip().endswith(",") else []
                if not names:
                    continue
                name = names[0]
            if m.group("lady"):
                if PAST_TITLE.search(text[max(0, m.start() - 12) : m.start()]):
                    continue  # "former first lady"
                last = fold(name.name).split()[-1]
                leader = next(
                    (p.name for p in self.people.persons
                     if p.tokens and p.tokens[-1] == last and any(is_leader_title(t) for t in p.titles)),
                    self.visitor,
                )
                role = " ".join(m.group("lady").lower().split())
            else:
                leader = self.leader_from(m.group("poss") or m.group("pron"), s.start)
                role = m.group("role")
            item = _Item(name.name, name.start, name.end, role)
            rest = self.text[self._apposition(item, s.end) : s.end]
            skipped_trip = bool(_ABSENT_LATER.match(rest))
            if not leader or leader in self.hosts:
                continue
            if leader not in self.travellers and leader != self.visitor and not skipped_trip:
                continue  # a spouse travels only with a leader reported travelling
            absent = (_ABSENT_PREDICATE.match(rest) and _ABSENT_CONTEXT.search(rest)) or _STAYED.match(rest) \
                or skipped_trip
            if absent:
                add([item], leader, False, "entourage.absent", 0.75)
            elif _SPOUSE_SCENE.search(text):
                add([item], leader, True, "entourage.spouse", 0.75)

    def _subject_rule(self, s: Sentence, text: str, lowered: str, add) -> None:
        opening = _SUBJECT_OPENING.match(text)
        at = opening.end() if opening else 0
        sighting = bool(opening and _ENDS_WITH_OF.search(opening.group(0)))
        possessor = None
        poss = _POSSESSOR.match(text, at)
        if poss:
            run = poss.group("poss")
            name = re.sub(r"['’]s?$", "", run)
            is_person_poss = bool(self.people.person(name)) or run.split()[0] in ("His", "Her", "Their", "his", "her", "their") or bool(_LEADER_WORDS.match(run))
            if is_person_poss:
                possessor = run
                at = poss.end()
        if not (sighting or self._may_have_predicate(lowered, possessor is not None)):
            return  # no verb below could follow the subject: reading the names would be wasted
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
        if (_ABSENT_PREDICATE.match(rest) and _ABSENT_CONTEXT.search(rest)) or _ABSENT_LATER.match(rest) \
                or _STAYED.match(rest):
            add(items, leader, False, "entourage.absent", 0.8)
            return
        if _STAYED_IN.match(rest) and all(i.role for i in items):
            add(items, leader, False, "entourage.absent", 0.7)
            return
        if possessor and (sighting or _PRESENT_PREDICATE.match(rest)):
            add(items, leader, True, "entourage.subject", 0.85)
        elif sighting and all(i.role for i in items):
            add(items, leader, True, "entourage.subject", 0.75)
        elif _STRONG_PREDICATE.match(rest):
            add(items, leader, True, "entourage.companion", 0.75)
        else:
            return
        self._alongside(s, end, leader, add)

    def _alongside(self, s: Sentence, at: int, leader: str | None, add) -> None:
        """"X travelled in his place, alongside Y and Z": those named after "alongside" travel too."""
        more = _ALONGSIDE.match(self.text, at, s.end)
        if more:
            items, _ = self._items(more.end(), s.end, first_gap_words=4, allow_comma_first=False)
            add(items, leader, True, "entourage.companion", 0.7)


    @staticmethod
    def _may_have_predicate(lowered: str, possessor: bool) -> bool:
        """Could any predicate :meth:`_subject_rule` reads follow the subject in this sentence?

        A cheap keyword test run first; it must let through every sentence a predicate matches.
        The sighting verbs count only with a possessor, which an apposition ("X, Duarte's aide,")
        may also give.
        """
        if _ABSENT_OR_COMPANION_WORD.search(lowered):
            return True
        return bool((possessor or "'s" in lowered or "’s" in lowered) and _SIGHTING_WORD.search(lowered))

    def bullet_lists(self):
        """Companions listed one a line under a lead-in ("The delegation includes:" / "- X, Foreign Minister")."""
        text = self.article.text
        for colon in _LINE_END_COLON.finditer(text):
            lead = _LEAD_IN.match(text, text.rfind("\n", 0, colon.start()) + 1, colon.end())
            if not lead:
                continue
            line = lead.group("line")
            present = not _ABSENT_LEAD_IN.search(line)
            leader = self.leader_before(lead.start("line"), lead.end("line"))
            blank = 0
            for lo, hi in _lines(text, lead.end() + 1):
                if not text[lo:hi].strip():
                    blank += 1
                    if blank > 1:
                        break  # one blank line may separate items; two end the list
                    continue
                blank = 0
                item = self._line_item(lo, hi)
                if item is None:
                    break  # a line that is not a member ends the list
                if self.keep(item, leader, present):
                    yield item, leader, present, Sentence(lo, hi, text[lo:hi], 0)

    def _line_item(self, lo: int, hi: int) -> _Item | None:
        """One list line: "- Name, role", "• Role Name", "Name — role", "Name (Role)"."""
        bullet = _BULLET.match(self.article.text, lo, hi)
        start = bullet.end() if bullet else lo
        m = self._first_name(start, hi)
        if m is None:
            return None
        ok, role = _role_gap(self.text[start : m.start - self._title_len(m)], False)
        if not ok:
            return None
        title = self._title_role(m)
        role = _clean_role(" ".join(x for x in (role, title) if x)) or role or (title or None)
        item = _Item(m.name, m.start, m.end, role)
        tail = self.text[m.end : hi].strip()
        if not tail or tail in ".;,":
            return item if (bullet or role) else None
        sep = re.match(r"[,:–—\-]+\s*|\(", tail)
        if not sep:
            return None
        body = tail[sep.end() :].rstrip(" .;,)")
        extra = _loose_role(body) if len(body.split()) <= 10 else None
        if extra is None:
            # "vice-chairman of the central committee and the chief negotiator with ...": the first role
            head = _ROLE_CLAUSE_END.split(body, maxsplit=1)[0]
            extra = _loose_role(head) if head != body and len(head.split()) <= 10 else None
        if extra is None:
            return item if bullet and _WHO_WHICH.match(body) else None
        item.role = item.role or extra
        return item


def extract(article: Article) -> list[EntourageMember]:
    finder = _Finder(article)
    facts: dict[str, EntourageMember] = {}
    found = [
        (s, hit) for s in article.content_sentences() for hit in finder.sentence(s)
    ] + [
        (s, (item, leader, present, "entourage.bullet", 0.8)) for item, leader, present, s in finder.bullet_lists()
    ]
    for s, (item, leader, present, rule, confidence) in found:
        if True:
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
