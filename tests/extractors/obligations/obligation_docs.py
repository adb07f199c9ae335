"""The documents and readers shared by the obligation tests (extractors.obligations, SCHEMA.md).

The owner of a task is the unit that heads its numbered section, the unit after a directive
("Giao Sở X chủ trì, phối hợp với Sở Y ..." → Sở X), the subject of the sentence, the
"Cơ quan chủ trì" of a task block or the "Đơn vị chủ trì" column of a task table; never a
"phối hợp" unit, nor a unit after "về", "cho", "qua" (the recipient). An invitation obliges
the invited units to attend on the meeting's day. A frame ("... như sau:"), a topic's period
("Về X trong năm 2025: ...") and a past-tense report are no dated tasks.
"""

from __future__ import annotations

import re
import unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip(" .;,:-")


def frame(
    body: str,
    title: str = "KẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2026\n",
    symbol: str = "KH-UBND",
    date: str = "ngày 10 tháng 3 năm 2026",
) -> str:
    return f"""\
ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 73/{symbol}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, {date}

{title}
{body}

Nơi nhận:
- Như trên;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
A Pớt
"""


def obligations(contract, text: str) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    """(owners, due, recurrence) of every obligation, owners normalised."""
    obs = contract(text)["obligations"]
    return [(tuple(norm(o) for o in ob["owner"]), ob["due"], ob["recurrence"]) for ob in obs]


def dated(contract, text: str):
    return [o for o in obligations(contract, text) if o[1] or o[2]]


def owners_of(obs) -> set[str]:
    return {o for owners, _, _ in obs for o in owners}


def traced(doc, text: str) -> list[tuple[tuple[str, ...], str | None, str]]:
    """(owners, due, rule) of every obligation: the rule names the pass and why that owner."""
    return [
        (tuple(norm(o) for o in ob.value.owners), ob.value.due.isoformat() if ob.value.due else None, ob.rule)
        for ob in doc(text).obligations
    ]


MEETING_CV = """\
UBND TỈNH KON TUM
SỞ TÀI CHÍNH
Số: 264/STC-QLG
V/v mời dự họp thẩm định giá đất
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, ngày 06 tháng 3 năm 2026

Kính gửi: Sở Nông nghiệp và Môi trường.

{sentence}

Nơi nhận:
- Như trên;
- Lưu: VT, QLG.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Hữu Tài
"""
