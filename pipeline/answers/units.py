"""Matching a unit the clerk names ("Sở KH&CN", "UBND xã Ia Chim", "UBND cấp xã") to the owners of
obligations: the unit itself, its group, its members, one level each way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from extractors.data.units import ABBREVIATIONS
from extractors.units import acronym, expand, group_of, is_group, unit_key
from models.schema import Addressee, Citation, Document, Obligation, Unit, UnitAlias, obligation_owners
from pipeline.text import fold, nfc

_UBND = "uy ban nhan dan "


def _local(key: str) -> str | None:
    """ "uy ban nhan dan xa ia chim" and "xa ia chim" (as a footnote lists members) name one commune."""
    bare = key[len(_UBND) :] if key.startswith(_UBND) else key
    return bare if group_of(_UBND + bare) else None


def _group_key(key: str) -> str | None:
    local = _local(key)
    return group_of(_UBND + local) if local else group_of(key)


def _initials(text: str) -> str | None:
    """ "Sở NV" -> "SNV", to meet acronym("Sở Nội vụ"); only when an abbreviation stayed unexpanded."""
    words = re.findall(r"[\wĐđ&]+", nfc(text))
    if not any(len(w) > 1 and w.isupper() and w not in ABBREVIATIONS for w in words):
        return None
    return "".join(fold(w).upper() if w.isupper() else fold(w)[0].upper() for w in words if fold(w) != "va")


@dataclass
class UnitMatch:
    """The owners a clerk's unit name stands for: the unit itself, its group, its members."""

    query: str
    key: str
    unit_ids: set[int] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)  # group keys whose members by level also match
    locals: set[str] = field(default_factory=set)

    def matches_key(self, key: str) -> bool:
        local = _local(key)
        return key in self.keys or (local is not None and local in self.locals) or _group_key(key) in self.groups

    def matches(self, ob: Obligation) -> bool:
        if any(u.id in self.unit_ids for u in ob.owners):
            return True
        # Owners not linked to Unit rows (yet): fall back on the names as written.
        names = [u.key for u in ob.owners] or [unit_key(p) for p in ob.owner_names]
        return any(self.matches_key(k) for k in names)


def _loose(query: str, key: str) -> bool:
    return len(query) >= 4 and re.search(rf"(?<!\w){re.escape(query)}(?!\w)", key) is not None


def _seeds(units: list[Unit], keys: dict[int, set[str]], text: str, q: str) -> set[int]:
    """The units the name stands for itself: by key or commune, else by a word run, else by initials."""
    q_local = _local(q)
    seeds = {u.id for u in units if q in keys[u.id] or (q_local and q_local in {_local(k) for k in keys[u.id]})}
    if not seeds:
        seeds = {u.id for u in units if any(_loose(q, k) for k in keys[u.id])}
    if not seeds and (initials := _initials(expand(text))):
        seeds = {u.id for u in units if initials in {acronym(u.name), *(acronym(a.alias) for a in u.aliases)}}
    return seeds


def _one_level(units: list[Unit], keys: dict[int, set[str]], seeds: set[int], up: set[str], down: set[str]) -> set[int]:
    ids = set(seeds)
    ids |= {u.id for u in units if keys[u.id] & up}  # the group a commune belongs to by level
    ids |= {g.id for g in units if any(m.id in seeds for m in g.members)}  # groups listing it as member
    ids |= {m.id for u in units if u.id in seeds for m in u.members}  # members listed under it
    ids |= {u.id for u in units if any(_group_key(k) in down for k in keys[u.id])}  # members by level
    return ids


def match_units(session: Session, text: str) -> UnitMatch:
    """Resolve a unit as the clerk writes it ("Sở KH&CN", "UBND xã Ia Chim", "UBND cấp xã").

    One level each way and no further: a commune brings in its group ("UBND cấp xã") but not the
    other communes; a group brings in its members, by level and by the footnote's member list.
    """
    q = unit_key(text)
    # An office has hundreds of units, not millions: matching in Python keeps the folding, group and
    # prefix rules in one place (extractors.units) instead of re-writing them in SQL for each backend.
    units = list(session.scalars(select(Unit).options(selectinload(Unit.aliases), selectinload(Unit.members))).all())
    keys = {u.id: {u.key, *(a.key for a in u.aliases)} for u in units}
    seeds = _seeds(units, keys, text, q)
    seed_keys = {q}.union(*(keys[i] for i in seeds))
    up = {g for k in seed_keys if (g := _group_key(k))}
    down = {k for k in seed_keys if is_group(k)}
    ids = _one_level(units, keys, seeds, up, down)
    return UnitMatch(
        query=text,
        key=q,
        unit_ids=ids,
        keys=seed_keys | up | set().union(*(keys[i] for i in ids)),
        groups=down,
        locals={loc for k in seed_keys if (loc := _local(k))},
    )


