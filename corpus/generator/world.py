"""The administrative world a corpus is written in: agencies, who directs whom, their people and numbers.

Built once per corpus from the seed. Every agency knows how its header reads, how the contract
names it (the lower header line), how other documents refer to it, who signs for it, and which
agency it answers to. ``Registry`` hands out document numbers the way a văn thư does: one series
per state agency per calendar year (Nghị định 30/2020/NĐ-CP, Điều 15), one series per kind and
per term for a party body (Hướng dẫn 36-HD/VPTW).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from corpus.generator import data
from corpus.generator.model import Ref


@dataclass
class Agency:
    id: str
    type: str  # a key of data.KIND_WEIGHTS
    header: tuple[str, ...]  # caps lines of the header's left column, top down
    issuer: str  # the contract's issuer: the lower header line in full words
    parent: str | None  # the upper header line in full words, if any
    full: str  # unambiguous name: "Sở Tài chính tỉnh Quảng Ngãi"
    refer: str  # how other documents of its province name it: "UBND tỉnh", "Sở Tài chính"
    code: str
    sections: tuple[str, ...]
    place: str  # the place of the date line
    province: str | None
    superior: str | None  # the agency that directs it
    short: str | None = None  # an abbreviated form some clerks write ("Sở KH&CN")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    head: str = ""
    deputies: tuple[str, ...] = ()
    district: str | None = None  # for a district's offices and communes: the district's name

    @property
    def own(self) -> str:
        """How the agency's own documents name it: "Ủy ban nhân dân tỉnh", "Ban Thường vụ Huyện ủy"."""
        if self.type == "ubnd-tinh":
            return "Ủy ban nhân dân tỉnh"
        if self.type == "ubnd-huyen" and self.district:
            return f"UBND {self.district.rsplit(' ', len(self.place.split()))[0]}"
        if self.type == "tinhuy":
            return "Ban Thường vụ Tỉnh ủy"
        if self.type == "huyenuy":
            return f"Ban Thường vụ {self.issuer.removesuffix(' ' + self.place)}"
        if self.type == "vpub":
            return "Văn phòng UBND tỉnh"
        if self.type == "ban":
            return f"{self.issuer} Tỉnh ủy"
        return self.refer

    @property
    def party(self) -> bool:
        return self.type in data.PARTY_TYPES

    def active(self, day: dt.date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True)
class Group:
    """Owners a directive names together ("Các sở, ban, ngành tỉnh"), with the agencies it stands for."""

    label: str
    members: tuple[str, ...]


def _ids(agencies) -> tuple[str, ...]:
    return tuple(a.id for a in agencies)


def _level_caps(level: str, name: str) -> str:
    return f"{level} {name}".upper()


