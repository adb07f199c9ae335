"""A small corpus for the clerk's questions, built with ORM objects in a fresh database (the
``database_url`` fixture of tests/conftest.py: SQLite per test, PostgreSQL when CI asks for it).

Written for these tests after the shape of real correspondence on a provincial digital
transformation plan (kế hoạch, công văn hướng dẫn, đôn đốc, báo cáo). "Today" is 10/7/2025.

    4664/KH-UBND (UBND tỉnh, 25/12/2024)
      <- 1260/UBND-KGVX (UBND tỉnh, 16/4/2025)
           <- 566/SKHCN-CNCĐS (Sở KH&CN, 22/4/2025)  <- 1023/SKHCN-CNCĐS (đôn đốc, 02/7/2025)
           <- 215/BC-SNV (Sở Nội vụ, 25/7/2025: the report 1260 asked it for)
      859/SKHCN-CNCĐS is cited by 1023 but not in the corpus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from extractors.references import key as ref_key
from extractors.units import unit_key
from models.db import session_scope, upgrade
from models.schema import Addressee, Citation, Document, Obligation, Unit, UnitAlias

TODAY = dt.date(2025, 7, 10)
D = dt.date


def fresh_db(tmp_path: Path, name: str = "congvan.db") -> str:
    """A second, SQLite database when a test needs two."""
    url = f"sqlite:///{tmp_path / name}"
    upgrade(url)
    return url


def unit(name: str, *aliases: str, members: tuple[Unit, ...] = ()) -> Unit:
    u = Unit(name=name, key=unit_key(name))
    u.aliases = [UnitAlias(alias=a, key=unit_key(a)) for a in aliases]
    u.members = list(members)
    return u


def document(kind: str, reference: str, issuer: str, date: dt.date, subject: str, text: str = "") -> Document:
    number, _, symbol = reference.partition("/")
    return Document(
        kind=kind,
        number=number,
        symbol=symbol,
        reference=reference,
        reference_key=ref_key(reference),
        issuer=issuer,
        issuer_key=unit_key(issuer),
        date=date,
        date_text=date.isoformat(),
        subject=subject,
        text=text or subject,
    )


def cite(doc: Document, reference: str, target: Document | None = None, kind: str | None = None) -> Citation:
    c = Citation(reference=reference, reference_key=ref_key(reference), kind=kind, target=target)
    doc.citations.append(c)
    return c


def send_to(doc: Document, *units: Unit) -> None:
    doc.addressees = [Addressee(name=u.name, unit=u, position=i) for i, u in enumerate(units)]


def task(
    doc: Document,
    owners: list[Unit],
    action: str | None,
    text: str,
    due: dt.date | None = None,
    recurrence: str | None = None,
) -> Obligation:
    ob = Obligation(owner_names=[u.name for u in owners], action=action, text=text, due=due, recurrence=recurrence)
    ob.owners = list(owners)
    doc.obligations.append(ob)
    return ob


@dataclass
class Corpus:
    url: str
    docs: dict[str, int] = field(default_factory=dict)  # short name -> Document.id
    obs: dict[str, int] = field(default_factory=dict)  # short name -> Obligation.id
    units: dict[str, int] = field(default_factory=dict)  # short name -> Unit.id


@dataclass
class _Units:
    tinh: Unit
    skhcn: Unit
    snv: Unit
    stc: Unit
    cap_xa: Unit
    ubnd_ia_chim: Unit
    telcos: Unit
    vnpt: Unit
    nganh: Unit


def _units(s: Session) -> _Units:
    """The units, added to the session; a group's members come with it."""
    tinh = unit("Ủy ban nhân dân tỉnh Kon Tum", "UBND tỉnh Kon Tum")
    skhcn = unit("Sở Khoa học và Công nghệ", "SKHCN")
    snv = unit("Sở Nội vụ")
    stc = unit("Sở Tài chính")
    ia_chim_member = unit("Xã Ia Chim")
    kon_tum_member = unit("Phường Kon Tum")
    cap_xa = unit("Ủy ban nhân dân cấp xã", "UBND các xã, phường", members=(ia_chim_member, kon_tum_member))
    ubnd_ia_chim = unit("Ủy ban nhân dân xã Ia Chim")
    viettel = unit("Viettel Kon Tum")
    vnpt = unit("VNPT Kon Tum")
    telcos = unit("Các doanh nghiệp viễn thông", members=(viettel, vnpt))
    nganh = unit("Các sở, ban, ngành")
    s.add_all([tinh, skhcn, snv, stc, cap_xa, ubnd_ia_chim, telcos, nganh])
    return _Units(tinh, skhcn, snv, stc, cap_xa, ubnd_ia_chim, telcos, vnpt, nganh)


# Each document below comes with its obligations, by the short names tests use (Corpus.obs).


