"""The words by which a document says what it does to another it cites, as folded text.

"Quyết định này thay thế Quyết định số 1234/QĐ-UBND", "Đính chính Công văn số 56/SNV-TCBC",
"bãi bỏ Điều 3 của Quyết định số ...": a verb, then only the name of the cited document (its kind,
the part of it meant, "số"), then its reference. Anything else between them ("thay thế thiết bị
theo hướng dẫn tại Công văn số ...") and the citation is a plain one.
"""

from __future__ import annotations

from extractors.data.kinds import KINDS
from pipeline.status import CitationRelation
from pipeline.text import fold

# Verb (folded) → relation, longest first so "sua doi, bo sung" wins over "sua doi".
VERBS: tuple[tuple[str, CitationRelation], ...] = (
    ("sua doi, bo sung", CitationRelation.AMENDS),
    ("sua doi bo sung", CitationRelation.AMENDS),
    ("sua doi", CitationRelation.AMENDS),
    ("thay the", CitationRelation.REPLACES),
    ("dinh chinh", CitationRelation.CORRECTS),
    ("bai bo", CitationRelation.REPEALS),
    ("huy bo", CitationRelation.REPEALS),
    ("thu hoi", CitationRelation.REPEALS),
)

# A part of the cited document: replacing or repealing one only amends the document.
PART_WORDS: frozenset[str] = frozenset(
    {"dieu", "khoan", "diem", "muc", "phan", "chuong", "phu", "luc", "noi", "dung", "mot", "tiet"}
)
# Words that may stand between the verb and the reference besides the kind's name and the parts.
LINK_WORDS: frozenset[str] = frozenset(
    {"so", "cac", "cua", "tai", "va", "cho", "ban", "hanh", "kem", "theo", "toan", "bo", "thu", "nhu", "sau"}
)
KIND_WORDS: frozenset[str] = frozenset(w for name, _ in KINDS for w in fold(name).split())
ALLOWED_BETWEEN: frozenset[str] = PART_WORDS | LINK_WORDS | KIND_WORDS
MAX_WORDS_BETWEEN = 14

# A clause that starts so is about other documents (the preamble's bases, what is carried out):
# "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật ... số ..." says nothing of this one.
FOREIGN_CLAUSE_STARTS: tuple[str, ...] = ("can cu", "thuc hien", "theo de nghi", "xet de nghi")
# Words right before the verb that make it a wish, a draft or a denial, not an act.
NOT_AN_ACT: tuple[str, ...] = (
    "de nghi", "de xuat", "kien nghi", "du thao", "xem xet", "chua", "khong", "se", "du kien", "nghien cuu",
    "khi", "neu",
)  # fmt: skip
# The document acting is this one: "Quyết định này thay thế ...". A kind named right before the verb
# without "này" is another one, often still to come: "khi có ... Quyết định thay thế Quyết định số
# 118/2008/QĐ-TTg", "Thông tư mới thay thế Thông tư số 92/2009/TT-BTC" (a plan of Nghệ An, 2025).
KIND_NAMES: tuple[str, ...] = tuple(sorted({fold(name) for name, _ in KINDS}, key=len, reverse=True))
THIS_ONE = "nay"
