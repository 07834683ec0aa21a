"""Menu extractor: dishes served at a meal, one fact per dish per article.

Only sentences that talk about food being served are read, and only the
list a serving phrase introduces is split into dishes:

* "the leaders were treated with / were served / were offered A, B and C"
  (these need a meal, menu or course word nearby: "treated with bread and
  salt by tradition" is a welcome, not a meal);
* "guests dined on ...", "the menu / banquet / kitchen included, featured,
  offered, served ...", "guests began with ...";
* course subjects and phrases: "Starters were ...", "Dessert was ...", "The
  main course was ...", "a main course of ...", "For dessert, ...", "For the
  main dish, the chefs grilled ...";
* a passive subject list: "X was served for dessert", "Y were added to the menu";
* "the banquet opened with A and ended with B" (after a meal word), "the
  leaders ate A", "courses included ...", a colon list ("The menu: A; B; C").

A capital that only opens the sentence or the list is dropped ("Lentil
soup was served" -> "lentil soup") unless the word is a
demonym, is followed by another capitalised word, or is written capitalised
mid-sentence elsewhere in the article ("Mendoza lamb").

Lists are split at commas, "and", "along with", "followed by"; "X with Y
sauce" stays one dish, and "X with Y and Z" (or "X marinated in Y and Z") keeps
"and Z" inside the phrase when Z is short and has no "with" of its own; but "X
(local name) with Y (local name)" is two dishes. "the shanks" after "lamb shanks"
names a dish again and is no new dish. Appositions ("laksa,
a spicy noodle soup") are dropped; local names given in the text ("(or
goi du du in Vietnamese)", ", or mantou,") go to ``local_names``. The course
comes from course words, the meal from the sentence or, failing that, from
the meal last named in the same or the previous paragraph, or the meal of the
menu the previous paragraph described.

Menus set out line by line are read too: after a menu or meal word, a course
heading ("Starters", "Main course", "Course 2:") opens a block whose short
lines (bulleted or not) are one dish each, with that course. Also read: "a lunch
of A, B and C", "bonded over A and B", "had a choice of A or B", "Side dishes
included ...", "A were served up alongside B". "duck and fig salad" and "a salad
of duck, fig and pear" are one dish each; drinks offered with a dish are cut
off it; a quoted local name inside a dish ('Russian "khinkali" dumplings') goes to
``local_names``; a dish told again in more words is the same dish.

A local name in parentheses closes the dish it follows ("fish with dill (local
name) and rice" is two dishes; "soup of crab and leek (local name)" one). A
participle clause ", served hot in a pot with Y" brings Y as a side dish; a
category of food ("northern specialities", "local fare") is no dish. Right after
a menu sentence, "It was followed by X", "Then came X" and "X followed." go on
with the menu when X reads like a dish (a made-dish noun or a cooking participle).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import MenuItem
from ..read import Article, Sentence
from .common import evidence


_MEAL = re.compile(
    r"\b(?P<meal>(?:(?:state|working|official|welcom(?:e|ing)|farewell|gala|private|formal|lavish|closing|"
    r"opening|banquet|luncheon|dinner|evening|family-style)\s+)?"
    r"(?:reception|banquet|dinner|lunch|luncheon|breakfast|brunch|feast|supper))\b",
    re.I,
)
_COURSE_WORDS = (
    r"desserts?|starters?|appetizers?|appetisers?|hors\s+d['’]oeuvres|main\s+courses?|main\s+dish|"
    r"first\s+course|second\s+course|third\s+course|fish\s+course|meat\s+course|soup\s+course|entrées?|"
    r"entrees?|mains?"
)
# "for dessert", "as a starter", "for the main course"
_COURSE_AFTER = re.compile(rf"\s*,?\s*\b(?:for|as)\s+(?:the\s+|a\s+|an\s+)?(?P<course>{_COURSE_WORDS})\b", re.I)
# "For dessert, ..." opening a clause
_COURSE_LEAD = re.compile(rf"(?:^|[.;]\s+|,\s+)(?:for|as)\s+(?:the\s+)?(?P<course>{_COURSE_WORDS})\b", re.I)
_FOOD_CONTEXT = re.compile(
    rf"\b(?:menu|menus|dish|dishes|cuisine|delicac\w+|(?<!of\s)course|courses|chefs?|kitchen|restaurant|restaurants|canteen|eatery|meal|"
    rf"{_COURSE_WORDS})\b",
    re.I,
)

# What a cook does to the dishes of a course ("the chefs grilled", "the kitchen prepared").
_COOKING_VERBS = (
    r"grilled|roasted|prepared|cooked|baked|braised|steamed|fried|stir-fried|smoked|seared|poached|"
    r"made|created|presented|offered|plated|chose|picked|selected|whipped\s+up|dished\s+up|sent\s+out"
)
# Phrases that introduce a list of dishes. Group "course" (when present) is the list's course.
_STRONG_TRIGGERS = [
    re.compile(r"\b(?:dined|dine|dining|feasted|feast(?:ing)?|lunched|supped)\s+on\s+", re.I),
    re.compile(
        r"\b(?:menu|menus|banquet|dinner|lunch|luncheon|meal|reception|feast|spread|kitchen|chefs?|cooks?|"
        r"hosts?|table|courses|dishes)(?:\s*,[^,]{1,40},)?\s+(?:also\s+|then\s+|later\s+)?(?:included|includes|including|featured|features|"
        r"featuring|consisted\s+of|consists\s+of|comprised|offered|offers|served|serves|boasted|presented)\s+",
        re.I,
    ),
    re.compile(rf"\b(?P<course>{_COURSE_WORDS})\s+(?:was|were|is|are|included|includes|featured|features|"
               rf"consisted\s+of|comprised|offered)\s+(?:also\s+)?", re.I),
    re.compile(rf"\b(?:a|the|an)\s+(?P<course>{_COURSE_WORDS})\s+of\s+", re.I),
    re.compile(r"\bon\s+the\s+menu\s+(?:were|was|are|is)\s+", re.I),
    re.compile(r"\b(?P<course>side\s+dishes)\s+(?:were|are|included|includes|featured|consisted\s+of)\s+", re.I),
    # "chatting over a lunch of beef ribs, ...": a meal named by what was eaten
    re.compile(r"\b(?:a|an|the|their|its)\s+(?:[a-z]+\s+)?(?:lunch|luncheon|dinner|banquet|breakfast|supper|meal)\s+of\s+"
               r"(?!(?:state|honou?r|welcome|the|his|her|their|its|about|some)\b)", re.I),
    # "For the main dish, the chefs grilled ...": a course-led clause whose cook serves a list
    re.compile(
        rf"(?:^|[.;]\s+)(?:for|as)\s+(?:the\s+|a\s+|an\s+)?(?P<course>{_COURSE_WORDS})\s*,?\s+"
        rf"(?:(?!(?:was|were|is|are)\b)[\w'’.-]+\s+){{1,4}}?(?:{_COOKING_VERBS})\s+",
        re.I,
    ),
]
# "The menu: A; B; C" / "On the menu: ..." — a colon list, read to the end of the sentence.
_COLON_LIST = re.compile(
    r"\b(?:menu|menus|courses|dishes|dinner\s+menu|banquet\s+menu)(?:\s+(?:included|was|were|featured))?\s*:\s+",
    re.I,
)
# "lunch began Tuesday with ...": a weekday may sit between the verb and its "with".
_WEEKDAY = r"(?:(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
# These need a meal, menu or course word in the sentence (or a menu sentence just before).
_WEAK_TRIGGERS = [
    re.compile(r"\b(?:were|was|been|being|are|is|get|got)\s+(?:also\s+|then\s+|later\s+)?"
               r"(?:treated\s+(?:with|to)|served|offered|regaled\s+with)\s+", re.I),
    # "began with", "ended with" (see _ENDED_WITH_SUBJECT), "ate"; the lookahead on first
    # letters rejects most positions at once
    re.compile(
        r"\b(?=[bsokefcrwa])(?:(?:began|begun|started|opened|kicked\s+off|ended|finished|closed|concluded|"
        rf"rounded\s+off|wrapped\s+up)\s+{_WEEKDAY}with\s+"
        r"|(?:ate|eaten)\s+(?!(?:at|in|on|with|together|alone|outside|well|little|nothing|lightly)\b))",
        re.I,
    ),
    # "the two bonded over X", "had a choice of X or Y", "were served up alongside Y"
    re.compile(r"\b(?:bonded|chatted|chatting|talked|bonding)\s+over\s+(?!(?:a|an|the|their|his|her)\s)", re.I),
    re.compile(r"\b(?:had|have|has|were\s+given|was\s+given|got)\s+(?:a\s+)?choice\s+(?:of|between)\s+", re.I),
    re.compile(r"\b(?:was|were)\s+served\s+(?:up\s+)?alongside\s+(?!(?:the|their|his|her)\b)", re.I),
]
# "ended with" reads a menu only after a meal word in the same clause, so that "the
# talks ended with a joint statement ... at the dinner" is no menu.
_ENDED_WITH = re.compile(rf"\b(?:ended|finished|closed|concluded|rounded\s+off|wrapped\s+up)\s+{_WEEKDAY}with\s+$", re.I)
_ENDED_WITH_SUBJECT = re.compile(
    r"\b(?:meal|dinner|banquet|lunch|luncheon|feast|menu|reception|breakfast|supper)\b[^.;:]{0,80}$", re.I
)
_STARTER_VERBS = re.compile(rf"\b(?:began|begun|started|opened|kicked\s+off)\s+{_WEEKDAY}with\s+$", re.I)
# A subject list before a serving verb: "Mango sticky rice was served for dessert".
_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are)\s+(?:also\s+|then\s+|later\s+)?(?:served|added\s+to\s+the\s+menu|"
    r"on\s+the\s+menu|dished\s+up)\b",
    re.I,
)

# "Cold noodles were added as a nod to the guest": in a paragraph that already lists dishes,
# an added thing is one more dish (not "added to the agenda").
_PASSIVE_ADDED = re.compile(
    r"\s+(?:was|were)\s+(?:also\s+)?added\b(?!\s+to\s+(?:the\s+|its\s+|their\s+)?(?:list|agenda|schedule|"
    r"programme|program|itinerary|talks|statement|declaration))",
    re.I,
)
# A course told in a sentence of its own right after a menu sentence: "It was followed by X",
# "Then came X", "A light soup of X followed." (read only next to a menu, see _continuation_regions).
_FOLLOWED_BY = re.compile(
    r"^\s*(?:(?:it|this|that|these|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:was|were)\s+(?:then\s+|later\s+)?"
    r"followed\s+by|(?:then|next|after\s+that|afterwards)\s*,?\s+came)\s+",
    re.I,
)
_SUBJECT_FOLLOWED = re.compile(r"\s+(?:followed|came\s+next)\s*[.!]?\s*$", re.I)
# Diners opening a sentence with a serving verb ("Guests started with ..."): a menu
# when a meal was named earlier in the same paragraph.
_DINERS_OPEN = re.compile(
    r"^\s*(?:the\s+|both\s+)?(?:guests|diners|delegates|delegations|visitors|leaders|they)\s+"
    r"(?:then\s+|later\s+|first\s+|also\s+)?(?:started|began|ate|dined|feasted|were\s+(?:served|treated|offered))\b",
    re.I,
)

# Where a list of dishes stops.
_LIST_END = re.compile(
    r"\s*(?:;|:|\.(?:\s|$)|,?\s+according\s+to\b|,\s+(?:[\w.'’\-]+\s+){0,5}?(?:said|says|reported|reports|told|added|noted|wrote|showed)\b|\s+as\s+a\s+gesture\b|"
    r",?\s+(?:while|whereas|when|where|which|after|before|during|since|because|although|though)\b|"
    # ", prepared by North Korean and Western chefs": who made the meal, not a dish
    r",\s+(?:prepared|cooked|made|created|designed|devised|supplied|provided)\s+by\b|"
    r",\s+and\s+(?:the\s+)?(?:" + _COURSE_WORDS + r")\s+(?:was|were)\b|\s+at\s+the\b|\s+in\s+the\b|"
    r"\s+on\s+(?:the\s+)?(?:\w+\s+)?(?:night|evening|afternoon|morning|day)\b|\s+—|\s+--|\s*\"|\s*“|\s*”|"
    # "... and kimchi and toasted with champagne": a new verb phrase, not a dish
    r",?\s+and\s+(?:then\s+|later\s+)?[a-z]+ed\s+(?:with|to|at|in|on|over|for|the|a|an)\b)",
    re.I,
)
# Separators between dishes; "followed by" also opens the next course, and ", served with"
# / ", paired with" bring what came with the dish ("X, served with a Y wine").
_SEPARATOR = re.compile(r"\x01+|,\s+(?:served|accompanied|paired|washed\s+down)\s+(?:[a-z-]+\s+){0,6}?(?:with|by|alongside)\s+|,?\s+and,\s+|,?\s+(?:along\s+with|together\s+with|as\s+well\s+as|followed\s+by|plus|and)\s+|,\s+"
                        # "a choice of X or an entrecote": "or" before an article opens another dish
                        r"|\s+or\s+(?=(?:a|an|the)\s)", re.I)
# " with " between a masked local-name parenthesis and another one (see _split).
_NAMED_WITH_NAMED = re.compile(r"(?<=\x00)\s+with\s+(?=[^\x00,;]{1,60}\x00)")
# Fixed food pairs that are one dish word, not two dishes.
_BINOMIALS = re.compile(r"\b(?:sweet|hot)\s+and\s+(?:sour|spicy)\b|\bsalt\s+and\s+pepper\b|\bsurf\s+and\s+turf\b|"
                        r"\bfish\s+and\s+chips\b|\bbread\s+and\s+butter\b|\bmac(?:aroni)?\s+and\s+cheese\b", re.I)
# Nouns naming a made dish: "duck and fig salad" is one dish, "a salad of duck, fig and
# nectarine" one dish with its ingredients.
_DISH_FORMS = (r"salads?|soups?|pies?|tarts?|tartlets?|stews?|curry|curries|broth|risotto|dumplings|pancakes?|"
               r"sandwich(?:es)?|terrine|gratin|skewers|rolls|cakes?|noodles|omelet(?:te)?s?|fritters|croquettes|"
               r"ragout|casserole|pâté|pate|tartare|carpaccio|kebabs?|buns|parfait|compote|crumble|sorbet")
_INGREDIENT_PAIR = re.compile(rf"(?:^|,\s+|\b(?:including|included|featuring|featured|of|and|a|an)\s+)"
                              rf"(?!(?:a|an|the|and|with|of)\b)[a-z]+(?P<and>\s+and\s+)[a-z]+(?:\s+[a-z]+)?\s+(?:{_DISH_FORMS})\b")
_DISH_OF = re.compile(rf"\b(?:{_DISH_FORMS})\s+of\s+[a-z]+(?:\s+[a-z]+)?(?:,\s+[a-z]+(?:\s+[a-z]+)?)*$", re.I)
# Without a meal word of its own such a sentence names dishes only if it reads like one:
# a made-dish noun ("soup of crab") or a cooking participle ("stir-fried greens").
_DISH_LIKE = re.compile(
    rf"\b(?:{_DISH_FORMS}|grilled|roasted|roast|fried|stir-fried|steamed|braised|baked|smoked|poached|seared|"
    rf"stewed|pickled|marinated|glazed|stuffed|cured)\b",
    re.I,
)

# Drinks offered with a dish are no part of it: "beef with a choice of red wines".
_DRINKS_TAIL = re.compile(
    r"\s+(?:with|and)\s+(?:a\s+(?:choice|selection)\s+of\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:wines?|vodka|champagne|beers?|sake|soju|liquor|spirits|cocktails|drinks|brandy|cognac|whisky|whiskey)$",
    re.I,
)
# '"khinkali" dumplings': a quoted local name inside a dish, followed by the dish's own words.
_INLINE_QUOTED = re.compile(r"[\"“](?P<name>[^\"“”\n]{1,30})[\"”](?=\s+[a-z])")
# "(or goi cuon in Vietnamese)", "(known locally as bun cha)", "(pho)"
_PAREN = re.compile(r"\s*\(([^()]{1,60})\)")
_LOCAL_IN_PAREN = re.compile(
    r"^(?:or\s+|also\s+|known\s+(?:locally\s+)?as\s+|called\s+|locally\s+)?(?P<name>[\w'’\-]+(?:\s+[\w'’\-]+){0,2}?)"
    r"(?:\s+in\s+[A-Z][a-z]+)?$"
)
_LEADING = re.compile(
    r"^(?:(?:and|or|with|plus|then|also|finally|a|an|the|some|its|their|his|her|our|several|various|"
    r"signature|famous|trademark|celebrated|renowned|assorted|a\s+selection\s+of|a\s+choice\s+of|"
    r"dishes\s+such\s+as|such\s+as|including|two|three|four|five|many|other|sides?\s+(?:dishes\s+|dish\s+)?of)\s+)+",
    re.I,
)
_NOT_DISH_WORDS = frozenset("""
    was were is are be been had has have will would said says told reported reports added noted he she they we it its their them
    guests leaders delegation delegations president minister visitors people who that
    speech speeches statement statements handshake signing performance concert song songs dance
    remarks address ceremony visit discussion discussions talks photo photos music show gifts gift
    agreement deal mix variety range array fusion blend success what which why how whose
