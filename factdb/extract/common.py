"""Helpers every extractor shares: evidence spans and who is cited."""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Evidence
from ..read import Article, Sentence


@lru_cache(maxsize=1)
def nlp():
    """A blank English pipeline: spaCy's tokenizer and rule matchers, no model download."""
    import spacy

    return spacy.blank("en")


def evidence(
    article: Article,
    sentence: Sentence,
    *,
    extractor: str,
    value_span: tuple[int, int] | None = None,
    confidence: float = 0.8,
    cited_source: str | None = None,
) -> Evidence:
    """Evidence for a fact stated in ``sentence``; ``value_span`` is absolute."""
    raw = article.text[value_span[0] : value_span[1]] if value_span else None
    return Evidence(
        document=article.name,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        value_start=value_span[0] if value_span else None,
        value_end=value_span[1] if value_span else None,
        raw=raw,
        cited_source=cited_source if cited_source is not None else _article_attribution(article, sentence.text),
        extractor=extractor,
        confidence=confidence,
    )


_SOURCES = "_factdb_sentence_sources"


def _article_attribution(article: Article, text: str) -> str | None:
    """:func:`attribution` of a sentence, computed once per article.

    Every extractor asks for the same sentences' sources. The answers are kept on
    the article object itself, so they live and die with it (nothing computed for
    one article is seen by another), tagged with the text they were read from.
    """
    kept = article.__dict__.get(_SOURCES)
    if kept is None or kept[0] is not article.text:
        kept = (article.text, {})
        article.__dict__[_SOURCES] = kept
    sources = kept[1]
    if text not in sources:
        sources[text] = attribution(text)
    return sources[text]


# --- who is cited -------------------------------------------------------------

