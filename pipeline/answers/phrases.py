"""The ways a clerk asks, as data (folded: lowercase, no diacritics, đ→d). pipeline.answers.intents
reads questions with these lists; an office adds its own ways of asking here."""

from __future__ import annotations

from extractors.data.kinds import KINDS
from pipeline.text import fold

# Shorthand clerks type and common slips, each to the words the rules read ("vb nao cua so noi
# vu", "viec nao qua hang"): whole words only, applied to the folded question.
SHORTHAND: dict[str, str] = {
    "vb": "van ban",
    "vban": "van ban",
    "cv": "cong van",
    "dv": "don vi",
    "bc": "bao cao",
    "qd": "quyet dinh",
    "tb": "thong bao",
    "nv": "nhiem vu",
    "bao coa": "bao cao",
    "boa cao": "bao cao",
    "thnag": "thang",
    "truco": "truoc",
}
# "hang" is a word of its own ("hằng tháng"): read as "hạn" only after these.
SLIPS_AFTER: dict[str, tuple[str, ...]] = {"hang": ("qua", "tre", "den", "het")}

SEARCH_OPENERS = r"(?:hay\s+)?(?:tim kiem|tim giup|tim|tra cuu|tra)"
SEARCH_OBJECTS = r"(?:(?:cac|nhung)\s+)?(?:van ban|cong van|tai lieu|ke hoach|quyet dinh|thong bao|bao cao)"
SEARCH_LINKS = r"(?:ve|lien quan den|lien quan toi|lien quan|co noi dung|noi dung|nhac den|co chu)"
CITE_PHRASES: tuple[str, ...] = ("dan chieu", "trich dan", "vien dan", "can cu", "nhac den", "nhac toi", "tham chieu")
MISSING_PHRASES: tuple[str, ...] = (
    "chua co trong kho",
    "chua co trong du lieu",
    "khong co trong kho",
    "chua co",
    "con thieu",
    "bi thieu",
    "chua nhan",
)
OVERDUE_PHRASES: tuple[str, ...] = ("qua han", "tre han", "da het han", "tre hen", "cham tre", "no dong", "ton dong")
# Words that make a question about obligations even without a date.
OWE_CUES: tuple[str, ...] = ("phai", "can lam", "nhiem vu", "viec", "han chot", "den han", "thoi han", "han")
# "who" words: "đơn vị nào phải ..." asks for the owners, it does not name one.
WHO_WORDS: tuple[str, ...] = (
    "don vi nao",
    "nhung don vi nao",
    "cac don vi nao",
    "co quan nao",
    "nhung co quan nao",
    "ai",
    "nhung ai",
    "ben nao",
    "noi nao",
    "viec nao",
    "nhung viec nao",
    "nhiem vu nao",
)
# Verbs that ask "what must be done" rather than naming an action to filter on.
GENERIC_ACTIONS: tuple[str, ...] = ("hoan thanh", "thuc hien", "lam", "giai quyet", "xu ly")
# When a question has a subject but no time at all, look this far ahead.
DEFAULT_HORIZON_DAYS = 30
# A question about a period ("báo cáo hằng quý") with no time: one full year ahead shows each.
RECURRENCE_HORIZON_DAYS = 366

# "hằng tháng" / "hàng tháng" / "định kỳ tháng": the period a question keeps (pipeline.status.Recurrence).
RECURRENCE_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?:hang|moi)\s+ngay", "daily"),
    (r"(?:hang|moi)\s+tuan", "weekly"),
    (r"(?:hang|moi)\s+thang|dinh ky thang", "monthly"),
    (r"(?:hang|moi)\s+quy|dinh ky quy", "quarterly"),
    (r"(?:hang\s+)?6 thang|sau thang|nua nam", "semiannual"),
    (r"(?:hang|moi)\s+nam|dinh ky nam", "yearly"),
)

# "sở nào", "xã nào": the kind of unit a question asks about, as owners' names write it.
UNIT_KINDS: tuple[str, ...] = ("so", "xa", "phuong", "thi tran", "huyen", "phong", "truong", "doanh nghiep", "ban")

# Asking for a count.
COUNT_WORDS = r"\b(?:bao nhieu|so luong|tong so|may)\b"
# Asking who signed a document.
SIGNER_WORDS = r"\b(?:ai ky|nguoi ky|ai la nguoi ky|ky boi ai|do ai ky|ai da ky)\b"
# Asking what a document hands out.
TASK_WORDS = (
    r"\b(?:giao (?:viec|nhiem vu|nhung viec|cac viec|gi)|(?:nhung|cac) (?:viec|nhiem vu)"
    r"|yeu cau (?:gi|nhung gi)|viec gi|nhiem vu gi|co viec nao)\b"
)
# Asking who has not answered a task yet.
PENDING_WORDS = r"\bchua (?:bao cao|tra loi|gui bao cao|gui|nop|thuc hien|hoan thanh|phan hoi)\b"
# Asking for what is done too.
DONE_TOO_WORDS = (
    r"\b(?:ke ca|bao gom|ca)\s+(?:(?:nhung|cac)\s+)?(?:viec\s+)?da\s+(?:xong|bao cao|hoan thanh)\b"
    r"|\bda (?:xong|bao cao) chua\b"
)

# Document kinds as asked ("công văn nào", "kế hoạch của ..."): folded name -> kind code.
# "văn bản" is any kind: KINDS lists it for citations ("văn bản số 12/UBND-VX") as a công văn.
DOC_KINDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {(fold(name), code) for name, code in (*KINDS, ("công văn", "CV")) if fold(name) != "van ban"},
        key=lambda p: -len(p[0]),
    )
)
DOC_WORDS = r"(?:van ban|" + "|".join(n for n, _ in DOC_KINDS) + ")"
