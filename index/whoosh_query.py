"""From what a clerk types to a Whoosh query: words, "phrases", references, filters.

Whoosh's own QueryParser never sees what the user typed: its syntax (AND/OR/NOT, field:value,
wildcards) turns ordinary input such as "V/v: báo cáo" or "4664/KH-UBND" into surprises. The
query is read by our grammar (:mod:`pipeline.query`: words, phrases, references, bounded in length
and terms) and the Whoosh query objects are built here from its terms:

* words are ANDed; each word may match in the trích yếu (subject), the body or the issuer;
* a phrase, or a word made of several tokens ("KH&CN", "25/12/2024", "e-mail"), is a phrase of
  its tokens;
* a reference ("4664/KH-UBND", "02-KH/BCĐTW", "4664 / kh-ubnd") matches the document with that
  số/ký hiệu, the documents citing it, and the phrase in the text;
* nothing searchable left means no query (``None``).

Scoring is Whoosh's BM25F summed over the fields of each word, with query-time boosts
(:data:`BOOSTS`): the trích yếu says what a document is about, a news article that only
mentions the words in its body ranks below; an exact accented match adds to the folded one.
"""

from __future__ import annotations

from dataclasses import replace

from whoosh import query as wq

from extractors.data.kinds import kind_of_name
from extractors.references import key
from extractors.units import expand, unit_key
from index.analysis import exact_analyzer, folding_analyzer, has_diacritics, terms
from index.backend import SearchFilters
from pipeline.query import ParsedQuery, bounded_name, parse_query
from pipeline.text import fold, nfc

FOLDED = folding_analyzer()
EXACT = exact_analyzer()

# Query-time boosts per field. Folded fields always take part; exact fields only for words
# typed with diacritics (a word typed without them says nothing about its accents).
BOOSTS = {
    "subject": 3.0,
    "subject_exact": 4.5,  # subject boost x exact bonus
    "body": 1.0,
    "body_exact": 1.5,
    "issuer": 1.5,
}
# A reference match is identification, not relevance: constant scores well above what the
# text clauses of one word reach, the document itself first, then those citing it.
REFERENCE_SCORE = 50.0
CITATION_SCORE = 15.0


def reference_keys(ref: str) -> list[str]:
    """Index keys of a reference: the spacing/case-free key, plus its diacritic-free twin
    ("02-KH/BCĐTW" is also "02-KH/BCDTW") so a reference typed without Đ still matches."""
    k = key(nfc(ref))
    plain = fold(k).upper()
    return [k] if plain == k else [k, plain]


def unit_term(name: str) -> str:
    """The keyword a unit (or issuer) name is indexed under: ``extractors.units.unit_key``
    (abbreviations expanded, folded), commas dropped because they separate keywords."""
    return " ".join(unit_key(nfc(name)).replace(",", " ").split())


def name_variants(name: str) -> list[str]:
    """A name as written and with abbreviations expanded ("Sở KH&CN" and "Sở Khoa học và
    Công nghệ"), the texts indexed for issuers and units and tried for their filters."""
    name = nfc(name)
    expanded = expand(name)
    return [name] if expanded == name else [name, expanded]


def kind_term(kind: str) -> str:
    """Kinds compare on ``references.key``: case-free, Đ kept (HĐ hợp đồng ≠ HD hướng dẫn).
    A kind's name works too: "Kế hoạch" is KH."""
    return key(kind_of_name(nfc(kind)) or nfc(kind))


def date_number(day) -> int:
    """Dates are indexed as yyyymmdd integers: sortable, and a range query is inclusive."""
    return day.year * 10000 + day.month * 100 + day.day


def _sequence(field: str, tokens: list[str], boost: float = 1.0) -> wq.Query:
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=boost)
    return wq.Phrase(field, tokens, boost=boost)