# Verbs that put a statement in someone's mouth, in the forms news prose uses.
_CITE_VERBS = (
    "said|says|say|told|tells|reported|reports|confirmed|announced|added|noted|stated|wrote|writes|"
    "quoted|claimed|estimated|insisted|explained|stressed|tweeted|disclosed|revealed|cited"
)
_CITE_VERB = re.compile(rf"\b({_CITE_VERBS})\b")
# Every rule below needs a citing verb or "according to": without one (most sentences) there is
# no source. Substring tests on the lower-cased text find whatever the rules find (and more),
# far faster than a case-blind search for the whole alternation.
_CUE_WORDS = tuple(sorted(set(_CITE_VERBS.split("|")) | {"according"}))
_APPOSITION_OPENER = re.compile(r"(?:citing|a|an|the|who|which|quoting)\b")
_WORD = re.compile(r"[\w.'’\-]+")
_TOLD_OBJECT = re.compile(
    r"\s+((?:the|a|an)\s+)?(?:[\w.'’\-]+\s+){0,5}?[\w.'’\-]+(?=\s+(?:that|as saying|on|in)\b|[,.;:]|$)"
)
_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.)+$")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,40}>")
# "on Tuesday", "earlier on Wednesday", "last week", "in a statement": said-when, not who
_WHEN = re.compile(
    r"^(?:\s+(?:earlier|later|late|early))?(?:\s+(?:on|this|last|late|early)\s+[\w-]+(?:\s+(?:morning|"
    r"afternoon|evening|night))?|\s+(?:today|yesterday|earlier|overnight|in a statement|in a report))*"
)
_CITING = re.compile(r"^,?\s+(citing\s+[^,.;:\"“”]+?)(?=\s+(?:as saying|that|who|which)\b|[,.;:\"“”]|$)")
_ACCORDING_TO = re.compile(
    r"\baccording to\s+((?:(?:[A-Z]\.)+|[^,.;:\"“”])+?)(?=\s+(?:that|which|who)\b|[,.;:\"“”]|$)", re.I
)
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|is|are)\s+(reported|announced|confirmed|quoted)\s+by\s+((?:the|a|an)\s+)?([^,.;:\"“”]+?)(?=\s+(?:that|on|in|but|and)\b|[,.;:\"“”]|$)")
_INVERTED_CITE = re.compile(
    r"^\s+((?:the|a|an)\s+(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+|(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)"
    r"(?=\s+(?:on|in|at|earlier|late|last|this|today|yesterday)\b|[,.;:]|$)"
)
_SUBJECT_STOP = frozenset({"that", "which", "who", "whom", "and", "but", "because", "while", "when", "as",
                           "if", "where", "so", "or", "than", "then", "after", "before", "since"})
_NOT_SUBJECT = frozenset({"was", "were", "is", "are", "be", "been", "being", "to", "would", "could", "will",
                          "may", "might", "can", "not", "should", "must", "did", "do", "does", "it"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
# A word right before the verb that shows it is a noun or adjective ("the reported entourage").
_NOT_BEFORE_VERB = frozenset({"the", "a", "an", "from", "of", "in", "by", "with", "to", "for", "on", "at",
                              "his", "her", "its", "their", "our", "this", "these", "those", "news"})
_PREPOSITIONS = frozenset({"amid", "in", "at", "on", "after", "during", "despite", "with", "from", "for",
                           "by", "of", "to", "under", "over", "since", "upon", "among"})


def _mask_quotes(flat: str) -> str:
    """Blank the words inside quotation marks so a quoted "said" is not the reporter's."""
    chars = list(flat)
    opening = None
    for match in re.finditer(r'["“”]', flat):
        mark, i = match.group(0), match.start()
        if opening is None and (mark == "“" or (mark == '"' and (i == 0 or flat[i - 1] in " ([—-"))):
            opening = i
        elif opening is not None and mark in '"”':
            for k in range(opening + 1, i):
                chars[k] = "_"
            opening = None
    return "".join(chars)


def _subject_start(masked: str, at: int, limit: int = 14) -> int | None:
    """Where the subject of a verb at ``at`` begins ("palace aide Tomas Varga told")."""
    head = masked[:at].rstrip()
    if head.endswith(","):
        # "The Gazette, citing a senior official, said": skip one apposition
        opening = head.rfind(",", 0, len(head) - 1)
        inner = head[opening + 1 : -1].strip() if opening != -1 else ""
        if opening == -1 or not _APPOSITION_OPENER.match(inner):
            return None
        head = head[:opening]
    words = list(re.finditer(r"[\w.'’\-]+|[^\w\s]", head))
    picked = []
    for word in reversed(words):
        token = word.group(0)
        low = token.lower()
        if not _WORD.fullmatch(token) or low in _SUBJECT_STOP:
            break
        if not picked and (low in _NOT_SUBJECT or low in _NOT_BEFORE_VERB):
            return None  # "was reported", "would say", "the reported entourage": no one is named
        picked.append(word)
        if len(picked) > limit:
            return None
    while picked and picked[-1].group(0).lower() in _PREPOSITIONS:
        picked.pop()  # "Amid Japanese media reports": the preposition is not the source
    if not picked:
        return None
    first = picked[-1].group(0)
    if first.lower() in _NOT_SUBJECT or (len(picked) == 1 and first[0].islower() and first.lower() not in
                                           _PRONOUN_SUBJECTS and not first.endswith("s")):
        return None
    return picked[-1].start()


def _extend(flat: str, masked: str, end: int, verb: str) -> int:
    """Carry a citation on through its object: "told reporters", ", citing two sources", "quoted X"."""
    rest = masked[end:]
    if verb in ("told", "tells", "quoted"):
        obj = _TOLD_OBJECT.match(rest)
        if obj:
            end += obj.end()
            rest = masked[end:]
    when = _WHEN.match(rest)
    skip = when.end() if when else 0
    citing = _CITING.match(masked[end + skip :])
    if citing:
        return -(end + skip + citing.end())  # negative: the time words in between are dropped
    return end


def _has_cue_word(low: str) -> bool:
    return any(word in low for word in _CUE_WORDS)


def attribution(text: str) -> str | None:
    """Who the sentence cites, as written ("the Gazette reported, citing two sources"), or None.

    Tried in order: "according to X"; "<subject> said/reported/told reporters
    [, citing Y]"; inverted "..., reported the daily X"; passive "was
    reported by X". HTML tags and line breaks are flattened first.
    """
    if "<" not in text and not _has_cue_word(text.lower()):
        return None  # no citing word at all (a tag could hide one, so tagged text is read in full)
    flat = " ".join(_TAG.sub("", text).split())
    masked = _mask_quotes(flat)
    according = _ACCORDING_TO.search(masked)
    found: list[tuple[int, str]] = []
    if according and according.group(1).lower() not in ("him", "her", "them", "it", "him.", "me", "us"):
        found.append((according.start(), "according to " + flat[according.start(1) : according.end(1)].strip()))
    for verb in _CITE_VERB.finditer(masked):
        start = _subject_start(masked, verb.start())
        if start is None:
            before = masked[: verb.start()].rstrip()
            inverted = _INVERTED_CITE.match(masked[verb.end() :])
            if (before.endswith((",", "_\"", "_”")) or not before) and inverted:
                end = _extend(flat, masked, verb.end() + inverted.end(), verb.group(1))
                cut = abs(end)
                if end < 0:
                    when = _WHEN.match(masked[verb.end() + inverted.end() :])
                    source = flat[verb.start() : verb.end() + inverted.end()] + flat[
                        verb.end() + inverted.end() + (when.end() if when else 0) : cut]
                else:
                    source = flat[verb.start() : cut]
                found.append((verb.start(), source.strip()))
            continue
        end = _extend(flat, masked, verb.end(), verb.group(1))
        if end < 0:
            when = _WHEN.match(masked[verb.end() :])
            pause = verb.end() + (when.end() if when else 0)
            source = flat[start : verb.end()] + flat[pause : -end]
            if verb.group(1) in ("told", "tells", "quoted"):
                source = flat[start:pause].rstrip() + flat[pause : -end]
        else:
            source = flat[start:end]
        found.append((start, source.strip()))
    passive = _PASSIVE_BY.search(masked)
    if passive:
        found.append((passive.start(1), flat[passive.start(1) : passive.end(3)]))
    if not found:
        return None
    best = found[0][1] if found[0][1].startswith("according to") else min(found)[1]
    best = best.rstrip(" ,;:")
    if best.endswith(".") and not _ACRONYM_END.search(best):
        best = best[:-1]
    return best or None
