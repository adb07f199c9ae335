"""Unit names: spotting them in running text, splitting lists of them, expanding abbreviations."""

from __future__ import annotations

import re

from extractors.data.units import (
    ABBREVIATIONS,
    GROUP_LEVELS,
    LEVELS,
    MEMBER_LEVELS,
    NOT_UNITS,
    QUANTIFIERS,
    UNIT_BODY_KEYS,
    UNIT_HEADS,
)
from pipeline.text import fold

# Heads compare on lowercase NFC, not folded: folded, "Bàn giao" would open with "ban".
_HEADS = sorted({h.lower() for h in UNIT_HEADS}, key=len, reverse=True)
_NOT_UNITS = tuple(w.lower() for w in NOT_UNITS)


def starts_with_unit(phrase: str) -> bool:
    """True when ``phrase`` opens with a unit's head noun ("Sở ...", "các doanh nghiệp ...")."""
    f = " ".join(phrase.lower().split()).lstrip(" -–+•:").replace("uỷ", "ủy")
    stripped = True
    while stripped:  # "các các doanh nghiệp" (a typo seen in real tables) is still a unit
        stripped = False
        for q in QUANTIFIERS:
            if f.startswith(q):
                f = f[len(q) :]
                stripped = True
    if f.startswith(_NOT_UNITS):
        return False
    return any(f.startswith(h) and (len(f) == len(h) or not f[len(h)].isalnum()) for h in _HEADS)


def head_length(phrase: str) -> int:
    """Characters taken by the quantifiers and head noun opening ``phrase`` ("Các Đoàn kiểm tra" -> 17)."""
    low = phrase.lower()
    pos = len(low) - len(low.lstrip(" -–+•:"))
    changed = True
    while changed:
        changed = False
        for q in QUANTIFIERS:
            if low.startswith(q, pos):
                pos += len(q)
                changed = True
    for h in _HEADS:
        if low.startswith(h, pos):
            return pos + len(h)
    return pos


def split_units(phrase: str) -> list[str]:
    """Split "A; B, C và D" into units where a new unit's head noun starts.

    Commas inside one unit's name stay ("Các cơ quan, ban, ngành", "UBND các xã, phường"):
    a comma or "và" splits only when what follows opens a unit of its own.
    """
    phrase = phrase.strip(" .;:,")
    parts: list[str] = []
    for chunk in re.split(r"\s*;\s*", phrase):
        pieces = re.split(r"(,\s+|\s+và\s+|\s+với\s+)", chunk)
        cur = pieces[0]
        for sep, nxt in zip(pieces[1::2], pieces[2::2], strict=False):
            if starts_with_unit(nxt) and not _same_list(cur, nxt, sep):
                parts.append(cur)
                cur = nxt
            else:
                cur = f"{cur}{sep}{nxt}"
        parts.append(cur)
    out = [p.strip(" .;:,-") for p in parts]
    return [_capitalise(p) for p in out if p and starts_with_unit(p)] or [p for p in out if p]


def _same_list(cur: str, nxt: str, sep: str = ",") -> bool:
    """ "các sở, ban, ngành", "các phòng, ban chuyên môn thuộc UBND huyện": after a comma, a kind of unit
    in lower case continues the enumeration; a named unit ("Sở Y") or "các doanh nghiệp" starts anew."""
    if nxt[:1].isupper() or nxt.lower().startswith(("các ", "những ")):
        return False
    return "," in sep or len(fold(nxt).split()) <= 2


def distribute(phrase: str) -> list[str]:
    """ "các Tập đoàn: A, B" -> ["Tập đoàn A", "Tập đoàn B"]; "Các sở: X, Y" -> ["Sở X", "Sở Y"]."""
    m = re.match(r"^\s*(?:các|những)\s+(?P<head>[^:,;]{2,30}?)\s*:\s*(?P<rest>.+)$", phrase, re.IGNORECASE)
    if not m or not starts_with_unit(m["head"]):
        return split_units(phrase)
    head = m["head"].strip()
    head = head[0].upper() + head[1:]
    members = [p.strip(" .;,") for p in re.split(r",\s+|\s+và\s+|;\s*", m["rest"]) if p.strip(" .;,")]
    return [f"{head} {p}" for p in members]