def text_clause(text: str) -> wq.Query | None:
    """One word or phrase against the subject, body and issuer, folded and (when typed with
    diacritics) exact. ``None`` when ``text`` holds no token."""
    folded = terms(FOLDED, text)
    if not folded:
        return None
    match = wq.Or([_sequence(f, folded, BOOSTS[f]) for f in ("subject", "body", "issuer")])
    if not has_diacritics(text):
        return match
    exact = [t for t in terms(EXACT, text) if has_diacritics(t)]
    if not exact:
        return match
    bonus = wq.Or([wq.Term(f, t, boost=BOOSTS[f]) for t in exact for f in ("subject_exact", "body_exact")])
    if len(folded) == 1:
        return wq.Or([match, bonus])  # an exact match is a folded match: the bonus cannot widen
    # For a phrase the exact words are a bonus on documents that hold the folded phrase, not a
    # second phrase query: Whoosh decodes positions in Python, and each phrase costs as much as
    # all the term lookups of the query together.
    return wq.AndMaybe(match, bonus)


def reference_clause(ref: str) -> wq.Query:
    keys = reference_keys(ref)
    clauses: list[wq.Query] = [
        wq.ConstantScoreQuery(wq.Or([wq.Term("reference", k) for k in keys]), REFERENCE_SCORE),
        wq.ConstantScoreQuery(wq.Or([wq.Term("citations", k) for k in keys]), CITATION_SCORE),
    ]
    text = text_clause(ref)
    if text is not None:
        clauses.append(text)
    return wq.Or(clauses)


def build_query(query: str | ParsedQuery | None) -> wq.Query | None:
    """The Whoosh query for what the user typed, read by :func:`pipeline.query.parse_query` (so
    bounded in length and terms); ``None`` when nothing in it is searchable."""
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    clauses = [c for c in map(text_clause, parsed.phrases + parsed.words) if c is not None]
    clauses += [reference_clause(r) for r in parsed.references]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)


def _name_clause(text_field: str, key_field: str, name: str) -> wq.Query | None:
    """A run of words of the name, in the name as written or expanded, or its exact key."""
    clauses: list[wq.Query] = []
    ukey = unit_term(name)
    if ukey:
        clauses.append(wq.Term(key_field, ukey))
    for variant in name_variants(name):
        tokens = terms(FOLDED, variant)
        if tokens:
            clauses.append(_sequence(text_field, tokens))
    return wq.Or(clauses) if clauses else None


# Returned by build_filter for a filter that can match nothing. Whoosh's NullQuery would not
# do: And() drops it, which would widen the result instead of emptying it.
MATCH_NOTHING = wq.Term("id", "")


def build_filter(filters: SearchFilters | None) -> wq.Query | None:
    """The filter query (no scoring) for ``filters``; ``None`` when none is set.

    A filter that has nothing searchable in it (an issuer of only punctuation) gives
    :data:`MATCH_NOTHING` rather than being ignored: a filter must never widen the result.
    """
    if not filters:
        return None
    # Free text from the user: cleaned and cut like a query (a name is never pages long).
    filters = replace(
        filters,
        kind=bounded_name(filters.kind),
        issuer=bounded_name(filters.issuer),
        unit=bounded_name(filters.unit),
        reference=bounded_name(filters.reference),
    )
    clauses: list[wq.Query] = []
    if filters.kind:
        clauses.append(wq.Term("kind_key", kind_term(filters.kind)))
    for value, text_field, key_field in (
        (filters.issuer, "issuer", "issuer_key"),
        (filters.unit, "units_text", "units"),
    ):
        if value:
            clause = _name_clause(text_field, key_field, value)
            if clause is None:
                return MATCH_NOTHING
            clauses.append(clause)
    if filters.reference:
        clauses.append(wq.Or([wq.Term("reference", k) for k in reference_keys(filters.reference)]))
    if filters.date_from or filters.date_to:
        start = date_number(filters.date_from) if filters.date_from else None
        end = date_number(filters.date_to) if filters.date_to else None
        clauses.append(wq.NumericRange("date", start, end))  # both ends inclusive
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)