""".split())
# Prepositions and infinitives that dishes do not carry ("a seat next to the queen", "a chance to talk").
_NOT_DISH_PHRASE = re.compile(r"\b(?:next\s+to|to\s+(?:the|a|an|[a-z]+\b(?!\s+(?:taste|share)))|for\s+the|near|beside|"
                              r"between|among|about|chance|opportunity)\b", re.I)
# Words that name a kind of food, not one dish: "a banquet of northern specialities".
_CATEGORY_HEADS = frozenset("""
    specialities specialties speciality specialty delicacies delicacy dishes fare cuisine cuisines food foods
""".split())
_GENERIC_FOOD = frozenset("""
    food foods dish dishes meal meals menu drinks refreshments delicacies cuisine fare courses course
    lunch dinner banquet reception breakfast snacks treats specialties specialities
""".split())


@dataclass
class _Dish:
    start: int  # absolute span of the dish as written
    end: int
    dish: str
    course: str | None
    local_names: list[str] = field(default_factory=list)


def _course_name(word: str | None) -> str | None:
    if not word:
        return None
    low = " ".join(word.lower().split())
    if low.startswith(("dessert",)):
        return "dessert"
    if low.startswith(("starter", "appetizer", "appetiser", "hors")):
        return "starter"
    if low.startswith(("main", "entrée", "entree")):
        return "main course"
    if low.startswith("side"):
        return "side dish"
    return low.rstrip("s") if low.endswith("courses") else low


_MEAL_NOUNS = re.compile(r"reception|banquet|dinner|lunch|breakfast|brunch|feast|supper", re.I)


def _meal_name(text: str) -> str | None:
    if not _MEAL_NOUNS.search(text):
        return None  # no meal noun at all: the full pattern cannot match
    found = _MEAL.search(text)
    return " ".join(found.group("meal").lower().split()) if found else None


def _list_regions(text: str, strong_only: bool) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, course, starter_verb) of each list a trigger introduces in ``text``."""
    starts: list[tuple[int, int, str | None]] = []
    triggers = _STRONG_TRIGGERS if strong_only else _STRONG_TRIGGERS + _WEAK_TRIGGERS
    for pattern in triggers:
        for match in pattern.finditer(text):
            course = match.groupdict().get("course")
            starts.append((match.start(), match.end(), course))
    starts.sort(key=lambda t: (t[0], -t[1]))  # at one position the longer phrase wins
    # drop a trigger that sits inside another's phrase ("lunch featured" after "dined on")
    merged: list[tuple[int, int, str | None]] = []
    for item in starts:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    # a quoted local name inside a dish ('"khinkali" dumplings') does not end the list as a quote would
    searched = _INLINE_QUOTED.sub(lambda m: "\x02" + m.group("name") + "\x02", text) if '"' in text or "“" in text else text
    regions = []
    for i, (t_start, t_end, course) in enumerate(merged):
        limit = merged[i + 1][0] if i + 1 < len(merged) else len(text)
        if _ENDED_WITH.search(text, t_start, t_end) and not _ENDED_WITH_SUBJECT.search(text, 0, t_start):
            continue
        end_match = _LIST_END.search(searched, t_end, limit)
        end = end_match.start() if end_match else limit
        if re.match(r"\s*(?:at|in|on|during|for|to|by|after|before|alongside|beside|next\s+to)\b",
                    text[t_end:end], re.I) and not _COURSE_AFTER.match(text, t_end):
            continue  # "were served at the dinner", "offered alongside the shanks": no list follows the verb
        # a following trigger's own subject ("and dessert was") is not a dish
        regions.append((t_end, end, course, bool(_STARTER_VERBS.search(text[: t_end]))))
    return regions


