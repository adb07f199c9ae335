"""Database models (SQLAlchemy 2, typed). ORM objects live here and in the store step only.

A Document is one official document however many files it arrived as (the same công văn as
.docx, .pdf and a text export is one Document with three DocumentFiles). Units are canonical
agencies with their aliases and members; Addressees, Citations and Obligations hang off the
Document that states them. The search index is derived from these tables.
"""

from models.schema import (
    Addressee,
    Base,
    Citation,
    Document,
    DocumentFile,
    FileSignature,
    IngestEntry,
    Obligation,
    ObligationOwner,
    OcrJob,
    RegisterEntry,
    Unit,
    UnitAlias,
    obligation_owners,
    unit_members,
)

__all__ = [
    "Addressee",
    "Base",
    "Citation",
    "Document",
    "DocumentFile",
    "FileSignature",
    "IngestEntry",
    "Obligation",
    "ObligationOwner",
    "OcrJob",
    "RegisterEntry",
    "Unit",
    "UnitAlias",
    "obligation_owners",
    "unit_members",
]