def _kh4664(u: _Units) -> tuple[Document, dict[str, Obligation]]:
    """The plan: the recurring reports, one of them without a date."""
    kh = document(
        "KH",
        "4664/KH-UBND",
        "Ủy ban nhân dân tỉnh Kon Tum",
        D(2024, 12, 25),
        "Chuyển đổi số tỉnh Kon Tum năm 2025",
    )
    obs = {
        "yearly": task(
            kh,
            [u.skhcn],
            "báo cáo",
            "Sở Khoa học và Công nghệ chủ trì, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân "
            "tỉnh trước ngày 15/12 hằng năm.",
            D(2025, 12, 15),
            "yearly",
        ),
        "monthly": task(
            kh,
            [u.cap_xa],
            "báo cáo",
            "Ủy ban nhân dân cấp xã báo cáo tình hình triển khai chuyển đổi số trên địa bàn trước ngày 25 hằng tháng.",
            D(2025, 1, 25),
            "monthly",
        ),
        "undated": task(
            kh,
            [u.nganh],
            "báo cáo",
            "Các sở, ban, ngành báo cáo kết quả thực hiện Kế hoạch định kỳ 6 tháng.",
            None,
            "semiannual",
        ),
        "quarterly": task(
            kh,
            [u.snv],
            "báo cáo",
            "Sở Nội vụ báo cáo kết quả cải cách hành chính gắn với chuyển đổi số hằng quý.",
            D(2025, 3, 20),
            "quarterly",
        ),
    }
    return kh, obs


def _cv1260(u: _Units, kh: Document) -> tuple[Document, dict[str, Obligation]]:
    """The province's instructions under the plan: one-off tasks, some past due, some ahead."""
    cv1260 = document(
        "CV",
        "1260/UBND-KGVX",
        "Ủy ban nhân dân tỉnh Kon Tum",
        D(2025, 4, 16),
        "Triển khai một số nội dung trọng tâm trong công tác chuyển đổi số",
    )
    send_to(cv1260, u.skhcn, u.snv, u.stc, u.cap_xa)
    cite(cv1260, "4664/KH-UBND", kh, "KH")
    obs = {
        "snv": task(
            cv1260,
            [u.snv],
            "báo cáo",
            "Sở Nội vụ tham mưu bố trí công chức phụ trách chuyển đổi số cấp xã, báo cáo Ủy ban nhân dân tỉnh "
            "trước ngày 31/7/2025.",
            D(2025, 7, 31),
        ),
        "snv_aug": task(
            cv1260,
            [u.snv],
            "tham mưu",
            "Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh ban hành Quy chế phối hợp về chuyển đổi số cấp xã trước ngày "
            "15/8/2025.",
            D(2025, 8, 15),
        ),
        "stc": task(
            cv1260,
            [u.stc],
            "hoàn thành",
            "Sở Tài chính thẩm định, tham mưu bố trí kinh phí lắp đặt hệ thống WiFi công cộng, hoàn thành trước "
            "ngày 30/6/2025.",
            D(2025, 6, 30),
        ),
        "skhcn_aug": task(
            cv1260,
            [u.skhcn],
            "triển khai",
            "Sở Khoa học và Công nghệ hướng dẫn các xã triển khai hệ thống WiFi công cộng tại nhà văn hóa thôn, "
            "hoàn thành trong tháng 8/2025.",
            D(2025, 8, 31),
        ),
        "skhcn_late": task(
            cv1260,
            [u.skhcn],
            "báo cáo",
            "Sở Khoa học và Công nghệ báo cáo kết quả rà soát hạ tầng mạng tại các nhà rông văn hóa trước ngày "
            "20/6/2025.",
            D(2025, 6, 20),
        ),
    }
    return cv1260, obs


def _cv566(u: _Units, kh: Document, cv1260: Document) -> tuple[Document, dict[str, Obligation]]:
    """The department's guidance under 1260: a dated report and a weekly one."""
    cv566 = document(
        "CV",
        "566/SKHCN-CNCĐS",
        "Sở Khoa học và Công nghệ",
        D(2025, 4, 22),
        "Triển khai hệ thống WIFI công cộng tại các khu sinh hoạt cộng đồng của thôn, làng",
    )
    send_to(cv566, u.cap_xa, u.telcos)
    cite(cv566, "1260/UBND-KGVX", cv1260, "CV")
    cite(cv566, "4664/KH-UBND", kh, "KH")
    obs = {
        "xa": task(
            cv566,
            [u.cap_xa],
            "báo cáo",
            "Ủy ban nhân dân cấp xã cập nhật và báo cáo kết quả triển khai hệ thống WIFI công cộng về Sở Khoa học "
            "và Công nghệ chậm nhất ngày 15/7/2025.",
            D(2025, 7, 15),
        ),
        "weekly": task(
            cv566,
            [u.telcos],
            "báo cáo",
            "Các doanh nghiệp viễn thông báo cáo tiến độ lắp đặt điểm phát WiFi vào thứ Sáu hằng tuần.",
            D(2025, 7, 4),
            "weekly",
        ),
    }
    return cv566, obs