def _continuation_regions(text: str) -> list[tuple[int, int, str | None]]:
    """Lists of a sentence that goes on with the menu just told ("It was followed by X")."""
    regions = []
    lead = _FOLLOWED_BY.match(text)
    if lead:
        end_match = _LIST_END.search(text, lead.end())
        regions.append((lead.end(), end_match.start() if end_match else len(text), None))
    tail = _SUBJECT_FOLLOWED.search(text)
    if tail and not lead:
        regions.append((0, tail.start(), None))
    return [r for r in regions if _DISH_LIKE.search(text, r[0], r[1])]


def _passive_regions(text: str, pattern: re.Pattern = _PASSIVE) -> list[tuple[int, int, str | None]]:
    regions = []
    for match in pattern.finditer(text):
        clause_start = max(text.rfind(c, 0, match.start()) for c in (";", ":", ". ", ", "))
        clause_start = 0 if clause_start < 0 else clause_start + (2 if text[clause_start] in ",." else 1)
        # "Western favourites including A and B were served": the list follows "including"
        named = list(re.finditer(r"\b(?:including|such\s+as)\s+", text[clause_start : match.start()], re.I))
        if named:
            clause_start += named[-1].end()
        after = _COURSE_AFTER.match(text, match.end())
        regions.append((clause_start, match.start(), after.group("course") if after else None))
    return regions


