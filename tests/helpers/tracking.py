"""Documents for the follow-through tests: the bundled samples with their số and day filled in (as
the signed copy a clerk receives has them), and the answers that come back, written as files into a
test's folder and ingested through the real ingest (readers, extractors, follow-up linking).

    1234/SKHCN-CN&CĐS (Sở KH&CN, 01/7/2025): task 1, "UBND cấp xã" report by 15/7/2025, the 40
        communes listed in its footnote; task 2, continue (no date).
      <- 45/BC-UBND (UBND xã Ia Chim, 10/7/2025): one commune's report citing it.
    55/KH-UBND (UBND huyện Minh Long, 10/02/2025): task 19, a yearly report due 15/12.
    4021/UBND-KGVX (UBND tỉnh Quảng Ngãi, 05/7/2025): task 1, "Các sở, ban, ngành" report by
        30/7/2025; task 5, Sở KH&CN report by 31/7/2025.
      <- 1600/BC-SKHCN (Sở KH&CN, 20/7/2025): its report, which answers task 5.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from corpus import SAMPLES_DIR

WIFI = "1234/SKHCN-CN&CĐS"
IA_CHIM_REPORT = "45/BC-UBND"
MINH_LONG = "55/KH-UBND"
UBND = "4021/UBND-KGVX"
SKHCN_REPORT = "1600/BC-SKHCN"
YEARLY_TASK = 19  # 55/KH-UBND: "báo cáo" by 15/12 every year
TODAY = dt.date(2025, 7, 12)


def _sample(name: str) -> str:
    return (SAMPLES_DIR / name).read_text(encoding="utf-8")


def _filled(text: str, blank: str, number: str, blank_day: str, day: str) -> str:
    assert blank in text and blank_day in text, "the sample changed: the test must follow it"
    return text.replace(blank, number, 1).replace(blank_day, day, 1)


def _report(issuer_caps: str, place: str, number: str, day: str, to: str, basis: str, body: str) -> str:
    return f"""{issuer_caps}
Số: {number}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{place}, ngày {day}

BÁO CÁO
{body}

Kính gửi: {to}.

Thực hiện {basis}, báo cáo như sau:
1. Đã triển khai các nội dung được giao đúng tiến độ.
2. Khó khăn, vướng mắc: một số điểm chưa có nguồn điện ổn định.
Kính báo cáo./.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Hùng
"""


def directives(folder: Path) -> list[Path]:
    """The three directives, numbered and dated, as .txt files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "wifi.txt": _filled(_sample("skhcn-wifi-cong-cong.txt"), "Số:         /SKHCN-CN&CĐS", f"Số: {WIFI}",
                            "ngày    tháng 7 năm 2025", "ngày 01 tháng 7 năm 2025"),
        "minh-long.txt": _filled(_sample("minh-long-ha-tang-so.txt"), "Số: /KH-UBND", f"Số: {MINH_LONG}",
                                 "Minh Long, ngày tháng 02 năm 2025", "Minh Long, ngày 10 tháng 02 năm 2025"),
        "ubnd.txt": _filled(_sample("ubnd-tiep-tuc-02kh-bcdtw.txt"), "Số:          /UBND-KGVX", f"Số: {UBND}",
                            "ngày     tháng 7 năm 2025", "ngày 05 tháng 7 năm 2025"),
    }  # fmt: skip
    out = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        out.append(folder / name)
    return out


def ia_chim_report(folder: Path) -> Path:
    """One commune's report on 1234/SKHCN-CN&CĐS task 1."""
    text = _report(
        "ỦY BAN NHÂN DÂN\nXÃ IA CHIM", "Ia Chim", IA_CHIM_REPORT, "10 tháng 7 năm 2025", "Sở Khoa học và Công nghệ",
        f"Công văn số {WIFI} ngày 01/7/2025 của Sở Khoa học và Công nghệ về việc đề nghị báo cáo kết quả triển"
        " khai hệ thống WIFI công cộng, Ủy ban nhân dân xã Ia Chim",
        "Kết quả triển khai hệ thống WIFI công cộng tại các Nhà rông văn hóa trên địa bàn xã",
    )  # fmt: skip
    path = folder / "bao-cao-ia-chim.txt"
    path.write_text(text, encoding="utf-8")
    return path


def skhcn_report(folder: Path) -> Path:
    """Sở KH&CN's report on 4021/UBND-KGVX, which follow-up linking takes as answering its task."""
    text = _report(
        "UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", "Quảng Ngãi", SKHCN_REPORT, "20 tháng 7 năm 2025",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        f"Công văn số {UBND} ngày 05/7/2025 của Ủy ban nhân dân tỉnh về tiếp tục rà soát, triển khai Kế hoạch"
        " số 02-KH/BCĐTW, Sở Khoa học và Công nghệ",
        "Kết quả rà soát, xây dựng kế hoạch chi tiết thực hiện Giai đoạn 2 của Kế hoạch số 02-KH/BCĐTW",
    )  # fmt: skip
    path = folder / "bao-cao-skhcn.txt"
    path.write_text(text, encoding="utf-8")
    return path
