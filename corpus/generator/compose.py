"""Writing one document: its frame (header, Kính gửi, signature, Nơi nhận) and the sentences that
cite documents and assign tasks, each recorded in the ground truth as it is written.

The frame follows Nghị định 30/2020/NĐ-CP, Phụ lục I (state bodies) and Hướng dẫn 36-HD/VPTW
(party bodies). Task sentences follow the shapes real directives use: "Giao Sở X chủ trì ...",
a numbered section headed by its owner with dashed tasks under it, "Cơ quan chủ trì: ... /
Thời gian thực hiện: ..." blocks, and task tables.
"""

from __future__ import annotations

import datetime as dt
import random

from corpus.generator import deadlines as dl
from corpus.generator.model import RULE, RULE_FULL, Citation, Doc, Duty, Para, Run, Table
from corpus.generator.phrases import NATIONAL
from corpus.generator.world import Agency, Registry, World

# How the text names a kind when citing it.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "CV": ("Công văn", "Văn bản", "Công văn"),
    "KH": ("Kế hoạch",),
    "QĐ": ("Quyết định",),
    "BC": ("Báo cáo",),
    "TB": ("Thông báo",),
    "GM": ("Giấy mời",),
    "CT": ("Chỉ thị",),
    "NQ": ("Nghị quyết",),
    "HD": ("Hướng dẫn",),
}
TITLES: dict[str, str] = {
    "KH": "KẾ HOẠCH",
    "QĐ": "QUYẾT ĐỊNH",
    "BC": "BÁO CÁO",
    "TB": "THÔNG BÁO",
    "GM": "GIẤY MỜI",
    "CT": "CHỈ THỊ",
    "NQ": "NGHỊ QUYẾT",
    "HD": "HƯỚNG DẪN",
}
POSITIONS: dict[str, str] = {
    "CHỦ TỊCH": "Chủ tịch",
    "PHÓ CHỦ TỊCH": "Phó Chủ tịch",
    "GIÁM ĐỐC": "Giám đốc",
    "PHÓ GIÁM ĐỐC": "Phó Giám đốc",
    "TRƯỞNG PHÒNG": "Trưởng phòng",
    "PHÓ TRƯỞNG PHÒNG": "Phó Trưởng phòng",
    "BỘ TRƯỞNG": "Bộ trưởng",
    "THỨ TRƯỞNG": "Thứ trưởng",
    "CHÁNH VĂN PHÒNG": "Chánh Văn phòng",
    "PHÓ CHÁNH VĂN PHÒNG": "Phó Chánh Văn phòng",
    "BÍ THƯ": "Bí thư",
    "PHÓ BÍ THƯ": "Phó Bí thư",
    "TRƯỞNG BAN": "Trưởng ban",
    "PHÓ TRƯỞNG BAN": "Phó Trưởng ban",
}
# The head a deputy signs for ("KT. GIÁM ĐỐC") and the body a collective signs for ("TM. ỦY BAN NHÂN DÂN").
_HEADS = {
    "ubnd-tinh": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "ỦY BAN NHÂN DÂN"),
    "ubnd-huyen": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "ỦY BAN NHÂN DÂN"),
    "ubnd-xa": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "ỦY BAN NHÂN DÂN"),
    "so": ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", None),
    "phong": ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", None),
    "bo": ("BỘ TRƯỞNG", "THỨ TRƯỞNG", None),
    "vpub": ("CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", None),
    "tinhuy": ("BÍ THƯ", "PHÓ BÍ THƯ", "BAN THƯỜNG VỤ"),
    "huyenuy": ("BÍ THƯ", "PHÓ BÍ THƯ", "BAN THƯỜNG VỤ"),
    "ban": ("TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", None),
}