def _split(text: str, start: int, end: int) -> list[tuple[int, int, str | None, list[str], bool]]:
    """Dish pieces of text[start:end]: (start, end, course, local names, after_comma_only)."""
    # hide parentheses and binomials from the separator
    masked = list(text[start:end])
    locals_at: list[tuple[int, list[str]]] = []
    for paren in _PAREN.finditer(text, start, end):
        inner = paren.group(1).strip()
        local = _LOCAL_IN_PAREN.match(inner)
        names = [local.group("name")] if local and (inner.lower().startswith(("or ", "known", "called", "also"))
                                                   or re.search(r"\sin\s+[A-Z]", inner)
                                                   or len(inner.split()) == 1) else []
        locals_at.append((paren.start(), names))
        for k in range(paren.start() - start, paren.end() - start):
            masked[k] = "\x00"
    for pair in _BINOMIALS.finditer(text, start, end):
        for k in range(pair.start() - start, pair.end() - start):
            if masked[k] == " ":
                masked[k] = "_"
    for pair in _INGREDIENT_PAIR.finditer(text[start:end]):  # "duck and fig salad"
        for k in range(pair.start("and"), pair.end("and")):
            if masked[k] == " ":
                masked[k] = "_"
    flat = "".join(masked)
    # "barley tea (boricha) with sesame crackers (gangjeong)": when both sides of the
    # "with" carry their own local name, they are two dishes, not one dish and its garnish
    flat = _NAMED_WITH_NAMED.sub(lambda m: "\x01" * len(m.group()), flat)
    pieces: list[list] = []
    pos = 0
    last_sep = None
    for sep in _SEPARATOR.finditer(flat):
        pieces.append([pos, sep.start(), last_sep])
        last_sep = sep.group(0)
        pos = sep.end()
    pieces.append([pos, len(flat), last_sep])
    # ", or mantou," after a dish is its local name
    result: list[list] = []
    for p_start, p_end, sep in pieces:
        piece = text[start + p_start : start + p_end]
        # a local name in parentheses closes the dish it follows: "dill (local name)" is
        # measured as "dill", and nothing joins a dish whose local name was given
        bare = " ".join(_PAREN.sub(" ", piece).split())
        closed = bool(result) and flat[result[-1][0] : result[-1][1]].rstrip().endswith("\x00")
        local_or = re.match(r"^or\s+(?P<name>[\w'’\-]+(?:\s+[\w'’\-]+)?)\s*$", piece)
        if result and local_or:
            result[-1][3].append(local_or.group("name"))
            continue
        # "X with Y and Z", "X marinated in Y and Z": a short Z without its own "with"
        # belongs to the with- or participle phrase
        if (result and not closed and sep and re.fullmatch(r"\s+and\s+", sep)
                and _MODIFIER_PHRASE.search(text, start + result[-1][0], start + result[-1][1])
                and " with " not in bare and len(bare.split()) <= 3
                and not re.match(r"(?:a|an|the|some)\s", bare, re.I)):
            result[-1][1] = p_end
            continue
        # "a salad of duck, fig and nectarine": bare words after "<dish> of" are its ingredients
        if (result and not closed and sep and re.fullmatch(r",?\s+and\s+|,\s+", sep)
                and _DISH_OF.search(text, start + result[-1][0], start + result[-1][1])
                and len(bare.split()) <= 2 and re.fullmatch(r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?", bare)):
            result[-1][1] = p_end
            continue
        result.append([p_start, p_end, sep, []])
    out = []
    for p_start, p_end, sep, names in result:
        a, b = start + p_start, start + p_end
        for at, paren_names in locals_at:
            if a <= at <= b:
                names = names + paren_names
                b = min(b, at) if at >= a else b
        comma_only = sep is not None and sep.strip() == ","
        out.append((a, b, None, names, comma_only))
    return out


# A phrase inside a dish that can take an "and": "with Y", "marinated in Y", "topped with Y".
_MODIFIER_PHRASE = re.compile(r"\swith\s|\s[a-z]+ed\s+(?:in|with|on|over|under)\s")

_BAD = (-1, -1, None)  # a piece that is no food at all: the whole list is not a menu


def _clean_dish(text: str, a: int, b: int) -> tuple[int, int, str | None] | None:
    """Trim a piece to the dish words: (start, end, course found in it), None (empty) or _BAD."""
    piece = text[a:b]
    course = None
    tail = re.search(rf"(?:^|\s*,?\s+)(?:for|as)\s+(?:the\s+|a\s+|an\s+)?(?P<course>{_COURSE_WORDS})\s*$", piece, re.I)
    if tail:
        course = tail.group("course")
        piece = piece[: tail.start()]
    lead = re.match(r"^\s*", piece)
    a += lead.end()
    piece = piece[lead.end():]
    leading = _LEADING.match(piece)
    if leading:
        a += leading.end()
        piece = piece[leading.end():]
    piece = re.sub(r"(?:\s+(?:and|or|with))+\s*$", "", piece.rstrip(" ,.;:")).rstrip(" ,.;:")
    drinks = _DRINKS_TAIL.search(piece)
    if drinks and drinks.start() > 0:
        piece = piece[: drinks.start()]
    b = a + len(piece)
    words = piece.split()
    if not words:
        return None
    low = [w.lower().strip(",.") for w in words]
    if len(words) > 10 or any(w in _NOT_DISH_WORDS for w in low) or _NOT_DISH_PHRASE.search(piece):
        return _BAD
    if all(w in _GENERIC_FOOD for w in low) or _is_category(low):
        return None
    if low[0] == "served":
        return None  # ", served warm": how a dish came, not another dish
    if not re.search(r"[a-z]", piece) or re.match(r"^\d", piece):
        return None
    return a, b, course


def _is_category(low: list[str]) -> bool:
    """ "northern specialities", "traditional Korean fare": a category word after a few
    modifiers names a kind of food, while "a platter of nine delicacies" is one served thing."""
    return low[-1] in _CATEGORY_HEADS and len(low) <= 4 and not {"of", "with"} & set(low)


def _quoted_local_names(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """ 'Russian "khinkali" dumplings': the quoted word is a local name, and a lone
    nationality before it only says where the name comes from (the dish starts at it)."""
    names = []
    for m in _INLINE_QUOTED.finditer(text, start, end):
        names.append(m.group("name").strip())
        before = text[start : m.start()].strip()
        if not before or (_DEMONYM_SHAPE.fullmatch(before) or before in _DEMONYMS_IRREGULAR):
            start = m.start()
    return start, names


def _dishes(text: str, start: int, end: int, course: str | None) -> list[_Dish]:
    found: list[_Dish] = []
    previous_comma_only = False
    after_course = False
    for a, b, _, names, comma_only in _split(text, start, end):
        raw = text[a:b].strip()
        inline = re.fullmatch(rf"(?:and\s+|then\s+)?(?:for|as)\s+(?:the\s+|a\s+)?(?P<course>{_COURSE_WORDS})", raw, re.I)
        if inline:
            course = inline.group("course")  # "..., and, for dessert, a pistachio souffle"
            after_course = True
            continue
        if comma_only and found and not after_course and re.match(r"^(?:a|an)\s", raw, re.I):
            continue  # "laksa, a spicy noodle soup": says what the dish before is
        if comma_only and previous_comma_only and len(found) >= 2 and re.match(r"^with\s", raw, re.I):
            found.pop()  # "durian, a sticky rice cake, with coconut cream": the middle was an apposition
        previous_comma_only = comma_only
        after_course = False
        cleaned = _clean_dish(text, a, b)
        if cleaned is _BAD:
            return []
        if cleaned is None:
            continue
        d_start, d_end, own_course = cleaned
        d_start, quoted = _quoted_local_names(text, d_start, d_end)
        dish = " ".join(re.sub(r"[\"“”]", "", text[d_start:d_end]).split())
        found.append(_Dish(d_start, d_end, dish, _course_name(own_course or course), names + quoted))
    return found


# --- menus set out line by line under course headings ---------------------------------

_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "6": "sixth",
             "7": "seventh", "8": "eighth", "one": "first", "two": "second", "three": "third",
             "four": "fourth", "five": "fifth", "six": "sixth"}
# A line that only names a course: "Starters", "Main course", "Desserts:", "Course 2:".
_COURSE_HEADING = re.compile(
    rf"^\s*(?:(?P<course>{_COURSE_WORDS}|side\s+dishes|sides|soups?|salads?)"
    rf"|course\s+(?P<num>[1-8]|one|two|three|four|five|six))\s*:?\s*$",
    re.I,
)
# A menu or a meal named just before the headings makes the lines under them dishes.
_MENU_WORD = re.compile(r"\b(?:menus?|dishes|courses)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-–•*·]|\d+[.)])\s*")
# What a menu line adds after the dish: ", served with ...", ", wrapped in ...", "... on the side".
_LINE_TAIL = re.compile(r",\s+(?:served|[a-z]+ed)\s+(?:in|with|on|over|under|by|as|warm|cold|hot)\b.*$"
                        r"|\s+on\s+the\s+side\b.*$", re.I)
_QUOTED_NAME = re.compile(r"[\"“]([^\"“”]{1,30})[\"”]\s*")
_BRACKET_GLOSS = re.compile(r"\s*\[[^\]]*\]?\s*$")
# A menu line is short and says nothing: no verb of a reporter or of a sentence about people.
_NOT_MENU_LINE = re.compile(r"\b(?:said|says|told|reported|was|were|is|are|has|have|had|will|would|he|she|they|we|i)\b",
                            re.I)


def _heading_course(line: str) -> str | None:
    m = _COURSE_HEADING.match(line)
    if not m:
        return None
    if m.group("num"):
        return f"{_ORDINALS[m.group('num').lower()]} course"
    course = " ".join(m.group("course").lower().split())
    if course in ("side dishes", "sides"):
        return "side dish"
    return _course_name(course)


def _menu_line_dishes(line: str, at: int, course: str | None) -> list[_Dish] | None:
    """ "Combination of A and B" on a menu line serves two dishes; any other line one."""
    combined = re.match(r"^(\s*(?:[-–•*·]\s*)?combination\s+of\s+)(.+?)(\s+and\s+)(.+)$", line, re.I)
    if not combined:
        dish = _menu_line_dish(line, at, course)
        return [dish] if dish else None
    first_at = at + len(combined.group(1))
    second_at = first_at + len(combined.group(2)) + len(combined.group(3))
    parts = [_menu_line_dish(combined.group(2), first_at, course), _menu_line_dish(combined.group(4), second_at, course)]
    return parts if all(parts) else None


def _menu_line_dish(line: str, at: int, course: str | None) -> _Dish | None:
    """The dish a menu line names ("- Roast lamb with mint, served with peas" -> roast lamb with mint)."""
    bullet = _BULLET.match(line)
    start = bullet.end() if bullet else 0
    body = line[start:]
    body = _BRACKET_GLOSS.sub("", body)
    body = _LINE_TAIL.sub("", body).rstrip(" ,.;:")
    names = [m.group(1).strip() for m in _QUOTED_NAME.finditer(body)]
    leading = _QUOTED_NAME.match(body)
    if leading:  # '"Sundubu" Soft tofu stew': the quoted lead is the local name
        start += leading.end()
        body = body[leading.end():]
    trailing = re.search(r"\s*[\"“][^\"“”]{1,30}[\"”]$", body)
    if trailing:  # 'Grilled perch "ca ro"': the quoted tail is the local name
        body = body[: trailing.start()]
    dish = " ".join(re.sub(r"[\"“”]", "", body).split())
    dish = re.sub(r"^(?:an?|the|combination\s+of)\s+", "", dish, flags=re.I)
    words = dish.split()
    if not words or len(words) > 25 or _NOT_MENU_LINE.search(dish) or not re.search(r"[a-z]", dish):
        return None
    return _Dish(at + start, at + start + len(body), dish, course, names)


@dataclass
class _Block:
    """A run of menu lines under course headings; open while its lines look like dishes."""
    course: str | None = None
    open: bool = False
    meal: str | None = None


def _block_dishes(sentence: Sentence, block: _Block, menu_before: bool, meal: str | None) -> list[_Dish] | None:
    """Dishes of a sentence inside (or opening) a course-heading block; None when it is prose."""
    if not block.open and sentence.reason != "heading" and "\n" not in sentence.text:
        return None  # ordinary prose: no heading can open a block here
    found: list[_Dish] = []
    pos = 0
    for line in sentence.text.split("\n"):
        at, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        course = _heading_course(line)
        if course and (block.open or menu_before):
            if not block.open:
                block.meal = meal
            block.course, block.open = course, True
            continue
        if not block.open or sentence.boilerplate:
            block.open = False
            return None
        dishes = _menu_line_dishes(line, at, block.course)
        if dishes is None:
            block.open = False
            return found or None
        found.extend(dishes)
    return found if block.open or found else None


# Any word a menu sentence needs; other sentences are skipped at once.
# (The lookahead lists the cue words' first letters so most words fail at once.)
_ANY_CUE = re.compile(
    rf"\b(?=[abcdefhklmorst])(?:menu|menus|dishes|bonded|choice|din(?:e|ed|ing)|feast\w*|lunched|supped|served|treated|offered|regaled|began|begun|"
    rf"started|opened|kicked|course|courses|{_COURSE_WORDS}|banquet|dinner|lunch|luncheon|reception|kitchen|"
    rf"chefs?|cooks?|hosts?|table|meal|spread)\b",
    re.I,
)


# The words a cue of _ANY_CUE starts with (and "feast..."). Looking the sentence's
# words up in a set rules out most sentences faster than the regex can.
_CUE_FIRST_WORDS = frozenset(
    """menu menus dine dined dining lunched supped served treated offered regaled began begun
    started opened kicked course courses dessert desserts starter starters appetizer appetizers
    appetiser appetisers hors main mains entrée entrées entree entrees first second third fish meat
    soup banquet dinner lunch luncheon reception kitchen chef chefs cook cooks host hosts table
    meal spread dishes bonded choice""".split()
)
_WORD = re.compile(r"\w+")


# First words that only count with the next word ("first course", "hors d'oeuvres"); "course"
# is a cue of its own, so only "hors" needs the full pattern.
_CUE_WORDS_ALONE = _CUE_FIRST_WORDS - {"first", "second", "third", "fish", "meat", "soup", "hors"}


def _may_be_menu(text: str) -> bool:
    """Whether the sentence holds any word a menu sentence needs (_ANY_CUE).

    A word that is a cue on its own settles it without the slower pattern."""
    low = text.lower()
    words = set(_WORD.findall(low))
    if not _CUE_WORDS_ALONE.isdisjoint(words):
        return True
    if "hors" not in words and "feast" not in low:
        return False
    return _ANY_CUE.search(text) is not None


def extract(article: Article) -> list[MenuItem]:
    """Menu items of one article; repeat mentions of a dish become more evidence."""
    facts: dict[str, MenuItem] = {}
    last_meal: tuple[str, int] | None = None  # (meal, paragraph)
    last_menu_paragraph: int | None = None
    last_menu_meal: str | None = None
    block = _Block()
    menu_word_paragraph: int | None = None  # last paragraph naming a menu or a meal
    for sentence in article.sentences:
        text = sentence.text
        if sentence.boilerplate and sentence.reason != "heading":
            block.open = False
            continue
        menu_before = menu_word_paragraph is not None and sentence.paragraph - menu_word_paragraph <= 2
        lines = _block_dishes(sentence, block, menu_before,
                              last_meal[0] if last_meal and sentence.paragraph - last_meal[1] <= 3 else None)
        if lines is not None:
            for dish in lines:
                dish.dish = _keep_name_capital(article.text, dish.dish)
                _add(article, sentence, facts, dish, block.meal)
            continue
        if sentence.boilerplate:
            continue
        added_here = last_menu_paragraph == sentence.paragraph and " added" in text
        near_menu = last_menu_paragraph is not None and sentence.paragraph - last_menu_paragraph <= 1
        goes_on = near_menu and ("followed" in text or " came" in text)
        if not added_here and not goes_on and not _may_be_menu(text):
            continue
        meal_here = _meal_name(text)
        if meal_here or _MENU_WORD.search(text):
            menu_word_paragraph = sentence.paragraph
        if meal_here:
            last_meal = (meal_here, sentence.paragraph)
        meal_in_paragraph = last_meal is not None and last_meal[1] == sentence.paragraph
        context = bool(meal_here or _FOOD_CONTEXT.search(text) or near_menu
                       or (meal_in_paragraph and _DINERS_OPEN.match(text))
                       or _MENU_WORD.search(article.paragraph_text(sentence.paragraph)))
        lead = _COURSE_LEAD.search(text)
        regions = [(s, e, c or (lead.group("course") if lead and lead.end() <= s else None),
                    "starter" if starter else None)
                   for s, e, c, starter in _list_regions(text, strong_only=not context)]
        if context:
            regions += [(s, e, c, None) for s, e, c in _passive_regions(text)]
        if added_here:
            regions += [(s, e, c, None) for s, e, c in _passive_regions(text, _PASSIVE_ADDED)]
        if goes_on:
            regions += [(s, e, c, None) for s, e, c in _continuation_regions(text)
                        if not any(r[0] < e and s < r[1] for r in regions)]
        dishes: list[_Dish] = _colon_list(text)
        if dishes:
            regions = [r for r in regions if not any(d.start < r[1] and r[0] < d.end for d in dishes)]
        for r_start, r_end, course, fallback in sorted(regions):
            if any(d.start < r_end and r_start < d.end for d in dishes):
                continue
            dishes += _dishes(text, r_start, r_end, course or fallback)
        if not dishes:
            continue
        meal = meal_here
        if meal is None and last_meal and sentence.paragraph - last_meal[1] <= 1:
            meal = last_meal[0]
        if meal is None and near_menu:
            meal = last_menu_meal  # the menu of one meal goes on over the next paragraphs
        last_menu_paragraph, last_menu_meal = sentence.paragraph, meal
        for dish in dishes:
            if _refers_back(text, dish, facts):
                continue
            dish.dish = _sentence_case(article.text, text, dish)
            _add(article, sentence, facts, dish, meal)
    return list(facts.values())


def _refers_back(text: str, dish: _Dish, facts: dict[str, MenuItem]) -> bool:
    """ "the shanks" after "braised lamb shanks": a dish named again, not a new dish."""
    if not re.search(r"\bthe\s+$", text[: dish.start], re.I):
        return False
    words = dish.dish.lower().split()
    return any(fact.dish.lower().split()[-1] == words[-1] and len(fact.dish.split()) > len(words)
               for fact in facts.values())


def _colon_list(text: str) -> list[_Dish]:
    """ "The menu: lobster bisque; beef Wellington; and chocolate fondant." """
    cue = _COLON_LIST.search(text) if ":" in text else None
    if not cue:
        return []
    end = len(text.rstrip().rstrip("."))
    if ";" not in text[cue.end():end]:
        return _dishes(text, cue.end(), end, None)
    found = []
    pos = cue.end()
    for part in re.finditer(r"[^;]+", text[cue.end():end]):
        a, b = cue.end() + part.start(), cue.end() + part.end()
        cleaned = _clean_dish(text, a, b)
        if cleaned is _BAD:
            return []
        if cleaned is None:
            continue
        d_start, d_end, course = cleaned
        found.append(_Dish(d_start, d_end, " ".join(text[d_start:d_end].split()), _course_name(course)))
        pos = b
    return found


_DEMONYM_SHAPE = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ic|i)$")
_DEMONYMS_IRREGULAR = frozenset("French Dutch Swiss Greek Thai Welsh Scotch Irish Basque Cajun Creole".split())
_CLAUSE_OPEN = re.compile(r"(?:^|[:;.!?]\s*|^\s*(?:for|as)\s+(?:the\s+)?[\w ]{1,20},\s*)$", re.I)


def _sentence_case(article_text: str, text: str, dish: _Dish) -> str:
    """Lower-case a capital that only opens the sentence ("Lentil soup was served").

    The capital stays when the word is a proper name: a demonym ("Korean
    barbecue"), a capitalised word after it ("Taedong River mullet"), or the
    same word written capitalised mid-sentence elsewhere in the article
    ("Mendoza lamb" when Mendoza is named elsewhere).
    """
    name = dish.dish
    if not _CLAUSE_OPEN.search(text[: dish.start]):
        return name
    return _keep_name_capital(article_text, name)


def _keep_name_capital(article_text: str, name: str) -> str:
    """Lower-case the opening capital of a dish unless it belongs to a name (see _sentence_case)."""
    first = name.split()[0]
    if not first[:1].isupper() or first.isupper() or re.search(r"[a-z][A-Z]|-[A-Z]", first):
        return name  # "XO", "McDonald", "Haagen-Dazs": written so on purpose
    words = name.split()
    if _DEMONYM_SHAPE.match(first) or first in _DEMONYMS_IRREGULAR:
        return name
    if len(words) > 1 and words[1][:1].isupper():
        return name
    if first.endswith("-style"):
        return name  # "Sichuan-style": named after a place
    if re.search(rf"[\w,]\s+{re.escape(first)}\b", article_text):
        return name  # capitalised after another word: a name
    return name[0].lower() + name[1:]


_FILLER = frozenset("a an the and of with made in from or".split())


def _restated(facts: dict[str, MenuItem], dish: str) -> MenuItem | None:
    """ "a salad of duck, fig and pear" after "duck and fig salad", "khinkali made with lamb"
    after "lamb khinkali": a dish told again in more words (every word of the first
    mention, two at least, is in the new one)."""
    words = {w.strip(",.").lower() for w in dish.replace("-", " ").split()}
    for fact in facts.values():
        known = [w.strip(",.").lower() for w in fact.dish.replace("-", " ").split()]
        content = {w for w in known if w not in _FILLER}
        if len(content) >= 2 and content <= words:
            return fact
    return None


def _add(article: Article, sentence: Sentence, facts: dict[str, MenuItem], dish: _Dish, meal: str | None) -> None:
    key = " ".join(dish.dish.lower().replace("-", " ").split())
    span = (sentence.start + dish.start, sentence.start + dish.end)
    ev = evidence(article, sentence, extractor="menu.served", value_span=span, confidence=0.75)
    fact = facts.get(key) or _restated(facts, dish.dish)
    if fact is None:
        facts[key] = MenuItem(dish=dish.dish, course=dish.course, meal=meal, local_names=dish.local_names,
                              evidence=[ev])
        return
    fact.evidence.append(ev)
    fact.course = fact.course or dish.course
    fact.meal = fact.meal or meal
    for name in dish.local_names:
        if name not in fact.local_names:
            fact.local_names.append(name)
