"""Hand-entered facts and decisions from ``seeds/curated/*.yaml``.

Curated files go through the same Pydantic models as extracted facts. An
evidence entry may give just ``document`` and ``sentence``: its span is
found in the stored document text, so curators never count characters.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from .models import CuratedFile


class CuratedError(ValueError):
    """A curated file that does not validate; the message names file, record and field."""


def _locate_spans(data: dict, texts: dict[str, str], path: Path) -> None:
    for index, fact in enumerate(data.get("facts") or []):
        if not isinstance(fact, dict):
            continue
        for ev_index, ev in enumerate(fact.get("evidence") or []):
            if not isinstance(ev, dict) or "char_start" in ev:
                continue
            where = f"{path.name}: facts[{index}].evidence[{ev_index}]"
            text = texts.get(ev.get("document", ""))
            sentence = ev.get("sentence")
            if text is None:
                raise CuratedError(f"{where}.document: unknown document {ev.get('document')!r}")
            if not sentence or text.find(sentence) < 0:
                raise CuratedError(f"{where}.sentence: not found in {ev['document']}")
            ev["char_start"] = text.find(sentence)
            ev["char_end"] = ev["char_start"] + len(sentence)


def _describe(error: dict, data: dict) -> str:
    loc = list(error["loc"])
    parts = []
    node: object = data
    for i, key in enumerate(loc):
        if isinstance(key, int):
            parts[-1] = f"{parts[-1]}[{key}]"
            record = node[key] if isinstance(node, list) and key < len(node) else None
            if i == 1 and isinstance(record, dict):
                label = record.get("fact_id") or record.get("name") or record.get("fact_type")
                if label:
                    parts[-1] += f" ({label})"
            node = record
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts) + f": {error['msg']}"


def load_file(path: Path, document_texts: dict[str, str]) -> CuratedFile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CuratedError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise CuratedError(f"{path}: expected a mapping of sections at the top level")
    _locate_spans(data, document_texts, path)
    try:
        return CuratedFile.model_validate(data, context={"document_texts": document_texts})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CuratedError(f"{path}: {_describe(first, data)}") from exc


def load_dir(directory: Path, document_texts: dict[str, str]) -> list[tuple[str, CuratedFile]]:
    """Every curated file, sorted by name so decisions apply in a stable order."""
    if not directory.exists():
        return []
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    return [(path.name, load_file(path, document_texts)) for path in files]