def header_date(place: str, day: dt.date, blank_day: bool) -> str:
    """ "Quảng Ngãi, ngày 05 tháng 3 năm 2025": days below 10 and months below 3 take a zero (NĐ 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    if blank_day:
        return f"{place}, ngày      tháng {month} năm {day.year}"
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def p(text: str, **kw) -> Para:
    return Para((Run(text),), **kw)


def bold(text: str, **kw) -> Para:
    return Para((Run(text, bold=True),), **kw)


class Writer:
    """Writes one document's layout and records what it says."""

    def __init__(
        self, world: World, registry: Registry, rng: random.Random, doc: Doc, agency: Agency, lead: Agency | None
    ) -> None:
        self.world = world
        self.registry = registry  # numbers documents cited from outside the corpus
        self.rng = rng
        self.doc = doc
        self.agency = agency
        self.doc_lead = lead  # the department that advises on the document's topic
        self.layout = doc.layout
        self._cited: set[str] = set()

    # -- frame ---------------------------------------------------------------------------------

    def frame(self, title_lines: tuple[str, ...] = ()) -> None:
        """Header columns and, for every kind but the công văn, the title and trích yếu under it."""
        a, doc, lay = self.agency, self.doc, self.layout
        left = [bold(line, align="center", indent=False, size=13, before=0) for line in a.header]
        if len(a.header) > 1 and not a.party:
            left[0] = p(a.header[0], align="center", indent=False, size=13, before=0)  # the parent line is not bold
        left.append(p("*", align="center", indent=False, size=13, before=0) if a.party else RULE)
        number = f"Số {doc.reference}" if a.party else f"Số: {doc.reference}"
        left.append(p(number, align="center", indent=False, size=13, before=4))
        if doc.kind == "CV":
            left.append(p(f"V/v {doc.subject}", align="center", indent=False, size=12, before=0))
        lay.header_left = left
        quoc_hieu = ("ĐẢNG CỘNG SẢN VIỆT NAM",) if a.party else ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",)
        right = [bold(q, align="center", indent=False, size=12 if not a.party else 13, before=0) for q in quoc_hieu]
        if not a.party:
            right.append(bold("Độc lập - Tự do - Hạnh phúc", align="center", indent=False, size=13, before=0))
        right.append(RULE_FULL)
        right.append(
            Para(
                (Run(header_date(doc.place, doc.date, doc.day_blank), italic=True),),
                align="center",
                indent=False,
                size=13,
                before=4,
            )
        )
        lay.header_right = right
        if doc.kind != "CV":
            title = [bold(TITLES[doc.kind], align="center", indent=False, size=14, before=14, keep=True)]
            for line in title_lines or (doc.subject,):
                title.append(bold(line, align="center", indent=False, size=14, before=0, keep=True))
            title.append(RULE)
            lay.title = title

    def kinh_gui(self, names: list[str]) -> None:
        """ "Kính gửi: X" on one line, or "Kính gửi:" and a dashed list."""
        self.doc.addressees = list(names)
        body = self.layout.body
        if len(names) == 1:
            body.append(p(f"Kính gửi: {names[0]}", align="center", indent=False, before=10))
            return
        body.append(p("Kính gửi:", align="center", indent=False, before=10))
        for i, name in enumerate(names):
            end = "." if i == len(names) - 1 else ";"
            body.append(p(f"- {name}{end}", align="left", indent=False, before=0))

    def signature(self, recipients: list[str], style: str | None = None) -> None:
        """Nơi nhận on the left; authority, position and name on the right."""
        a = self.agency
        head, deputy, collective = _HEADS[a.type]
        style = style or self.rng.choice(("KT", "KT", "head") + (("TM",) if collective else ()))
        if style == "TM" and collective:
            mark = "T/M" if a.party else "TM."
            position = self.rng.choice((head, deputy)) if a.party else head
            lines = [f"{mark} {collective}", position]
            if not a.party and self.rng.random() < 0.5:
                lines = [f"TM. {collective}", f"KT. {head}", deputy]
                position = deputy
            authority = "TM" if len(lines) == 2 else "KT"
        elif style == "KT":
            lines = [f"{'K/T' if a.party else 'KT.'} {head}", deputy]
            position, authority = deputy, "KT"
        else:
            lines, position, authority = [head], head, None
        name = a.head if position == head else self.rng.choice(a.deputies)
        right = [bold(t, align="center", indent=False, size=13, before=0) for t in lines]
        right += [p("", align="center", indent=False, before=0) for _ in range(3)]
        right.append(bold(name, align="center", indent=False, size=13, before=0))
        self.layout.sign_right = right
        self.doc.signer = {"name": name, "position": POSITIONS[position], "authority": authority}
        left = [Para((Run("Nơi nhận:", bold=True, italic=True),), align="left", indent=False, size=12, before=8)]
        for i, r in enumerate(recipients):
            end = "." if i == len(recipients) - 1 else ";"
            left.append(p(f"- {r}{end}", align="left", indent=False, size=11, before=0))
        self.layout.sign_left = left

    def recipients(self, extra: tuple[str, ...] = ()) -> list[str]:
        a = self.agency
        out = ["Như trên"] if self.doc.addressees else []
        out += list(extra)
        if a.superior:
            out.append(f"{self.world.agencies[a.superior].refer} (b/c)")
        out += {
            "ubnd-tinh": ["Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh (b/c)", "CT, các PCT UBND tỉnh"],
            "ubnd-huyen": ["Thường trực Huyện ủy (b/c)", "CT, các PCT UBND"],
            "bo": ["Bộ trưởng (để b/c)", "Các Thứ trưởng"],
            "so": ["Giám đốc, các Phó Giám đốc Sở"],
            "tinhuy": ["Các đồng chí Tỉnh ủy viên"],
        }.get(a.type, [])
        if not self.doc.addressees:  # those given tasks get a copy
            owners = dict.fromkeys(o for d in self.doc.duties for o in d.owners)
            out[len(extra) : len(extra)] = list(owners)[:3]
        sym = self.doc.ref.symbol
        if self.doc.kind == "CV" and "-" in sym:
            section = sym.split("-")[-1]
        else:
            section = self.rng.choice(a.sections) if a.sections else "VP"
        out.append(f"Lưu: VT, {section}" if not a.party else f"Lưu Văn phòng {a.issuer}")
        return out

    # -- running text ------------------------------------------------------------------------------

    def para(self, text: str, **kw) -> None:
        self.layout.body.append(p(text, **kw))

    def heading(self, text: str) -> None:
        self.layout.body.append(bold(text, keep=True))

    def name(self, target: Agency) -> str:
        return self.world.name_in(target, self.agency)

    def cite(self, target: Doc, with_subject: bool = True) -> str:
        """ "Kế hoạch số 89/KH-UBND ngày 12/3/2025 của UBND tỉnh về ..." for a document of the corpus."""
        issuer = self.world.agencies[target.issuer_id]
        word = self.rng.choice(KIND_WORDS[target.kind])
        of = "" if issuer is self.agency and self.rng.random() < 0.5 else f" của {self.name(issuer)}"
        about = f" về {lower_first(target.subject)}" if with_subject else ""
        self.record(Citation(target.reference, target.kind, target.date, issuer.refer, target.subject, target.id))
        return f"{word} số {target.reference} ngày {dl.dmy(target.date, self.rng)}{of}{about}"

    def cite_national(self, key: str) -> str:
        n = NATIONAL[key]
        self.record(Citation(n.reference, n.doc_type, n.date, n.issuer, n.subject))
        if n.issuer is None:  # "Luật Đầu tư công số 39/2019/QH14 ngày 13/6/2019"
            return f"{n.kind_word} số {n.reference} ngày {dl.dmy(n.date, self.rng)}"
        about = f" về {n.subject}" if n.subject and self.rng.random() < 0.7 else ""
        return f"{n.kind_word} số {n.reference} ngày {dl.dmy(n.date, self.rng)} của {n.issuer}{about}"

    def cite_outside(self, issuer: Agency, kind: str, subject: str, before: dt.date) -> str:
        """A document of a corpus agency issued before the corpus starts (so not in it)."""
        day = before - dt.timedelta(days=self.rng.randint(60, 500))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        ref = self.registry.earlier(issuer, kind, day)
        self.record(Citation(ref.text, kind, day, issuer.refer, subject))
        word = self.rng.choice(KIND_WORDS[kind])
        return f"{word} số {ref.text} ngày {dl.dmy(day, self.rng)} của {self.name(issuer)} về {lower_first(subject)}"

    def record(self, c: Citation) -> None:
        if c.reference not in self._cited and c.reference != self.doc.reference:
            self._cited.add(c.reference)
            self.doc.citations.append(c)

    # -- tasks ---------------------------------------------------------------------------------

    def duty(self, owners, owner_ids, action, deadline: dl.Deadline | None, text: str, shape: str) -> None:
        self.doc.duties.append(
            Duty(
                tuple(owners),
                tuple(owner_ids),
                action,
                deadline.due if deadline else None,
                deadline.recurrence if deadline else None,
                text,
                deadline.form if deadline else "none",
                shape,
            )
        )

    def recipient_phrase(self) -> str:
        """Whom results go to: "UBND tỉnh (qua Sở Tài chính)", "Sở Y tế", "Ban Thường vụ Tỉnh ủy"."""
        a = self.agency
        if a.type in ("ubnd-tinh", "vpub"):
            lead = self.doc_lead
            via = f" (qua {self.name(lead)})" if lead is not None and self.rng.random() < 0.6 else ""
            return f"UBND tỉnh{via}"
        if a.type in ("ubnd-huyen", "tinhuy", "huyenuy"):
            return a.own
        return a.refer

    def sentence_task(self, owner: str, ids, task: str, d: dl.Deadline, shape: str | None = None) -> str:
        """One sentence that names its owner and its deadline, in one of the usual shapes."""
        r = self.recipient_phrase()
        named = owner
        owner = "các" + owner[3:] if owner.startswith("Các ") else owner  # mid-sentence: "Giao các sở, ..."
        shape = shape or self.rng.choice(("giao", "giao", "subject", "de-nghi", "yeu-cau"))
        recurring = d.recurrence is not None and d.due is None
        when = d.phrase.removeprefix("hoàn thành ")  # "báo cáo ... hoàn thành trước ngày" reads badly
        if shape == "giao":
            partner = self.rng.choice(("các cơ quan, đơn vị liên quan", "các sở, ngành, địa phương"))
            text = f"Giao {owner} chủ trì, phối hợp với {partner} {task}; báo cáo {r} {when}."
        elif shape == "subject":
            text = f"{named} {task}, báo cáo kết quả về {r} {when}."
        elif shape == "de-nghi":
            text = f"Đề nghị {owner} {task}; gửi báo cáo về {r} {when}."
        elif recurring:
            text = f"Yêu cầu {owner} {task}; báo cáo {r} {when}."
        else:
            text = f"Yêu cầu {owner} {task}, hoàn thành {when}."
        self.duty((named,), ids, "báo cáo" if "báo cáo" in text else None, d, text, shape)
        return text

    def section(self, number: str, owner: str, ids, tasks: list[tuple[str, dl.Deadline | None]]) -> None:
        """ "2. Sở Tài chính" and dashed (or lettered) tasks under it."""
        self.heading(f"{number}. {owner}")
        lettered = self.rng.random() < 0.35
        for k, (task, d) in enumerate(tasks):
            mark = f"{'abcdđeg'[k]})" if lettered else "-"
            text = upper_first(task) + (f", {d.phrase}." if d else ".")
            if d and d.recurrence and d.due is None:
                text = upper_first(task) + f"; báo cáo kết quả {d.phrase}."
            self.para(f"{mark} {text}")
            self.duty((owner,), ids, None, d, text, "section")

    def block(self, number: int, owner: str, ids, task: str, partners: str, d: dl.Deadline) -> None:
        """ "1) Task:" then "- Cơ quan chủ trì: ...", "- Cơ quan phối hợp: ...", "- Thời gian thực hiện: ..."."""
        self.para(f"{number}) {upper_first(task)}:")
        self.para(f"- Cơ quan chủ trì thực hiện: {owner}.")
        self.para(f"- Cơ quan phối hợp: {partners}.")
        self.para(f"- Thời gian thực hiện: {d.phrase}.")
        self.duty((owner,), ids, None, d if (d.due or d.recurrence) else None, upper_first(task), "block")

    def task_table(self, rows: list[tuple[str, str, tuple[str, ...], str, dl.Deadline]], groups: list[str]) -> Table:
        """TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian, with roman group rows."""
        out: list[tuple[str, ...]] = [("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành")]
        bold_rows = {0}
        per_group = max(1, -(-len(rows) // max(1, len(groups))))
        n = 0
        for g, group in enumerate(groups):
            chunk = rows[g * per_group : (g + 1) * per_group]
            if not chunk:
                break
            bold_rows.add(len(out))
            out.append((("I", "II", "III", "IV", "V")[g], group, "", "", ""))
            for task, owner, ids, partner, d in chunk:
                n += 1
                out.append((str(n), upper_first(task), owner, partner, d.phrase))
                self.duty((owner,), ids, None, d if (d.due or d.recurrence) else None, upper_first(task), "table")
        return Table(tuple(out), (0.06, 0.42, 0.18, 0.2, 0.14), bold_rows=frozenset(bold_rows))
