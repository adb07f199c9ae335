"""Vietnamese NLP where a library does the job: underthesea splits sentences, spaCy finds unit mentions.

Both load lazily and once per process: a batch pays the start-up cost a single time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.data.agencies import ALL_AGENCIES
from extractors.data.units import ABBREVIATIONS, LEVELS

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


def _token_pattern(name: str) -> list[dict]:
    return [{"LOWER": w.lower()} for w in _TOKEN.findall(name)]


@lru_cache(maxsize=1)
def unit_pipeline():
    """A blank Vietnamese spaCy pipeline with an EntityRuler over unit names (label UNIT).

    Phrase patterns come from the agency gazetteer (and its abbreviated forms: "Sở KH&CN");
    token patterns catch "Ủy ban nhân dân / UBND + level + place" ("UBND huyện Minh Long",
    "Ủy ban nhân dân cấp xã", "UBND các xã, phường").
    """
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    ruler = nlp.add_pipe("entity_ruler")
    patterns: list[dict] = []
    short = [(v.lower(), k) for k, v in ABBREVIATIONS.items()]
    for name in ALL_AGENCIES:
        patterns.append({"label": "UNIT", "pattern": _token_pattern(name)})
        low = name.lower()
        for full, abbr in short:
            if full in low and len(full) > 6:
                patterns.append({"label": "UNIT", "pattern": _token_pattern(name[: low.index(full)] + abbr)})
    place = {"IS_LOWER": False, "IS_ALPHA": True, "OP": "{1,4}"}  # "Quảng Ngãi", "QUẢNG NGÃI"
    bodies = [
        [{"LOWER": "ủy"}, {"LOWER": "ban"}, {"LOWER": "nhân"}, {"LOWER": "dân"}],
        [{"LOWER": "uỷ"}, {"LOWER": "ban"}, {"LOWER": "nhân"}, {"LOWER": "dân"}],
        [{"TEXT": "UBND"}],
        [{"TEXT": "HĐND"}],
        [{"LOWER": "hội"}, {"LOWER": "đồng"}, {"LOWER": "nhân"}, {"LOWER": "dân"}],
    ]
    levels = [[{"LOWER": w} for w in lv.split()] for lv in LEVELS]
    for body in bodies:
        for level in levels:
            patterns.append({"label": "UNIT", "pattern": [*body, *level, place]})
            patterns.append({"label": "UNIT", "pattern": [*body, {"LOWER": {"IN": ["cấp", "các"]}}, *level]})
            patterns.append(
                {
                    "label": "UNIT",
                    "pattern": [
                        *body,
                        {"LOWER": "các"},
                        *level,
                        {"ORTH": ","},
                        {"LOWER": {"IN": ["phường", "thị", "xã", "đặc"]}},
                    ],
                }
            )
        patterns.append({"label": "UNIT", "pattern": [*body, {"LOWER": {"IN": ["tỉnh", "huyện", "xã"]}}]})
    ruler.add_patterns(patterns)
    return nlp


_TOKEN = re.compile(r"\w+(?:[&\-]\w+)*|[^\w\s]|\n")  # a newline is a token: names do not cross lines


def make_doc(text: str):
    """A spaCy Doc split into syllables and punctuation: the blank Vietnamese tokenizer without
    pyvi splits on spaces only and would leave "xã;" as one token."""
    from spacy.tokens import Doc

    nlp = unit_pipeline()
    matches = list(_TOKEN.finditer(text))
    words = [m.group(0) for m in matches]
    spaces = [m.end() < len(text) and text[m.end()].isspace() for m in matches]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data["offsets"] = [(m.start(), m.end()) for m in matches]
    return doc


def unit_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) in ``text`` of every unit name the EntityRuler finds (longest where they overlap)."""
    doc = unit_pipeline()(make_doc(text))
    offsets = doc.user_data["offsets"]
    out = []
    for e in doc.ents:
        if e.label_ == "UNIT":
            start, end = offsets[e.start][0], offsets[e.end - 1][1]
            out.append((start, end, text[start:end]))
    return out
