"""What a document does to a document it cites: replaces, amends, corrects or repeals it.

A pure function over the document's text: for each numbered reference, the verb of
``extractors.data.relations`` that stands right before it in the same sentence, with only the
cited document's name between ("Quyết định này thay thế Quyết định số 1234/QĐ-UBND ngày ...",
"Đính chính Công văn số 56/SNV-TCBC", "bãi bỏ khoản 2 Điều 3 của Quyết định số ..."). Not a
relation: a verb in another sentence, one followed by other words ("thay thế thiết bị theo Công
văn số ..."), one in a clause about other documents ("Căn cứ Luật sửa đổi, bổ sung ... số ...",
"Thực hiện Quyết định số 10 về việc bãi bỏ Quyết định số 5"), one that is only asked for ("đề
nghị thu hồi ...", "khi có ... thay thế ..."), one whose subject is another document ("Thông tư
mới thay thế Thông tư số ...": only "Quyết định này thay thế" speaks of this one). Replacing or
repealing a part ("Điều 3 của ...") amends the document: its other provisions, and tasks, stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.base import Extracted, Span
from extractors.data.relations import (
    ALLOWED_BETWEEN,
    FOREIGN_CLAUSE_STARTS,
    KIND_NAMES,
    MAX_WORDS_BETWEEN,
    NOT_AN_ACT,
    PART_WORDS,
    THIS_ONE,
    VERBS,
)
from extractors.references import find_references, key
from pipeline.status import CitationRelation
from pipeline.text import fold

_SENTENCE_END = re.compile(r"[.;!?]\s|\n|[;!?]$")
_WORD = re.compile(r"[^\W_]+")
_NUMBERISH = re.compile(r"^(?:\d+[a-z]?|[ivxlc]+|[a-z])$")  # 3, 2a, IV, điểm a
_VERB_RX = re.compile(r"\b(" + "|".join(re.escape(v) for v, _ in VERBS) + r")\b")
_RELATION_OF = dict(VERBS)
# A kind named at the end of the clause before the verb, with at most four words after it (its number).
_KIND_SUBJECT = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in KIND_NAMES) + r")((?:\s+\w+){0,4})$")


@dataclass(frozen=True)
class Relation:
    reference: str  # as written: 1234/QĐ-UBND
    reference_key: str
    relation: CitationRelation
    partial: bool  # a part of the cited document was replaced or repealed


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    return start


def _between_ok(words: list[str]) -> bool:
    if len(words) > MAX_WORDS_BETWEEN:
        return False
    return all(w in ALLOWED_BETWEEN or _NUMBERISH.match(w) for w in words)


def _describes_another(text: str, begin: int, verb_at: int, earlier_refs: list[tuple[int, int]]) -> bool:
    """A verb in the subject of a reference before it ("Quyết định số 10 về việc bãi bỏ ...")."""
    ends = [e for s, e in earlier_refs if begin <= s and e <= verb_at]
    if not ends:
        return False
    between = _WORD.findall(fold(text[max(ends) : verb_at]))
    return "ve" in between or "v" in between


def relation_at(text: str, start: int, earlier_refs: list[tuple[int, int]]) -> tuple[CitationRelation, bool] | None:
    """The relation the sentence gives the reference at ``start``, and whether only a part is meant.
    ``earlier_refs``: (start, end) of the references before it, so that a verb describing one of
    them is not taken for this document's act."""
    begin = _sentence_start(text, start)
    clause = fold(text[begin:start])
    verbs = list(_VERB_RX.finditer(clause))
    if not verbs:
        return None
    verb = verbs[-1]
    between = _WORD.findall(clause[verb.end() :])
    if not _between_ok(between):
        return None
    head = " ".join(_WORD.findall(clause[: verb.start()]))
    if head.startswith(FOREIGN_CLAUSE_STARTS):
        return None
    if any(f" {w} " in f" {' '.join(head.split()[-5:])} " for w in NOT_AN_ACT):
        return None
    if _describes_another(text, begin, begin + verb.start(), earlier_refs):
        return None
    if (m := _KIND_SUBJECT.search(head)) and THIS_ONE not in m.group(1).split():
        return None  # "Thông tư mới thay thế ...": another document acts, not this one
    relation = _RELATION_OF[verb.group(1)]
    partial = any(w in PART_WORDS for w in between)
    if partial and relation in (CitationRelation.REPLACES, CitationRelation.REPEALS):
        relation = CitationRelation.AMENDS
    return relation, partial


def extract_relations(text: str) -> list[Extracted[Relation]]:
    """One Relation per cited reference the document acts on (the first act named wins); each
    span's offsets are in ``text`` (block 0: the text is read as one)."""
    refs = sorted(find_references(text), key=lambda t: t[0])
    found: dict[str, Extracted[Relation]] = {}
    for s, e, ref in refs:
        k = key(ref.text)
        if k in found:
            continue
        got = relation_at(text, s, [(s2, e2) for s2, e2, _ in refs if s2 < s])
        if got is not None:
            relation, partial = got
            rule = f"relation:{relation.value}{':part' if partial else ''}"
            found[k] = Extracted(Relation(ref.text, k, relation, partial), Span(0, s, e), rule)
    return list(found.values())