class World:
    def __init__(self, rng: random.Random, provinces: list[str]) -> None:
        self.rng = rng
        self.agencies: dict[str, Agency] = {}
        self.provinces = provinces
        self._names: set[str] = set()
        self._build()

    # -- construction -----------------------------------------------------------------------

    def _person(self) -> str:
        for _ in range(200):
            name = " ".join(
                (
                    self.rng.choice(data.FAMILY_NAMES),
                    self.rng.choice(data.MIDDLE_NAMES),
                    self.rng.choice(data.GIVEN_NAMES),
                )
            )
            if name not in self._names:
                self._names.add(name)
                return name
        return name

    def _add(self, agency: Agency) -> Agency:
        agency.head = self._person()
        agency.deputies = tuple(self._person() for _ in range(self.rng.randint(1, 3)))
        self.agencies[agency.id] = agency
        return agency

    def _build(self) -> None:
        for name, code, sections, valid_from, valid_to in data.MINISTRIES:
            self._add(
                Agency(
                    f"BO/{code}", "bo", (name.upper(),), name, None, name, name, code, sections, "Hà Nội", None,
                    None, valid_from=valid_from, valid_to=valid_to,
                )
            )  # fmt: skip
        for k, province in enumerate(self.provinces):
            self._build_province(f"P{k}", province)

    def _build_province(self, pid: str, p: str) -> None:
        ubnd = f"Ủy ban nhân dân tỉnh {p}"
        self._add(
            Agency(
                f"{pid}/UBND", "ubnd-tinh", ("ỦY BAN NHÂN DÂN", f"TỈNH {p.upper()}"), ubnd, None, ubnd, "UBND tỉnh",
                "UBND", data.UBND_SECTIONS, p, p, None,
            )
        )  # fmt: skip
        self._add(
            Agency(
                f"{pid}/VPUB", "vpub", (f"UBND TỈNH {p.upper()}", "VĂN PHÒNG"), "Văn phòng", ubnd,
                f"Văn phòng Ủy ban nhân dân tỉnh {p}", "Văn phòng UBND tỉnh", "VPUB", ("KT", "KGVX", "TH"), p, p,
                f"{pid}/UBND",
            )
        )  # fmt: skip
        for name, code, sections, short, valid_from, valid_to in data.DEPARTMENTS:
            self._add(
                Agency(
                    f"{pid}/{code}", "so", (f"UBND TỈNH {p.upper()}", name.upper()), name, ubnd, f"{name} tỉnh {p}",
                    name, code, sections, p, p, f"{pid}/UBND", short, valid_from, valid_to,
                )
            )  # fmt: skip
        tinhuy = f"Tỉnh ủy {p}"
        self._add(
            Agency(
                f"{pid}/TU", "tinhuy", (f"TỈNH ỦY {p.upper()}",), tinhuy, None, tinhuy, "Ban Thường vụ Tỉnh ủy", "TU",
                (), p, p, None,
            )
        )  # fmt: skip
        for ban, code in (("Ban Tuyên giáo", "BTGTU"), ("Ban Tổ chức", "BTCTU")):
            self._add(
                Agency(
                    f"{pid}/{code}", "ban", (f"TỈNH ỦY {p.upper()}", ban.upper()), ban, tinhuy,
                    f"{ban} Tỉnh ủy {p}", f"{ban} Tỉnh ủy", code, (), p, p, f"{pid}/TU",
                )
            )  # fmt: skip
        for d, (level, dname, communes) in enumerate(data.PROVINCES[p]):
            self._build_district(f"{pid}/D{d}", pid, p, level, dname, communes)

    def _build_district(self, did: str, pid: str, p: str, level: str, dname: str, communes) -> None:
        ubnd = f"Ủy ban nhân dân {level} {dname}"
        end = data.DISTRICTS_END
        self._add(
            Agency(
                f"{did}/UBND", "ubnd-huyen", ("ỦY BAN NHÂN DÂN", _level_caps(level, dname)), ubnd, None, ubnd,
                f"UBND {level} {dname}", "UBND", data.DISTRICT_SECTIONS, dname, p, f"{pid}/UBND",
                valid_to=end + dt.timedelta(days=1), district=f"{level} {dname}",
            )
        )  # fmt: skip
        for name, code in data.DISTRICT_OFFICES:
            self._add(
                Agency(
                    f"{did}/{code}", "phong", (f"UBND {_level_caps(level, dname)}", name.upper()), name, ubnd,
                    f"{name} {level} {dname}", name, code, (), dname, p, f"{did}/UBND",
                    valid_to=end + dt.timedelta(days=1), district=f"{level} {dname}",
                )
            )  # fmt: skip
        party = {"huyện": ("Huyện ủy", "HU"), "thị xã": ("Thị ủy", "ThU"), "thành phố": ("Thành ủy", "TU")}[level]
        self._add(
            Agency(
                f"{did}/HU", "huyenuy", (f"ĐẢNG BỘ TỈNH {p.upper()}", f"{party[0]} {dname}".upper()),
                f"{party[0]} {dname}", f"Đảng bộ tỉnh {p}", f"{party[0]} {dname}", f"{party[0]} {dname}",
                party[1], (), dname, p, f"{pid}/TU", valid_to=end + dt.timedelta(days=1), district=f"{level} {dname}",
            )
        )  # fmt: skip
        for c, (clevel, cname) in enumerate(communes):
            cubnd = f"Ủy ban nhân dân {clevel} {cname}"
            self._add(
                Agency(
                    f"{did}/X{c}", "ubnd-xa", ("ỦY BAN NHÂN DÂN", _level_caps(clevel, cname)), cubnd, None,
                    f"{cubnd}, {level} {dname}", f"UBND {clevel} {cname}", "UBND", ("VP",), cname, p,
                    f"{did}/UBND", valid_to=end + dt.timedelta(days=1), district=f"{level} {dname}",
                )
            )  # fmt: skip

    # -- queries ---------------------------------------------------------------------------------

    def of_type(self, kind: str, day: dt.date, province: str | None = None) -> list[Agency]:
        return [
            a
            for a in self.agencies.values()
            if a.type == kind and a.active(day) and (province is None or a.province == province)
        ]

    def subordinates(self, agency: Agency, day: dt.date) -> list[Agency]:
        return [a for a in self.agencies.values() if a.superior == agency.id and a.active(day)]

    def department(self, province: str, codes: tuple[str, ...], day: dt.date) -> Agency | None:
        """The first of ``codes`` that exists in the province on ``day`` (departments merged in 2025)."""
        for code in codes:
            for a in self.of_type("so", day, province):
                if a.code == code:
                    return a
        return None

    def ministry(self, codes: tuple[str, ...], day: dt.date) -> Agency | None:
        for code in codes:
            a = self.agencies.get(f"BO/{code}")
            if a and a.active(day):
                return a
        return None

    def groups(self, agency: Agency, day: dt.date) -> list[Group]:
        """The groups of subordinates a directive of ``agency`` may address."""
        t, p = agency.type, agency.province
        out: list[Group] = []
        if t in ("ubnd-tinh", "vpub"):
            out = [Group("Các sở, ban, ngành tỉnh", _ids(self.of_type("so", day, p))), self._districts(p, day)]
        elif t == "so":
            out = [self._districts(p, day)]
        elif t == "ubnd-huyen":
            out = self._district_groups(agency, day)
        elif t == "phong":
            out = [self._communes_of_office(agency, day)]
        elif t == "bo":
            out = [Group("UBND các tỉnh, thành phố trực thuộc Trung ương", _ids(self.of_type("ubnd-tinh", day)))]
        elif t == "tinhuy":
            label = "Các huyện ủy, thị ủy, thành ủy trực thuộc Tỉnh ủy"
            out = [Group(label, _ids(self.of_type("huyenuy", day, p)))]
        return [g for g in out if g.members]

    def _districts(self, province: str | None, day: dt.date) -> Group:
        return Group("UBND các huyện, thị xã, thành phố", _ids(self.of_type("ubnd-huyen", day, province)))

    def _district_groups(self, district: Agency, day: dt.date) -> list[Group]:
        """A district's offices, and its communes, named "xã, phường" when some of them are wards."""
        subs = self.subordinates(district, day)
        offices = Group("Các phòng, ban chuyên môn thuộc UBND huyện", _ids(a for a in subs if a.type == "phong"))
        communes = [a for a in subs if a.type == "ubnd-xa"]
        label = "UBND các xã, phường" if any("phường" in a.issuer for a in communes) else "UBND các xã"
        return [offices, Group(label, _ids(communes))]

    def _communes_of_office(self, office: Agency, day: dt.date) -> Group:
        """The communes of the district an office (phòng) belongs to."""
        superior = self.agencies[office.superior] if office.superior else None
        communes = [a for a in self.subordinates(superior, day) if a.type == "ubnd-xa"] if superior else []
        return Group("UBND các xã, thị trấn", _ids(communes))

    def directs(self, agency: Agency, day: dt.date) -> list[Agency]:
        """Agencies a directive of ``agency`` may give tasks to, one by one."""
        t, p = agency.type, agency.province
        if t in ("ubnd-tinh", "vpub"):
            return self.of_type("so", day, p) + self.of_type("ubnd-huyen", day, p)
        if t == "so":
            return self.of_type("ubnd-huyen", day, p) + [a for a in self.of_type("so", day, p) if a is not agency]
        if t == "ubnd-huyen":
            return self.subordinates(agency, day)
        if t == "phong":
            superior = self.agencies[agency.superior] if agency.superior else None
            return [a for a in self.subordinates(superior, day) if a.type == "ubnd-xa"] if superior else []
        if t == "bo":
            return self.of_type("ubnd-tinh", day)
        if t == "tinhuy":
            return self.of_type("huyenuy", day, p) + self.of_type("ban", day, p)
        if t == "ban":
            return self.of_type("huyenuy", day, p)
        return []

    def others(self, agency: Agency) -> list[str]:
        """Units of the agency's province that take tasks but issue nothing in the corpus."""
        p = agency.province
        if not p:
            return []
        return [u.format(p=p) for u in data.OTHER_PROVINCIAL_UNITS + data.COMPANIES]

    def name_in(self, target: Agency, viewer: Agency, short_ok: bool = True) -> str:
        """How a document of ``viewer`` names ``target`` in its text."""
        if target.type == "ubnd-tinh" and viewer.province != target.province:
            return f"UBND tỉnh {target.province}"
        if target.type == "ubnd-tinh" and viewer.type == "ubnd-tinh":
            return "Ủy ban nhân dân tỉnh"
        if target.type == "so" and viewer.province != target.province:
            return target.full
        if target.short and short_ok and self.rng.random() < 0.25:
            return target.short
        if target.type == "phong" and viewer.type != "ubnd-huyen":
            return f"{target.issuer} {target.district}"
        return target.refer


