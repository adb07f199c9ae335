"""The corpus as a timeline: which document is issued on each date, by whom, and what it answers.

Documents are planned in date order. On each date the planner looks at what is open — tasks whose
deadline is near, deadlines passed without a report, a superior's document not yet carried out —
and picks what a real office would issue next: a follow-up report from an owner, a reminder from
the issuer, an implementing plan from a subordinate, or a new directive. That is what makes
citation chains (Bộ → UBND tỉnh → Sở → UBND huyện), follow-up reports and reminders.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from corpus.generator import data
from corpus.generator import deadlines as dl
from corpus.generator.compose import Writer
from corpus.generator.kinds import COMPOSERS, Brief, Owner
from corpus.generator.model import Doc
from corpus.generator.phrases import TOPICS, Topic
from corpus.generator.world import Agency, Registry, World

DEFAULT_END = dt.date(2025, 6, 30)
DRAFT_RATE = 0.03  # unregistered copies: "Số:    /KH-UBND", "ngày    tháng 7 năm 2025"
KIND_ROLE = {
    "CV": "directive",
    "KH": "plan",
    "CT": "plan",
    "NQ": "plan",
    "HD": "plan",
    "QĐ": "decision",
    "TB": "notice",
    "GM": "invitation",
}


IMPLEMENTERS = frozenset({"ubnd-tinh", "so", "ubnd-huyen", "huyenuy"})  # who carries out a superior's document


def _week(day: dt.date) -> int:
    return day.toordinal() // 7


@dataclass
class Item:
    """A task one agency owes under one document."""

    doc: Doc
    agency: str
    due: dt.date | None
    reported: bool = False
    chasers: list[Doc] = field(default_factory=list)


def _window(count: int, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    end = end or DEFAULT_END
    if start is None:
        # A small corpus is dense (chains close within weeks); a large one spans several years.
        start = end - dt.timedelta(days=min(max(count * 4, 200), 1640))
    return start, end


def working_days(rng: random.Random, count: int, start: dt.date, end: dt.date) -> list[dt.date]:
    days = [start + dt.timedelta(days=k) for k in range((end - start).days + 1)]
    days = [d for d in days if d.weekday() < 5] or days
    return sorted(rng.choice(days) for _ in range(count))


class Planner:
    def __init__(self, count: int, seed: int, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self.rng = random.Random(seed)
        n = max(1, min(len(data.PROVINCES), 1 + count // 300))
        self.world = World(self.rng, self.rng.sample(sorted(data.PROVINCES), n))
        self.registry = Registry(self.rng)
        self.start, self.end = _window(count, start, end)
        self.dates = working_days(self.rng, count, self.start, self.end)
        self.docs: list[Doc] = []
        self.by_due: dict[int, list[Item]] = {}
        self.by_issue: dict[int, list[Item]] = {}
        self.implemented: dict[tuple[str, str], Doc] = {}
        self.reminded: set[str] = set()

    def run(self) -> list[Doc]:
        for i, day in enumerate(self.dates):
            doc = self._next(i, day)
            self.docs.append(doc)
        return self.docs

    # -- choosing what comes next -------------------------------------------------------------------

    def _next(self, i: int, day: dt.date) -> Doc:
        # Pick the role first, then look for something it can answer: scanning every open task
        # for every role on every date made planning quadratic in the corpus size.
        # Weights: new directives and reports dominate real correspondence; reminders are rarer.
        roles = (("new", 5.0), ("report", 3.5), ("reminder", 0.8), ("implement", 2.5))
        role = self.rng.choices([r for r, _ in roles], [w for _, w in roles])[0]
        if role == "report":
            item = self._reportable(day)
            if item is not None:
                return self._report(i, day, item)
        elif role == "reminder":
            directive = self._overdue(day)
            if directive is not None:
                return self._reminder(i, day, directive)
        elif role == "implement":
            found = self._implementable(day)
            if found is not None:
                return self._new(i, day, found[1], basis=found[0])
        return self._new(i, day, self._pick_issuer(day))

    # Open tasks are indexed by the week of their deadline and of their document, so that each
    # question below looks at a few weeks of tasks only.

    def _index(self, item: Item) -> None:
        if item.due is not None:
            self.by_due.setdefault(_week(item.due), []).append(item)
        self.by_issue.setdefault(_week(item.doc.date), []).append(item)

    def _reportable(self, day: dt.date) -> Item | None:
        """The open task with the earliest deadline between 12 days ahead and 30 days past,
        or failing that an undated one set 20 to 150 days ago."""
        for week in range(_week(day - dt.timedelta(days=30)), _week(day + dt.timedelta(days=12)) + 1):
            found = [
                it
                for it in self.by_due.get(week, ())
                if it.due is not None
                and _week(it.due) == week
                and -30 <= (it.due - day).days <= 12
                and not it.reported
                and it.doc.date < day
                and self._issuer(it.agency, day)
            ]
            if found:
                return min(found, key=lambda it: (it.due, it.doc.date))
        for week in range(_week(day - dt.timedelta(days=150)), _week(day - dt.timedelta(days=20)) + 1):
            for it in self.by_issue.get(week, ()):
                fresh = it.due is None and not it.reported and 20 <= (day - it.doc.date).days <= 150
                if fresh and self._issuer(it.agency, day):
                    return it
        return None

    def _overdue(self, day: dt.date) -> Doc | None:
        """The earliest directive with a task 3 to 60 days late, not yet chased."""
        for week in range(_week(day - dt.timedelta(days=60)), _week(day - dt.timedelta(days=3)) + 1):
            for it in self.by_due.get(week, ()):
                if (
                    it.due is not None
                    and _week(it.due) == week
                    and 3 <= (day - it.due).days <= 60
                    and not it.reported
                    and it.doc.id not in self.reminded
                    and self.world.agencies[it.doc.issuer_id].active(day)
                ):
                    return it.doc
        return None

    def _issuer(self, agency_id: str, day: dt.date) -> Agency | None:
        a = self.world.agencies.get(agency_id)
        return a if a is not None and a.active(day) else None

    def _implementable(self, day: dt.date) -> tuple[Doc, Agency] | None:
        """A superior's document, 3 to 90 days old, that a subordinate it tasked has not carried out."""
        weeks = list(range(_week(day - dt.timedelta(days=90)), _week(day - dt.timedelta(days=3)) + 1))
        self.rng.shuffle(weeks)
        for week in weeks:
            for it in self.by_issue.get(week, ()):
                if not 3 <= (day - it.doc.date).days <= 90 or it.doc.role in ("report", "reminder", "invitation"):
                    continue
                a = self._issuer(it.agency, day)
                if a and a.type in IMPLEMENTERS and (it.doc.id, a.id) not in self.implemented:
                    return it.doc, a
        return None

    def _pick_issuer(self, day: dt.date) -> Agency:
        active = [a for a in self.world.agencies.values() if a.active(day)]
        per_type = Counter(a.type for a in active)
        weights = [data.ISSUER_WEIGHTS[a.type] / per_type[a.type] for a in active]
        return self.rng.choices(active, weights)[0]

    # -- documents -----------------------------------------------------------------------------

    def _topic(self, agency: Agency, day: dt.date, prefer: str | None = None) -> Topic:
        """The basis's topic when carrying one out; otherwise, mostly, a topic the agency is in charge of."""
        if prefer is not None:
            return next(t for t in TOPICS if t.key == prefer)
        pool = [t for t in TOPICS if t.party == agency.party]
        own = [
            t
            for t in pool
            if agency.code in t.leads
            or agency.code in t.ministry
            or (agency.type == "phong" and t.office == agency.code)
        ]
        return self.rng.choice(own if own and self.rng.random() < 0.85 else pool)

    def _lead(self, agency: Agency, topic: Topic, day: dt.date) -> Agency | None:
        if agency.type == "bo" or (topic.leads[0].startswith("@") and topic.leads[0] != "@ban"):
            return None
        if topic.leads[0] == "@ban":
            return self.world.agencies.get(f"{agency.id.split('/')[0]}/BTGTU")
        if agency.type in ("ubnd-huyen", "phong", "ubnd-xa"):
            district = agency.id.rsplit("/", 1)[0]
            return self.world.agencies.get(f"{district}/{topic.office}")
        return self.world.department(agency.province or "", topic.leads, day)

    def _owners(self, agency: Agency, topic: Topic, day: dt.date, lead: Agency | None) -> list[Owner]:
        w = self.world
        owners: list[Owner] = []
        if lead is not None and lead is not agency and lead.superior == agency.id:
            owners.append(Owner(w.name_in(lead, agency, short_ok=False), (lead.id,)))
        for g in w.groups(agency, day):
            if self.rng.random() < 0.6:
                owners.append(Owner(g.label, g.members))
        singles = [a for a in w.directs(agency, day) if a is not lead]
        for a in self.rng.sample(singles, k=min(len(singles), self.rng.randint(1, 3))):
            owners.append(Owner(w.name_in(a, agency), (a.id,)))
        if agency.type in ("ubnd-tinh", "vpub", "so") and self.rng.random() < 0.4:
            unit = self.rng.choice(w.others(agency))
            owners.append(Owner(unit, (f"~{unit}",)))
        if len(owners) < 2:
            for g in w.groups(agency, day):
                if all(o.text != g.label for o in owners):
                    owners.append(Owner(g.label, g.members))
        return owners or [Owner("Các cơ quan, đơn vị liên quan", ())]

    def _doc(self, i: int, day: dt.date, agency: Agency, kind: str, role: str, topic: Topic, draft: bool) -> Doc:
        legal = kind == "QĐ" and agency.type == "ubnd-tinh" and self.rng.random() < 0.3  # quy phạm: 12/2024/QĐ-UBND
        ref = self.registry.reference(agency, kind, day, legal)
        if draft:
            ref = type(ref)(None, ref.symbol, ref.party, ref.year)
        doc = Doc(
            id=f"D{i:06d}",
            kind=kind,
            role=role,
            ref=ref,
            issuer_id=agency.id,
            issuer=agency.issuer,
            issuer_parent=agency.parent,
            issuer_full=agency.full,
            place=agency.place,
            date=day,
            day_blank=draft,
            subject="",
            topic=topic.key,
        )
        doc.layout.spacing = self.rng.choice((6.0, 6.0, 6.0, 6.0, 8.0, 10.0, 12.0))
        # offices draw the header table differently: a 6-7 cm left column, or two equal halves
        doc.layout.header_split = self.rng.choice((0.4, 0.42, 0.45, 0.5))
        return doc

    def _writer(self, doc: Doc, agency: Agency, lead: Agency | None) -> Writer:
        return Writer(self.world, self.registry, self.rng, doc, agency, lead)

    def _new(self, i: int, day: dt.date, agency: Agency, basis: Doc | None = None) -> Doc:
        kinds = data.KIND_WEIGHTS[agency.type]
        kind = self.rng.choices(list(kinds), list(kinds.values()))[0]
        if basis is not None and kind in ("GM", "TB"):
            kind = "KH"
        topic = self._topic(agency, day, basis.topic if basis else None)
        role = KIND_ROLE[kind]
        draft = basis is None and self.rng.random() < DRAFT_RATE
        doc = self._doc(i, day, agency, kind, role, topic, draft)
        lead = self._lead(agency, topic, day)
        brief = Brief(topic, self._owners(agency, topic, day, lead), basis=[basis] if basis else [], lead=lead)
        COMPOSERS[role](self._writer(doc, agency, lead), brief)
        if basis is not None:
            doc.implements = basis.id
            self.implemented[(basis.id, agency.id)] = doc
        if not draft and role != "invitation":
            self._open(doc)
        return doc

    def _open(self, doc: Doc) -> None:
        for duty in doc.duties:
            for agency_id in duty.owner_ids:
                if agency_id in self.world.agencies:
                    self._index(Item(doc, agency_id, duty.due))

    def _report(self, i: int, day: dt.date, item: Item) -> Doc:
        agency = self.world.agencies[item.agency]
        directive = item.doc
        kind = "BC" if agency.party or agency.type == "ubnd-xa" or self.rng.random() < 0.6 else "CV"
        topic = next(t for t in TOPICS if t.key == directive.topic)
        doc = self._doc(i, day, agency, kind, "report", topic, draft=False)
        lead = self._lead(agency, topic, day)
        own = self.implemented.get((directive.id, agency.id))
        brief = Brief(topic, [], basis=[own] if own else [], answered=directive, chasers=item.chasers, lead=lead)
        COMPOSERS["report"](self._writer(doc, agency, lead), brief)
        doc.answers = directive.id
        for it in self.by_issue.get(_week(directive.date), ()):
            if it.doc is directive and it.agency == agency.id:
                it.reported = True
        return doc

    def _reminder(self, i: int, day: dt.date, directive: Doc) -> Doc:
        agency = self.world.agencies[directive.issuer_id]
        late = [
            it
            for it in self.by_issue.get(_week(directive.date), ())
            if it.doc is directive and not it.reported and it.due is not None and it.due < day
        ]
        chased: dict[str, Owner] = {}
        for it in late:
            target = self.world.agencies[it.agency]
            chased.setdefault(target.id, Owner(self.world.name_in(target, agency, short_ok=False), (target.id,)))
        topic = next(t for t in TOPICS if t.key == directive.topic)
        doc = self._doc(i, day, agency, "CV", "reminder", topic, draft=False)
        lead = self._lead(agency, topic, day)
        first_due = min(it.due for it in late if it.due)
        old = f"trước ngày {dl.dmy(first_due, self.rng)}"
        brief = Brief(topic, [], answered=directive, chased=list(chased.values())[:6], lead=lead, old_deadline=old)
        COMPOSERS["reminder"](self._writer(doc, agency, lead), brief)
        doc.reminds = directive.id
        self.reminded.add(directive.id)
        new_due = doc.duties[-1].due if doc.duties else None
        named = {i for o in brief.chased for i in o.ids}
        for it in late:
            if it.agency in named:
                it.due = new_due
                it.chasers.append(doc)
                if new_due is not None:
                    self.by_due.setdefault(_week(new_due), []).append(it)  # the old week's entry goes stale
        return doc
