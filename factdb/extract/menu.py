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
# These need a meal, menu or course word in the sentence (or a menu sentence just before).
_WEAK_TRIGGERS = [
    re.compile(r"\b(?:were|was|been|being|are|is|get|got)\s+(?:also\s+|then\s+|later\s+)?"
               r"(?:treated\s+(?:with|to)|served|offered|regaled\s+with)\s+", re.I),
    # "began with", "ended with" (see _ENDED_WITH_SUBJECT), "ate"; the lookahead on first
    # letters rejects most positions at once
    re.compile(
        r"\b(?=[bsokefcrwa])(?:(?:began|begun|started|opened|kicked\s+off|ended|finished|closed|concluded|"
        r"rounded\s+off|wrapped\s+up)\s+with\s+"
        r"|(?:ate|eaten)\s+(?!(?:at|in|on|with|together|alone|outside|well|little|nothing|lightly)\b))",
        re.I,
    ),
]
# "ended with" reads a menu only after a meal word in the same clause, so that "the
# talks ended with a joint statement ... at the dinner" is no menu.
_ENDED_WITH = re.compile(r"\b(?:ended|finished|closed|concluded|rounded\s+off|wrapped\s+up)\s+with\s+$", re.I)
_ENDED_WITH_SUBJECT = re.compile(
    r"\b(?:meal|dinner|banquet|lunch|luncheon|feast|menu|reception|breakfast|supper)\b[^.;:]{0,80}$", re.I
)
_STARTER_VERBS = re.compile(r"\b(?:began|begun|started|opened|kicked\s+off)\s+with\s+$", re.I)
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
    r",\s+and\s+(?:the\s+)?(?:" + _COURSE_WORDS + r")\s+(?:was|were)\b|\s+at\s+the\b|\s+in\s+the\b|"
    r"\s+on\s+(?:the\s+)?(?:\w+\s+)?(?:night|evening|afternoon|morning|day)\b|\s+—|\s+--|\s*\"|\s*“|\s*”|"
    # "... and kimchi and toasted with champagne": a new verb phrase, not a dish
    r",?\s+and\s+(?:then\s+|later\s+)?[a-z]+ed\s+(?:with|to|at|in|on|over|for|the|a|an)\b)",
    re.I,
)
# Separators between dishes; "followed by" also opens the next course, and ", served with"
# / ", paired with" bring what came with the dish ("X, served with a Y wine").
_SEPARATOR = re.compile(r"\x01+|,\s+(?:served|accompanied|paired|washed\s+down)\s+(?:with|by)\s+|,?\s+and,\s+|,?\s+(?:along\s+with|together\s+with|as\s+well\s+as|followed\s+by|plus|and)\s+|,\s+", re.I)
# " with " between a masked local-name parenthesis and another one (see _split).
_NAMED_WITH_NAMED = re.compile(r"(?<=\x00)\s+with\s+(?=[^\x00,;]{1,60}\x00)")
# Fixed food pairs that are one dish word, not two dishes.
_BINOMIALS = re.compile(r"\b(?:sweet|hot)\s+and\s+(?:sour|spicy)\b|\bsalt\s+and\s+pepper\b|\bsurf\s+and\s+turf\b|"
                        r"\bfish\s+and\s+chips\b|\bbread\s+and\s+butter\b|\bmac(?:aroni)?\s+and\s+cheese\b", re.I)
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
    return low.rstrip("s") if low.endswith("courses") else low


def _meal_name(text: str) -> str | None:
    found = list(_MEAL.finditer(text))
    return " ".join(found[0].group("meal").lower().split()) if found else None