# A group named by the kinds of its members ("Các sở, ban, ngành", "các sở, ngành"): its members by
# kind are the Sở (the one kind a name says for sure; "Ban Chỉ đạo Trung ương" is no provincial ban).
_KIND_WORDS = frozenset({"so", "ban", "nganh", "co quan", "don vi", "dia phuong"})


def _is_kind_group(key: str) -> bool:
    words = [w.strip() for w in key.split(",")]
    return "so" in words and all(w in _KIND_WORDS for w in words)


def _known_to(session: Session, issuer_key: str | None) -> set[int]:
    """Units an issuer deals with: sent its documents, given its tasks, or citing them."""
    if not issuer_key:
        return set()
    docs = select(Document.id).where(Document.issuer_key == issuer_key)
    known = set(session.scalars(select(Addressee.unit_id).where(Addressee.document_id.in_(docs))))
    owned = select(obligation_owners.c.unit_id).join(Obligation).where(Obligation.document_id.in_(docs))
    known |= set(session.scalars(owned))
    citing = select(Document.issuer_key).join(Citation, Citation.document_id == Document.id)
    keys = set(session.scalars(citing.where(Citation.target_id.in_(docs))))
    known |= set(session.scalars(select(Unit.id).where(Unit.key.in_(keys))))
    known |= set(session.scalars(select(UnitAlias.unit_id).where(UnitAlias.key.in_(keys))))
    return {i for i in known if i is not None}


def _listed(document: Document, keys: set[str]) -> set[str]:
    """The member names ``document`` lists for the addressee that is the group (``keys``), as keys:
    "Phường Kon Tum" is also "uy ban nhan dan phuong kon tum" (a footnote under "UBND các xã")."""
    listed = (document.extraction or {}).get("addressee_members") or {}
    names = [m for group, members in listed.items() if unit_key(group) in keys for m in members]
    return {k for n in names for k in (unit_key(n), unit_key(f"{_UBND}{n}"))}


def _members_by_name(session: Session, group: Unit, directive: Document | None, keys: set[str]) -> list[Unit]:
    """The group's listed members that the directive lists for it, else that its issuer's other
    documents list for it: a group unit ("UBND cấp xã") is one row for every issuer, and another
    district's communes are no members of this one's."""
    if not group.members or directive is None:
        return []
    wanted = _listed(directive, keys)
    if not wanted and directive.issuer_key:
        same_issuer = select(Document).where(Document.issuer_key == directive.issuer_key, Document.id != directive.id)
        for doc in session.scalars(same_issuer):
            wanted |= _listed(doc, keys)
    found = {m.id: m for m in group.members if m.id != group.id and {m.key, *(a.key for a in m.aliases)} & wanted}
    return sorted(found.values(), key=lambda u: u.name)


def group_members(session: Session, group: Unit, directive: Document | None = None) -> list[Unit]:
    """The members of a group owner of a task in ``directive``: those the directive (or, failing
    that, its issuer's other documents) lists for it, as a footnote lists communes; when none are
    listed, the units of its level ("UBND xã Ia Chim" for "UBND cấp xã") or kind (the Sở for "Các
    sở, ban, ngành") that the directive's issuer deals with. Empty for a unit that is no group, and
    when nothing says who the members are."""
    keys = {group.key, *(a.key for a in group.aliases)}
    if listed := _members_by_name(session, group, directive, keys):
        return listed
    by_level = {k for k in keys if is_group(k)}
    by_kind = any(_is_kind_group(k) for k in keys)
    if not (by_level or by_kind) or directive is None:
        return []
    known = _known_to(session, directive.issuer_key)
    found = []
    for u in session.scalars(select(Unit).where(Unit.id.in_(known)).options(selectinload(Unit.aliases))):
        own = {u.key, *(a.key for a in u.aliases)}
        if u.id == group.id or any(is_group(k) or _is_kind_group(k) for k in own):
            continue
        if any(_group_key(k) in by_level for k in own) or (by_kind and u.key.startswith("so ")):
            found.append(u)
    return sorted(found, key=lambda u: u.name)
