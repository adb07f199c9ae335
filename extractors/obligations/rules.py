"""The rule ids of the obligation passes: which pass found a task, and why it has that owner.

An obligation's rule reads "<pass>+<owner>[+<deadline>]", e.g.
"obligation:sentence+owner:sentence-directive+deadline:date" for "Giao Sở Y tế chủ trì ..., hoàn
thành trước ngày 31/5/2026": a wrong owner is traced to the one decision that chose it.
"""

from __future__ import annotations

from enum import StrEnum


class Found(StrEnum):
    """The pass that found the task."""

    BLOCK = "obligation:chu-tri-block"  # "1. Số hóa hồ sơ" / "- Cơ quan chủ trì: Sở Tư pháp."
    SECTION_ITEM = "obligation:section-item"  # an undated dash under "1. Sở Tài chính"
    SENTENCE = "obligation:sentence"  # a dated clause: "Sở X báo cáo ... trước ngày 15/4/2026"
    INVITATION = "obligation:invitation"  # a giấy mời's "Thời gian: 08 giờ 00, ngày 12/3/2026"
    TABLE_ROW = "obligation:table-row"  # Nhiệm vụ | Đơn vị chủ trì | Thời gian


class OwnerBy(StrEnum):
    """Why the task has the owner it has."""

    DIRECTIVE = "owner:sentence-directive"  # the unit after "giao", "đề nghị", "mời"
    ADDRESSEE = "owner:sentence-addressee"  # "đề nghị Quý Sở ...": the công văn's addressees
    SUBJECT = "owner:sentence-subject"  # "Ủy ban nhân dân các huyện gửi ..."
    SECTION_HEADING = "owner:section-heading"  # "2. Ủy ban nhân dân cấp xã" over the dashes
    CARRIED = "owner:earlier-sentence"  # nobody named: the unit an earlier sentence of the section named
    DOCUMENT_FRAME = "owner:document-frame"  # "Bộ X đề nghị UBND các tỉnh thực hiện ... sau:"
    DOCUMENT_DEFAULT = "owner:document-default"  # nobody named: the addressees (a báo cáo: its issuer)
    EXECUTORS = "owner:closing-article"  # a quyết định: "Giám đốc Sở X ... chịu trách nhiệm thi hành"
    BLOCK_LABEL = "owner:chu-tri-label"  # "- Cơ quan chủ trì: Sở Tư pháp."
    TABLE_COLUMN = "owner:table-column"  # the row's "Đơn vị chủ trì" cell
    TABLE_MERGED = "owner:table-merged-cell"  # a merged cell: its text stands in an earlier row
    INVITEES = "owner:invitees"  # the list after "trân trọng kính mời:" or "Thành phần:"


# The deadline of a meeting named in running text ("dự họp vào lúc 14 giờ 00, ngày 12/3/2026").
MEETING = "deadline:meeting"