def _list_regions(text: str, strong_only: bool) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, course, starter_verb) of each list a trigger introduces in ``text``."""
    starts: list[tuple[int, int, str | None]] = []
    triggers = _STRONG_TRIGGERS if strong_only else _STRONG_TRIGGERS + _WEAK_TRIGGERS
    for pattern in triggers:
        for match in pattern.finditer(text):
            course = match.groupdict().get("course")
            starts.append((match.start(), match.end(), course))
    starts.sort()
    # drop a trigger that sits inside another's phrase ("lunch featured" after "dined on")
    merged: list[tuple[int, int, str | None]] = []
    for item in starts:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    regions = []
    for i, (t_start, t_end, course) in enumerate(merged):
        limit = merged[i + 1][0] if i + 1 < len(merged) else len(text)
        if _ENDED_WITH.search(text, t_start, t_end) and not _ENDED_WITH_SUBJECT.search(text, 0, t_start):
            continue
        end_match = _LIST_END.search(text, t_end, limit)
        end = end_match.start() if end_match else limit
        if re.match(r"\s*(?:at|in|on|during|for|to|by|after|before|alongside|beside|next\s+to)\b",
                    text[t_end:end], re.I) and not _COURSE_AFTER.match(text, t_end):
            continue  # "were served at the dinner", "offered alongside the shanks": no list follows the verb
        # a following trigger's own subject ("and dessert was") is not a dish
        regions.append((t_end, end, course, bool(_STARTER_VERBS.search(text[: t_end]))))
    return regions


def _passive_regions(text: str, pattern: re.Pattern = _PASSIVE) -> list[tuple[int, int, str | None]]:
    regions = []
    for match in pattern.finditer(text):
        clause_start = max(text.rfind(c, 0, match.start()) for c in (";", ":", ". ", ", "))
        clause_start = 0 if clause_start < 0 else clause_start + (2 if text[clause_start] in ",." else 1)
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
        local_or = re.match(r"^or\s+(?P<name>[\w'’\-]+(?:\s+[\w'’\-]+)?)\s*$", piece)
        if result and local_or:
            result[-1][3].append(local_or.group("name"))
            continue
        # "X with Y and Z", "X marinated in Y and Z": a short Z without its own "with"
        # belongs to the with- or participle phrase
        if (result and sep and re.fullmatch(r"\s+and\s+", sep)
                and _MODIFIER_PHRASE.search(text, start + result[-1][0], start + result[-1][1])
                and " with " not in piece and len(piece.split()) <= 3
                and not re.match(r"(?:a|an|the|some)\s", piece, re.I)):
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
    b = a + len(piece)
    words = piece.split()
    if not words:
        return None
    low = [w.lower().strip(",.") for w in words]
    if len(words) > 10 or any(w in _NOT_DISH_WORDS for w in low) or _NOT_DISH_PHRASE.search(piece):
        return _BAD
    if all(w in _GENERIC_FOOD for w in low):
        return None
    if not re.search(r"[a-z]", piece) or re.match(r"^\d", piece):
        return None
    return a, b, course


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
        dish = " ".join(text[d_start:d_end].split())
        found.append(_Dish(d_start, d_end, dish, _course_name(own_course or course), names))
    return found


# Any word a menu sentence needs; other sentences are skipped at once.
# (The lookahead lists the cue words' first letters so most words fail at once.)
_ANY_CUE = re.compile(
    rf"\b(?=[abcdefhklmorst])(?:menu|menus|din(?:e|ed|ing)|feast\w*|lunched|supped|served|treated|offered|regaled|began|begun|"
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
    meal spread""".split()
)
_WORD = re.compile(r"\w+")


def _may_be_menu(text: str) -> bool:
    """Whether the sentence holds any word a menu sentence needs (_ANY_CUE)."""
    low = text.lower()
    if _CUE_FIRST_WORDS.isdisjoint(_WORD.findall(low)) and "feast" not in low:
        return False
    return _ANY_CUE.search(text) is not None


def extract(article: Article) -> list[MenuItem]:
    """Menu items of one article; repeat mentions of a dish become more evidence."""
    facts: dict[str, MenuItem] = {}
    last_meal: tuple[str, int] | None = None  # (meal, paragraph)
    last_menu_paragraph: int | None = None
    last_menu_meal: str | None = None
    for sentence in article.content_sentences():
        text = sentence.text
        added_here = last_menu_paragraph == sentence.paragraph and " added" in text
        if not added_here and not _may_be_menu(text):
            continue
        meal_here = _meal_name(text)
        near_menu = last_menu_paragraph is not None and sentence.paragraph - last_menu_paragraph <= 1
        if meal_here:
            last_meal = (meal_here, sentence.paragraph)
        meal_in_paragraph = last_meal is not None and last_meal[1] == sentence.paragraph
        context = bool(meal_here or _FOOD_CONTEXT.search(text) or near_menu
                       or (meal_in_paragraph and _DINERS_OPEN.match(text)))
        lead = _COURSE_LEAD.search(text)
        regions = [(s, e, c or (lead.group("course") if lead and lead.end() <= s else None),
                    "starter" if starter else None)
                   for s, e, c, starter in _list_regions(text, strong_only=not context)]
        if context:
            regions += [(s, e, c, None) for s, e, c in _passive_regions(text)]
        if added_here:
            regions += [(s, e, c, None) for s, e, c in _passive_regions(text, _PASSIVE_ADDED)]
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
    first = name.split()[0]
    if not first[:1].isupper() or first.isupper() or not _CLAUSE_OPEN.search(text[: dish.start]):
        return name
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


def _add(article: Article, sentence: Sentence, facts: dict[str, MenuItem], dish: _Dish, meal: str | None) -> None:
    key = " ".join(dish.dish.lower().replace("-", " ").split())
    span = (sentence.start + dish.start, sentence.start + dish.end)
    ev = evidence(article, sentence, extractor="menu.served", value_span=span, confidence=0.75)
    fact = facts.get(key)
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
