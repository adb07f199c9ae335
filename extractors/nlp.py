"""Vietnamese NLP where a library does the job: underthesea splits sentences, spaCy finds unit mentions.

Both load lazily and once per process: a batch pays the start-up cost a single time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.data.units import ABBREVIATIONS, UNIT_HEADS

# Abbreviations ending in a dot that must not end a sentence ("TT. HU", "TP. Hà Nội", "Q. Giám đốc").
_NO_BREAK = re.compile(r"\b(TT|TP|Tp|KT|TM|TL|TUQ|Q|ThS|TS|PGS|GS|Th|St|Ng|đ/c|Đ/c)\.\s*$")


@lru_cache(maxsize=1)
def _sent_tokenize():
    from underthesea import sent_tokenize

    return sent_tokenize


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (underthesea), re-joining splits after known abbreviations."""
    text = text.strip()
    if not text:
        return []
    if "." not in text[:-1] and "?" not in text and "!" not in text:
        return [text]  # one sentence: skip the tokenizer
    out: list[str] = []
    for s in _sent_tokenize()(text):
        if out and (_NO_BREAK.search(out[-1]) or s[:1].islower() or re.match(r"^[\d/.,)]", s)):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


@lru_cache(maxsize=1)
def unit_pipeline():
    """A blank Vietnamese spaCy pipeline with an EntityRuler over unit names (label UNIT).

    Patterns are built from the unit vocabulary: a head noun ("Sở", "Ủy ban nhân dân", "Phòng")
    followed by capitalised words, "và", level words or known abbreviations.
    """
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    name_token = {"OP": "*", "TEXT": {"REGEX": r"^([A-ZĐÂĂÊÔƠƯ][\wđ&-]*|và|&|tỉnh|huyện|xã|phường|thành|phố|cấp|các)$"}}
    patterns = []
    for head in UNIT_HEADS:
        words = head.split()
        if not words[0][:1].isalpha() or "," in head:
            continue
        head_tokens = [{"LOWER": w} for w in words]
        patterns.append({"label": "UNIT", "pattern": [*head_tokens, {"TEXT": {"REGEX": r"^[A-ZĐ]"}}, name_token]})
    for abbr in ABBREVIATIONS:
        if abbr in ("UBND", "HĐND"):
            patterns.append({"label": "UNIT", "pattern": [{"TEXT": abbr}, {"LOWER": {"IN": ["tỉnh", "huyện", "xã", "thành", "cấp"]}},
                                                          name_token]})
    ruler.add_patterns(patterns)
    return nlp


def unit_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every unit name spaCy's EntityRuler finds, longest first where they overlap."""
    doc = unit_pipeline()(text)
    return [(e.start_char, e.end_char, e.text.strip(" ,")) for e in doc.ents if e.label_ == "UNIT"]