@dataclass
class Registry:
    """Document numbers, as a văn thư registers them."""

    rng: random.Random
    last: dict[tuple, int] = field(default_factory=dict)

    def number(self, agency: Agency, kind: str, day: dt.date, legal: bool = False) -> str:
        if agency.party:
            start = max(s for s in data.PARTY_TERM_STARTS if s <= day)
            series: tuple = (agency.id, kind, start)
            volume = data.PARTY_VOLUME[agency.type].get(kind, 100)
            frac = (day - start).days / (5 * 365)
        else:
            series = (agency.id, "QPPL" if legal else "", day.year)
            volume = 60 if legal else data.YEARLY_VOLUME[agency.type]
            frac = (day.timetuple().tm_yday - 1) / 365
        estimate = max(1, round(volume * frac * self.rng.uniform(0.9, 1.1)))
        n = max(self.last.get(series, 0) + 1, estimate)
        self.last[series] = n
        return f"{n:02d}" if n < 10 else str(n)

    @staticmethod
    def symbol(agency: Agency, kind: str, rng: random.Random) -> str:
        """The ký hiệu: "UBND-KT" and "STC-NS" for a công văn, "KH-UBND", "BC-STC" otherwise;
        party documents "CV/TU", "KH/TU"."""
        if agency.party:
            return f"{kind}/{agency.code}"
        if kind == "CV":
            section = rng.choice(agency.sections) if agency.sections else None
            if agency.type == "ubnd-xa" and rng.random() < 0.5:
                return "UBND"
            return f"{agency.code}-{section}" if section else agency.code
        return f"{kind}-{agency.code}"

    def reference(self, agency: Agency, kind: str, day: dt.date, legal: bool = False) -> Ref:
        number = self.number(agency, kind, day, legal)
        symbol = self.symbol(agency, kind, self.rng)
        return Ref(number, symbol, party=agency.party, year=day.year if legal else None)

    def earlier(self, agency: Agency, kind: str, day: dt.date) -> Ref:
        """A number for a document outside the corpus (issued before it starts): not registered."""
        if agency.party:
            volume = data.PARTY_VOLUME[agency.type].get(kind, 100)
            start = max(s for s in data.PARTY_TERM_STARTS if s <= day)
            n = max(1, round(volume * (day - start).days / (5 * 365)))
        else:
            n = max(1, round(data.YEARLY_VOLUME[agency.type] * (day.timetuple().tm_yday - 1) / 365))
        n = max(1, n + self.rng.randint(-5, 5))
        return Ref(f"{n:02d}" if n < 10 else str(n), self.symbol(agency, kind, self.rng), party=agency.party)
