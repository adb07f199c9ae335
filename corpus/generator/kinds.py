"""The bodies of the kinds of document: directive công văn, kế hoạch, quyết định, thông báo kết luận,
giấy mời, follow-up báo cáo and reminder (đôn đốc).

Each composer gets a Writer (frame and sentence helpers that record the ground truth) and a
``Brief`` from the planner saying whom the document addresses, what it carries out or answers,
and whom it chases. Sentences without a deadline carry no deadline word either, so that every
dated task the extractor could find is one the ground truth lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from corpus.generator import deadlines as dl
from corpus.generator import phrases as ph
from corpus.generator.compose import Writer, bold, lower_first, upper_first
from corpus.generator.model import Citation, Doc, Para, Run
from corpus.generator.phrases import Topic
from corpus.generator.world import Agency


@dataclass
class Owner:
    text: str  # as written
    ids: tuple[str, ...]


@dataclass
class Brief:
    topic: Topic
    owners: list[Owner]  # units the document gives tasks to
    basis: list[Doc] = field(default_factory=list)  # corpus documents it carries out (cited)
    answered: Doc | None = None  # report: the directive it answers
    chasers: list[Doc] = field(default_factory=list)  # report: reminders it also answers
    lead: Agency | None = None  # the department advising on the topic
    chased: list[Owner] = field(default_factory=list)  # reminder: who has not reported
    old_deadline: str | None = None  # reminder: the deadline the directive set


def _self(w: Writer) -> str:
    """How a document names its own issuer in its text."""
    return w.agency.own


def _tasks(w: Writer, topic: Topic, n: int) -> list[str]:
    pool = list(topic.tasks) + [t.format(t=topic.name) for t in ph.GENERIC_TASKS]
    w.rng.shuffle(pool)
    return pool[:n]


def _basis_sentence(w: Writer, b: Brief) -> str:
    """ "Thực hiện Kế hoạch số ... của UBND tỉnh về ...; Nghị định số ... của Chính phủ ..." """
    parts = [w.cite(d) for d in b.basis]
    national = [k for k in b.topic.basis if ph.NATIONAL[k].date < w.doc.date]
    for key in w.rng.sample(national, k=min(len(national), w.rng.randint(0 if parts else 1, 2))):
        parts.append(w.cite_national(key))
    if not parts or (w.agency.superior and w.rng.random() < 0.25):
        superior = w.world.agencies.get(w.agency.superior or "")
        if superior is not None:
            parts.append(w.cite_outside(superior, w.rng.choice(("KH", "CV")), f"triển khai {b.topic.name}", w.doc.date))
    return "; ".join(parts)


def _owner_tasks(w: Writer, b: Brief, numbered: bool) -> None:
    """Numbered items, each a dated sentence or an owner-headed section of dashed tasks."""
    owners = b.owners[:]
    w.rng.shuffle(owners)
    for k, owner in enumerate(owners[: w.rng.randint(2, 5)], start=1):
        tasks = _tasks(w, b.topic, w.rng.randint(1, 3))
        if w.rng.random() < 0.45 and len(tasks) > 1:
            items = [(t, dl.running(w.doc.ref_date, w.rng) if w.rng.random() < 0.7 else None) for t in tasks]
            w.section(str(k), owner.text, owner.ids, items)
            continue
        subject = w.rng.random() < 0.5
        task = (
            tasks[0]
            if not subject or w.rng.random() < 0.5
            else f"{w.rng.choice(('chủ động', 'có trách nhiệm', 'khẩn trương'))} {tasks[0]}"
        )
        text = w.sentence_task(owner.text, owner.ids, task, dl.running(w.doc.ref_date, w.rng))
        w.para(f"{k}. {text}" if numbered else text)


def directive(w: Writer, b: Brief) -> None:
    """A công văn giving tasks: basis, "như sau:", numbered tasks, closing."""
    doc = w.doc
    doc.subject = w.rng.choice(ph.CV_SUBJECTS).format(t=b.topic.name)
    w.frame()
    w.kinh_gui([o.text for o in b.owners[:6]])
    me = _self(w)
    if w.agency.type == "ubnd-tinh" and b.lead and not b.basis and w.rng.random() < 0.4:
        opening = (
            f"Xét đề nghị của {w.name(b.lead)} tại "
            f"{w.cite_outside(b.lead, 'CV', f'tham mưu triển khai {b.topic.name}', doc.date)}, "
            "Chủ tịch UBND tỉnh có ý kiến như sau:"
        )
    else:
        verb = w.rng.choice(("yêu cầu", "đề nghị"))
        opening = (
            f"Thực hiện {_basis_sentence(w, b)}; {me} {verb} các cơ quan, đơn vị triển khai thực hiện "
            "một số nội dung sau:"
        )
    w.para(opening)
    _owner_tasks(w, b, numbered=True)
    w.para(w.rng.choice(ph.CLOSINGS_DIRECTIVE))
    w.signature(w.recipients())


def plan(w: Writer, b: Brief) -> None:
    """A kế hoạch: purpose and requirements, tasks, organisation by owner, reporting, optional appendix."""
    doc, rng, t = w.doc, w.rng, b.topic
    year = doc.date.year if doc.date.month < 10 else doc.date.year + 1
    place = w.agency.province if w.agency.type != "ubnd-huyen" else w.agency.district
    titles = ph.PLAN_TITLES if doc.kind == "KH" else ph.OTHER_TITLES[doc.kind]
    doc.subject = rng.choice(titles).format(t=t.name, y=year, y2=year + 2, place=place or "tỉnh")
    w.frame()
    me = _self(w)
    word = {"KH": "Kế hoạch", "CT": "Chỉ thị", "NQ": "Nghị quyết", "HD": "Hướng dẫn"}[doc.kind]
    w.para(f"Thực hiện {_basis_sentence(w, b)}, {me} ban hành {word} {lower_first(doc.subject)}, cụ thể như sau:")
    w.heading("I. MỤC ĐÍCH, YÊU CẦU")
    w.heading("1. Mục đích")
    for s in rng.sample(ph.PURPOSES, 2):
        w.para(s.format(t=t.name))
    w.heading("2. Yêu cầu")
    for s in rng.sample(ph.REQUIREMENTS, 2):
        w.para(s)
    w.heading("II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM")
    for task in _tasks(w, t, 3):
        w.para(f"- {upper_first(task)}.")
    w.heading("III. TỔ CHỨC THỰC HIỆN")
    owners = b.owners[:]
    rng.shuffle(owners)
    for k, owner in enumerate(owners[: rng.randint(2, 4)], start=1):
        items = [
            (task, dl.running(doc.ref_date, rng, (30, 200)) if rng.random() < 0.6 else None)
            for task in _tasks(w, t, rng.randint(1, 3))
        ]
        w.section(str(k), owner.text, owner.ids, items)
    groups = [o for o in b.owners if len(o.ids) > 1][:2] or b.owners[:1]
    d = dl.running(doc.ref_date, rng, form=rng.choice(("yearly", "yearly", "semiannual", "monthly")))
    who = ", ".join(o.text for o in groups)
    text = f"{who} báo cáo kết quả thực hiện {word} về {w.recipient_phrase()} {d.phrase}."
    w.heading("IV. CHẾ ĐỘ BÁO CÁO")
    w.para(text)
    w.duty(tuple(o.text for o in groups), tuple(i for o in groups for i in o.ids), "báo cáo", d, text, "subject")
    if doc.kind == "KH" and rng.random() < 0.4:
        _appendix(w, b)
    w.signature(w.recipients(), style=rng.choice(("TM", "KT")))


def _appendix(w: Writer, b: Brief) -> None:
    rng, doc = w.rng, w.doc
    w.para("Phân công nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.")
    rows = []
    for owner in b.owners:
        for task in _tasks(w, b.topic, rng.randint(1, 2)):
            partner = rng.choice(
                ("Các sở, ban, ngành liên quan", "UBND các địa phương", "Các cơ quan, đơn vị liên quan")
            )
            rows.append((task, owner.text, owner.ids, partner, dl.cell(doc.ref_date, rng)))
    rng.shuffle(rows)
    table = w.task_table(rows[: rng.randint(3, 9)], ["Nhiệm vụ chung", "Nhiệm vụ cụ thể"][: rng.randint(1, 2)])
    ref = doc.reference if doc.ref.number else f"      {doc.reference}"
    w.layout.appendix = [
        bold("PHỤ LỤC", align="center", indent=False, keep=True),
        bold(f"PHÂN CÔNG NHIỆM VỤ {b.topic.name.upper()}", align="center", indent=False, keep=True, before=0),
        Para(
            (Run(f"(Kèm theo Kế hoạch số {ref} ngày {dl.dmy(doc.date, rng)} của {_self(w)})", italic=True),),
            align="center",
            indent=False,
            before=0,
            keep=True,
        ),
        table,
    ]


def decision(w: Writer, b: Brief) -> None:
    """A quyết định: the deciding authority, Căn cứ lines, "QUYẾT ĐỊNH:", Điều 1..4."""
    doc, rng, t, a = w.doc, w.rng, b.topic, w.agency
    year = doc.date.year
    doc.subject = rng.choice(ph.DECISION_TITLES).format(t=t.name, y=year)
    w.frame()
    authority = {
        "ubnd-tinh": f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {(a.province or '').upper()}",
        "ubnd-huyen": f"ỦY BAN NHÂN DÂN {(a.district or '').upper()}",
        "bo": f"BỘ TRƯỞNG {a.issuer.upper()}",
    }.get(a.type, a.issuer.upper())
    w.layout.body.append(bold(authority, align="center", indent=False, before=10))
    if doc.date >= dt.date(2025, 7, 1):
        law = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025"
        w.record(Citation("72/2025/QH15", "LUAT", dt.date(2025, 6, 16), "Quốc hội"))
    else:
        law = "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    if a.type == "bo":
        law = (
            "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025"
            if doc.date.year >= 2025
            else "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"
        )
    lines = [law] + [w.cite(d) for d in b.basis]
    national = [k for k in t.basis if ph.NATIONAL[k].date < doc.date]
    lines += [w.cite_national(k) for k in rng.sample(national, k=min(2, len(national)))]
    for line in lines:
        w.layout.body.append(Para((Run(f"Căn cứ {line};", italic=True),)))
    if b.lead is not None:
        day = doc.date - dt.timedelta(days=rng.randint(3, 20))
        ttr = w.registry.earlier(b.lead, "TTr", day)
        w.record(Citation(ttr.text, "TTr", day, b.lead.refer, None))
        head = {"so": "Giám đốc", "phong": "Trưởng"}.get(b.lead.type, "Thủ trưởng")
        w.layout.body.append(
            Para(
                (
                    Run(
                        f"Theo đề nghị của {head} {b.lead.issuer} tại Tờ trình số {ttr.text} ngày {dl.dmy(day, rng)}.",
                        italic=True,
                    ),
                )
            )
        )
    w.layout.body.append(bold("QUYẾT ĐỊNH:", align="center", indent=False, before=10))
    what = lower_first(doc.subject.removeprefix("Về việc "))
    w.para(f"Điều 1. {upper_first(what)} (chi tiết kèm theo).")
    owners = b.owners[:]
    rng.shuffle(owners)
    sentences = []
    for owner in owners[: rng.randint(1, 3)]:
        task = _tasks(w, t, 1)[0]
        sentences.append(w.sentence_task(owner.text, owner.ids, task, dl.running(doc.ref_date, rng), shape="giao"))
    w.para("Điều 2. " + " ".join(sentences))
    w.para("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.")
    heads = (
        "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở"
        if a.type == "ubnd-tinh"
        else "Chánh Văn phòng, Thủ trưởng các đơn vị"
    )
    w.para(f"Điều 4. {heads}, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.")
    w.signature(["Như Điều 4", *w.recipients()], style=rng.choice(("TM", "KT", "head")))


def notice(w: Writer, b: Brief) -> None:
    """A thông báo kết luận: who chaired which meeting, then the conclusions and the tasks."""
    doc, rng, t = w.doc, w.rng, b.topic
    a = w.agency
    if a.type == "vpub":
        province_ubnd = w.world.agencies[f"{a.id.split('/')[0]}/UBND"]
        chair, role = rng.choice(province_ubnd.deputies), "Phó Chủ tịch UBND tỉnh"
    else:
        role = {
            "bo": "Thứ trưởng",
            "so": f"Phó Giám đốc {a.issuer}",
            "tinhuy": "Phó Bí thư Thường trực Tỉnh ủy",
            "huyenuy": f"Phó Bí thư {a.issuer}",
        }.get(a.type, "Phó Thủ trưởng cơ quan")
        chair = rng.choice(a.deputies)
    doc.subject = f"Kết luận của {role} {chair} tại cuộc họp về {t.name}"
    w.frame()
    met = doc.date - dt.timedelta(days=rng.randint(1, 6))
    lead = w.name(b.lead) if b.lead else "các cơ quan chuyên môn"
    w.para(
        f"Ngày {dl.dmy(met, rng)}, {role} {chair} chủ trì cuộc họp về {t.name}. Tham dự cuộc họp có "
        f"đại diện lãnh đạo {lead} và các cơ quan, đơn vị liên quan."
    )
    w.para(f"Sau khi nghe {lead} báo cáo và ý kiến của các thành viên dự họp, {role} {chair} kết luận như sau:")
    w.heading("1. Ghi nhận, biểu dương sự nỗ lực của các cơ quan, đơn vị trong thời gian qua.")
    w.heading("2. Nhiệm vụ thời gian tới:")
    owners = b.owners[:]
    rng.shuffle(owners)
    for k, owner in enumerate(owners[: rng.randint(2, 4)]):
        task = _tasks(w, t, 1)[0]
        text = w.sentence_task(owner.text, owner.ids, task, dl.running(doc.ref_date, rng))
        w.para(f"{'abcdđ'[k]}) {text}")
    w.para(f"{_self(w)} thông báo để các cơ quan, đơn vị biết, thực hiện./.")
    w.signature(w.recipients(), style=rng.choice(("KT", "head")))


def invitation(w: Writer, b: Brief) -> None:
    """A giấy mời: "trân trọng kính mời:", the invitees, "Thời gian: ...", "Địa điểm: ..."."""
    doc, rng, t = w.doc, w.rng, b.topic
    event = rng.choice(("Hội nghị triển khai", "Hội nghị sơ kết", "cuộc họp đánh giá tình hình thực hiện"))
    doc.subject = f"Dự {event} {t.name}"
    w.frame()
    if b.basis:
        w.para(f"Thực hiện {w.cite(b.basis[0])}, {_self(w)} tổ chức {event} {t.name}.")
    w.para(f"{_self(w)} trân trọng kính mời:")
    invitees = b.owners[: rng.randint(2, 5)]
    for i, o in enumerate(invitees):
        end = "." if i == len(invitees) - 1 else ";"
        name = "các" + o.text[3:] if o.text.startswith("Các ") else o.text
        w.para(f"- Đại diện lãnh đạo {name}{end}", indent=False)
    w.para(f"Tới dự {event} {t.name}.")
    day = dl.meeting_day(doc.date, rng)
    weekday = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu")[day.weekday()]
    hour = rng.choice(("08 giờ 00", "14 giờ 00", "07 giờ 30", "08 giờ 30"))
    when = f"Thời gian: {hour}, {weekday}, ngày {dl.dmy(day, rng)}."
    w.para(when, indent=False)
    w.para(f"Địa điểm: Hội trường {w.agency.refer}.", indent=False)
    w.duty(tuple(o.text for o in invitees), tuple(i for o in invitees for i in o.ids), "tham dự",
           dl.Deadline(when, day, None, "meeting"), when, "invite")  # fmt: skip
    if b.lead is not None and b.lead is not w.agency and rng.random() < 0.6:
        d = dl.Deadline(
            f"trước ngày {dl.dmy(day - dt.timedelta(days=2), rng)}", day - dt.timedelta(days=2), None, "date"
        )
        lead = w.name(b.lead)
        text = f"Đề nghị {lead} chuẩn bị báo cáo tham luận, gửi về {w.agency.refer} {d.phrase}."
        w.para(text)
        w.duty((lead,), (b.lead.id,), "gửi", d, text, "de-nghi")
    w.para("Rất mong các đại biểu tham dự đúng thời gian./.")
    w.signature(["Như thành phần mời", f"Lưu: VT, {doc.ref.symbol.split('-')[-1]}"], style=rng.choice(("KT", "head")))


def report(w: Writer, b: Brief) -> None:
    """A follow-up: "Thực hiện Công văn số ... của UBND tỉnh về ..., Sở X báo cáo như sau:"."""
    doc, rng, t = w.doc, w.rng, b.topic
    d = b.answered
    assert d is not None
    word = (
        rng.choice(("Công văn", "Văn bản"))
        if d.kind == "CV"
        else {
            "KH": "Kế hoạch",
            "QĐ": "Quyết định",
            "TB": "Thông báo",
            "GM": "Giấy mời",
            "CT": "Chỉ thị",
            "NQ": "Nghị quyết",
            "HD": "Hướng dẫn",
        }[d.kind]
    )
    superior = w.world.agencies[d.issuer_id]
    if doc.kind == "BC":
        doc.subject = rng.choice(
            (f"Kết quả thực hiện {word} số {d.reference} của {w.name(superior)}", f"Kết quả triển khai {t.name}")
        )
    else:
        doc.subject = f"báo cáo kết quả thực hiện {word} số {d.reference}"
    w.frame()
    if doc.kind == "CV" or rng.random() < 0.4:
        w.kinh_gui([superior.full if superior.type != "so" else superior.issuer])
    cites = [w.cite(d)] + [w.cite(c, with_subject=False) for c in b.chasers]
    me = _self(w)
    w.para(f"Thực hiện {' và '.join(cites)}, {me} báo cáo kết quả thực hiện như sau:")
    w.heading("I. KẾT QUẢ THỰC HIỆN")
    w.heading("1. Công tác chỉ đạo, triển khai")
    line = f"{me} đã quán triệt, triển khai nội dung chỉ đạo đến các phòng, đơn vị trực thuộc"
    if b.basis:
        line += f"; ban hành {w.cite(b.basis[0], with_subject=False)} để tổ chức thực hiện"
    w.para(line + ".")
    if rng.random() < 0.35:
        # Realistic past event: a report says when a meeting was held. Not a task.
        held = doc.date - dt.timedelta(days=rng.randint(5, 40))
        w.para(
            f"{me} đã tổ chức hội nghị triển khai vào ngày {dl.dmy(held, rng)} với sự tham dự của các đơn vị liên quan."
        )
        doc.distractors.append(f"held:{held.isoformat()}")
    w.heading("2. Kết quả cụ thể")
    for s in rng.sample(t.results, min(len(t.results), 2)):
        w.para(
            s.format(
                n=rng.randint(12, 60),
                k=rng.randint(2, 11),
                m=rng.randint(100, 5000),
                pct=f"{rng.randint(55, 99)},{rng.randint(1, 9)}",
            )
        )
    w.heading("II. KHÓ KHĂN, VƯỚNG MẮC")
    for s in rng.sample(ph.DIFFICULTIES, 2):
        w.para(f"- {s.format(t=t.name)}")
    w.heading("III. ĐỀ XUẤT, KIẾN NGHỊ")
    w.para(rng.choice(ph.PROPOSALS).format(t=t.name))
    w.para(f"Trên đây là báo cáo kết quả thực hiện của {me}, kính báo cáo {w.name(superior)} xem xét, chỉ đạo./.")
    w.signature(w.recipients(), style=rng.choice(("KT", "head")))


def reminder(w: Writer, b: Brief) -> None:
    """A đôn đốc: cites the directive, names who has not reported, sets a new deadline."""
    doc, rng = w.doc, w.rng
    d = b.answered
    assert d is not None
    word = (
        "Công văn"
        if d.kind == "CV"
        else {
            "KH": "Kế hoạch",
            "QĐ": "Quyết định",
            "TB": "Thông báo",
            "CT": "Chỉ thị",
            "NQ": "Nghị quyết",
            "HD": "Hướng dẫn",
            "GM": "Giấy mời",
        }[d.kind]
    )
    doc.subject = f"đôn đốc báo cáo kết quả thực hiện {word} số {d.reference}"
    w.frame()
    names = [o.text for o in b.chased]
    w.kinh_gui(names)
    me = _self(w)
    first = f"Thực hiện {w.cite(d)}, {me} đã giao các cơ quan, đơn vị triển khai thực hiện và báo cáo kết quả"
    if b.old_deadline and rng.random() < 0.5:
        first += f" {b.old_deadline}"
        doc.distractors.append(f"restated:{b.old_deadline}")
    w.para(first + ".")
    listing = ", ".join(names)
    w.para(f"Tuy nhiên, đến nay còn một số đơn vị chưa gửi báo cáo, gồm: {listing}.")
    new = dl.running(doc.ref_date, rng, (5, 15), form=rng.choice(("date", "date", "date", "time-of-day")))
    head = "Chủ tịch UBND tỉnh" if w.agency.type == "ubnd-tinh" else f"Lãnh đạo {me}"
    text = (
        f"Để kịp thời tổng hợp, {me} đề nghị {listing} khẩn trương báo cáo kết quả thực hiện về "
        f"{w.recipient_phrase()} {new.phrase}; quá thời hạn nêu trên, đơn vị nào chưa báo cáo thì Thủ trưởng "
        f"đơn vị chịu trách nhiệm trước {head}."
    )
    w.para(text)
    w.duty(tuple(names), tuple(i for o in b.chased for i in o.ids), "báo cáo", new, text, "reminder")
    w.para(f"{me} đề nghị các đơn vị quan tâm, thực hiện./.")
    w.signature(w.recipients(), style=rng.choice(("KT", "head")))


COMPOSERS = {
    "directive": directive,
    "plan": plan,
    "decision": decision,
    "notice": notice,
    "invitation": invitation,
    "report": report,
    "reminder": reminder,
}

__all__ = ["COMPOSERS", "Brief", "Owner"]