def _cv1023(u: _Units, cv566: Document, cv1260: Document) -> tuple[Document, dict[str, Obligation]]:
    """The reminder (đôn đốc), citing 859, which is not in the corpus."""
    cv1023 = document(
        "CV",
        "1023/SKHCN-CNCĐS",
        "Sở Khoa học và Công nghệ",
        D(2025, 7, 2),
        "Đôn đốc báo cáo kết quả triển khai hệ thống WIFI công cộng",
        "Thực hiện Văn bản số 1260/UBND-KGVX ngày 16/4/2025 của Ủy ban nhân dân tỉnh; Sở Khoa học và Công "
        "nghệ đã có Văn bản số 566/SKHCN-CNCĐS ngày 22/4/2025 và Văn bản số 859/SKHCN-CNCĐS ngày 08/6/2025 "
        "hướng dẫn triển khai, tuy nhiên đến nay một số xã chưa báo cáo kết quả thực hiện. Đề nghị Ủy ban "
        "nhân dân các xã, phường khẩn trương báo cáo trước ngày 18/7/2025.",
    )
    send_to(cv1023, u.cap_xa)
    cite(cv1023, "566/SKHCN-CNCĐS", cv566, "CV")
    cite(cv1023, "859/SKHCN-CNCĐS", None, "CV")
    cite(cv1023, "1260/UBND-KGVX", cv1260, "CV")
    obs = {
        "xa_again": task(
            cv1023,
            [u.cap_xa],
            "báo cáo",
            "Ủy ban nhân dân các xã, phường khẩn trương báo cáo kết quả triển khai WIFI công cộng trước ngày "
            "18/7/2025.",
            D(2025, 7, 18),
        ),
    }
    return cv1023, obs


def _tb120(u: _Units) -> tuple[Document, dict[str, Obligation]]:
    """A notice outside the plan's chain, with tasks for a commune and a member of a group."""
    tb = document(
        "TB",
        "120/TB-UBND",
        "Ủy ban nhân dân tỉnh Kon Tum",
        D(2025, 7, 5),
        "Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra khắc phục sạt lở và khôi phục hạ tầng viễn thông",
    )
    cite(tb, "859/SKHCN-CNCĐS", None, "CV")
    obs = {
        "ia_chim": task(
            tb,
            [u.ubnd_ia_chim],
            "báo cáo",
            "Ủy ban nhân dân xã Ia Chim báo cáo tình hình khắc phục sạt lở đất tại làng Khúc Na trước ngày 20/7/2025.",
            D(2025, 7, 20),
        ),
        "vnpt": task(
            tb,
            [u.vnpt],
            "hoàn thành",
            "VNPT Kon Tum khôi phục tuyến cáp quang bị đứt tại xã Ia Chim, hoàn thành trước ngày 25/7/2025.",
            D(2025, 7, 25),
        ),
    }
    return tb, obs


def _bc215(u: _Units, cv1260: Document) -> Document:
    """The report 1260 asked Sở Nội vụ for; it sets no tasks."""
    bc_snv = document(
        "BC",
        "215/BC-SNV",
        "Sở Nội vụ",
        D(2025, 7, 25),
        "Kết quả bố trí công chức phụ trách chuyển đổi số cấp xã",
        "Thực hiện Công văn số 1260/UBND-KGVX ngày 16/4/2025 của Ủy ban nhân dân tỉnh về triển khai một số nội "
        "dung trọng tâm trong công tác chuyển đổi số, Sở Nội vụ báo cáo kết quả như sau: ...",
    )
    send_to(bc_snv, u.tinh)
    cite(bc_snv, "1260/UBND-KGVX", cv1260, "CV")
    return bc_snv


# The units tests look up by short name (not nganh, nor the members of groups but vnpt).
_CORPUS_UNITS = ("tinh", "skhcn", "stc", "snv", "cap_xa", "ubnd_ia_chim", "telcos", "vnpt")


def build_corpus(url: str) -> Corpus:
    with session_scope(url) as s:
        u = _units(s)
        kh, kh_obs = _kh4664(u)
        cv1260, cv1260_obs = _cv1260(u, kh)
        cv566, cv566_obs = _cv566(u, kh, cv1260)
        cv1023, cv1023_obs = _cv1023(u, cv566, cv1260)
        tb, tb_obs = _tb120(u)
        bc_snv = _bc215(u, cv1260)
        docs = {"kh": kh, "cv1260": cv1260, "cv566": cv566, "cv1023": cv1023, "tb": tb, "bc_snv": bc_snv}
        obs = kh_obs | cv1260_obs | cv566_obs | cv1023_obs | tb_obs
        s.add_all(docs.values())
        s.flush()
        corpus = Corpus(
            url=url,
            docs={name: doc.id for name, doc in docs.items()},
            obs={name: ob.id for name, ob in obs.items()},
            units={name: getattr(u, name).id for name in _CORPUS_UNITS},
        )
    return corpus


def names(corpus: Corpus, rows) -> set[str]:
    by_id = {v: k for k, v in corpus.obs.items()}
    return {by_id[r.obligation_id] for r in rows}