def _capitalise(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


def expand(name: str) -> str:
    """Expand abbreviations word by word: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh",
    "Sở KH&CN" -> "Sở Khoa học và Công nghệ"."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        return ABBREVIATIONS.get(word, ABBREVIATIONS.get(word.upper(), word)) if word.isupper() else word

    return re.sub(r"[A-ZĐ][A-ZĐ&]+", repl, name)


def title_case_from_caps(caps: str, body: str) -> str:
    """Render an all-caps header line ("SỞ KHOA HỌC VÀ CÔNG NGHỆ") as the body writes it.

    The body usually names the same unit in normal case; failing that, capitalise the head
    noun and the proper name after an administrative level, lowercase the rest.
    """
    expanded = expand(caps)
    found = _as_in_body(expanded, body)
    if found is not None:
        return found
    # Nghị định 30/2020, Phụ lục II: capitalise the head noun, the first syllable of each part of the
    # name ("Sở Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch") and every syllable of a place.
    words = expanded.split()
    low_all = " ".join(words).lower()
    head_len = next((len(h.split()) for h in _HEADS if low_all.startswith(h + " ")), 1)
    out: list[str] = []
    after_level = False
    part_start = True
    for i, w in enumerate(words):
        low = w.lower()
        two = f"{words[i - 1].lower()} {low}" if i else ""
        is_level = low in LEVELS or two in LEVELS
        out.append(_case_word(words, i, is_level, after_level or part_start or i == head_len))
        part_start = low in ("và", "&", "-", "–") or w.endswith(",")
        after_level = after_level or (is_level and i > 0) or (i == 0 and is_level)
    return " ".join(out)


def _as_in_body(expanded: str, body: str) -> str | None:
    """The unit as the body writes it, in normal case, if it does."""
    for m in re.finditer(re.escape(fold(expanded)), fold(body)):
        found = body[m.start() : m.end()]
        if len(found) == len(expanded) and not found.isupper():
            return found
    return None


def _case_word(words: list[str], i: int, is_level: bool, capital: bool) -> str:
    """Word ``i`` of an all-caps name in normal case: ``capital`` opens the head, a part or a place."""
    w = words[i]
    low = w.lower()
    if not w.isupper() or (len(w) == 1 and not w.isalpha()):
        return w
    if i == 0:
        return w.capitalize()
    if is_level or (low in ("ủy", "uỷ") and words[i - 1].lower() in ("tỉnh", "huyện", "phố", "đảng")):
        return low  # "Ủy ban nhân dân tỉnh", "Tỉnh ủy"
    if capital:
        return w.capitalize() if low not in ("và", "&") else low
    return low


def acronym(name: str) -> str:
    """Initials of a unit's name without "và": "Sở Khoa học và Công nghệ" -> "SKHCN"."""
    words = [w for w in re.findall(r"[\wĐđ&]+", expand(name)) if fold(w) not in ("va", "&")]
    return "".join(fold(w)[0].upper() for w in words)


# --- canonical keys and groups, for storing units and matching a clerk's question to owners ---


def unit_key(name: str) -> str:
    """The canonical comparison key of a unit name: abbreviations expanded, folded, quantifiers and
    punctuation at the ends dropped ("UBND các xã, phường;" -> "uy ban nhan dan xa, phuong")."""
    k = fold(expand(" ".join(name.split()))).strip(" .;:-–")
    k = re.sub(r"^(?:cac|nhung|toan the|tat ca)\s+", "", k)
    k = re.sub(r"\s+", " ", k.replace("(", " ").replace(")", " ")).strip()
    for body in UNIT_BODY_KEYS:
        if k.startswith(body + " "):
            rest = k[len(body) + 1 :]
            group = GROUP_LEVELS.get(rest) or GROUP_LEVELS.get("cac " + rest)
            if group:
                return f"{body} {group}"
    return k


def group_of(key: str) -> str | None:
    """The group a single unit belongs to by its level: "uy ban nhan dan xa ia chim" -> "... cap xa"."""
    for body in UNIT_BODY_KEYS:
        if key.startswith(body + " "):
            rest = key[len(body) + 1 :]
            for level, group in sorted(MEMBER_LEVELS.items(), key=lambda kv: -len(kv[0])):
                if rest.startswith(level + " ") and not rest.startswith(("cap ", "cac ")):
                    return f"{body} {group}"
    return None


def is_group(key: str) -> bool:
    return any(key == f"{b} {g}" for b in UNIT_BODY_KEYS for g in set(GROUP_LEVELS.values()))
