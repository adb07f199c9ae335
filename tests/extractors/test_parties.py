"""extractors.parties: Kính gửi, the signer, Nơi nhận.

Nghị định 30/2020/NĐ-CP, Phụ lục I: "Kính gửi:" followed by one unit on the same line or by
a dashed list; the signature block reads ``[TM./KT./TL./TUQ.] <for whom> / [<position>] /
<name>``, and a head signing directly writes only the position and the name. Party documents
(Hướng dẫn 36-HD/VPTW) write ``T/M``, ``K/T``, ``T/L``. "Nơi nhận:" lists the copies, one
dash per item.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from extractors.base import TextView
from extractors.parties import extract_addressees, extract_recipients, extract_signer
from pipeline.document import Block, BlockKind, NoteRef, RawDocument, Region


def norm(s):
    return None if s is None else re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip(" .;,:-")


def names(view, text: str) -> list[str]:
    return [a.value.name for a in extract_addressees(view(text))]


HEAD = "Số: 19/STC-QLNS\nV/v rà soát nguồn kinh phí\nBình Phước, ngày 04 tháng 3 năm 2026\n\n"
BODY = "\n\nSở Tài chính đề nghị các đơn vị rà soát, gửi kết quả trước ngày 20/3/2026.\n"

# ---------------------------------------------------------------- Kính gửi

ADDRESSEES = [
    ("Kính gửi: Sở Kế hoạch và Đầu tư tỉnh Bình Phước.", ["Sở Kế hoạch và Đầu tư tỉnh Bình Phước"]),
    ("Kính gửi: Sở Xây dựng; Sở Công Thương.", ["Sở Xây dựng", "Sở Công Thương"]),
    ("Kính gửi Ủy ban nhân dân các huyện, thị xã.", ["Ủy ban nhân dân các huyện, thị xã"]),
    ("KÍNH GỬI: BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"]),
    (
        "Kính gửi:\n- Các sở, ban, ngành thuộc tỉnh;\n- Ủy ban nhân dân các huyện, thị xã, thành phố;\n"
        "- Các doanh nghiệp nhà nước trên địa bàn tỉnh.",
        [
            "Các sở, ban, ngành thuộc tỉnh",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Các doanh nghiệp nhà nước trên địa bàn tỉnh",
        ],
    ),
    (
        "Kính gửi: - Kho bạc Nhà nước Bình Phước;\n- Cục Thuế tỉnh.",
        ["Kho bạc Nhà nước Bình Phước", "Cục Thuế tỉnh"],
    ),
    # a dash inside a name is no separator; a dash opening a unit after ";" is
    (
        "Kính gửi: - Sở Lao động - Thương binh và Xã hội; - Phòng Văn hóa - Xã hội các xã, phường.",
        ["Sở Lao động - Thương binh và Xã hội", "Phòng Văn hóa - Xã hội các xã, phường"],
    ),
    # a giấy mời with no "Kính gửi" is addressed to those it invites
    (
        "Trân trọng kính mời:\n- Đại diện lãnh đạo Sở Tài chính;\n- Lãnh đạo các doanh nghiệp trong khu kinh tế.",
        ["Đại diện lãnh đạo Sở Tài chính", "Lãnh đạo các doanh nghiệp trong khu kinh tế"],
    ),
    # ... also when "trân trọng kính mời:" closes a sentence
    (
        "Thực hiện Kế hoạch số 95/KH-TTHĐND ngày 22/9/2025, Văn phòng Hội đồng nhân dân tỉnh trân trọng kính mời:\n"
        "- Đồng chí Giám đốc Sở Y tế;\n- Đồng chí Chủ tịch Ủy ban nhân dân xã Lâm Thao.",
        ["Đồng chí Giám đốc Sở Y tế", "Đồng chí Chủ tịch Ủy ban nhân dân xã Lâm Thao"],
    ),
    # a công điện is sent to the units listed under "... điện:"
    (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc các sở, Thủ trưởng các ban, ngành;\n"
        "- Chủ tịch Ủy ban nhân dân các xã, phường.",
        ["Giám đốc các sở, Thủ trưởng các ban, ngành", "Chủ tịch Ủy ban nhân dân các xã, phường"],
    ),
]


@pytest.mark.parametrize(("kinh_gui", "expected"), ADDRESSEES)
def test_addressees_should_match(view, kinh_gui, expected):
    assert names(view, HEAD + kinh_gui + BODY) == expected


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "Sở Tài chính đề nghị các đơn vị gửi kết quả về Sở trước ngày 20/3/2026.\n",
        HEAD + "Sở Tài chính kính gửi các đơn vị tài liệu hướng dẫn kèm theo.\n",
        HEAD + "Mọi vướng mắc liên hệ qua số điện: 0255.3822.123.\n- Sở Tài chính;\n",
    ],
)
def test_addressees_must_not_match(view, text):
    assert names(view, text) == []


def _with_note(lines: list[str], note_line: int, note: str) -> TextView:
    blocks = []
    for i, t in enumerate(lines):
        notes = (NoteRef(len(t), "1"),) if i == note_line else ()
        blocks.append(Block(BlockKind.PARAGRAPH, t, notes=notes))
    blocks.append(Block(BlockKind.FOOTNOTE, note, note_id="1"))
    return TextView(RawDocument("t.docx", "docx", tuple(blocks)))


def test_footnote_members_kept_under_addressee():
    v = _with_note(
        ["Số: 19/STC-QLNS", "Kính gửi: Ủy ban nhân dân các xã", "Sở Tài chính đề nghị các xã rà soát."],
        1,
        "Xã An Phú; xã Tân Hòa; xã Bình Minh.",
    )
    (a,) = [x.value for x in extract_addressees(v)]
    assert a.name == "Ủy ban nhân dân các xã"
    assert a.members == ("Xã An Phú", "xã Tân Hòa", "xã Bình Minh")


def test_footnote_members_under_a_dashed_item():
    v = _with_note(
        [
            "Số: 19/STC-QLNS",
            "Kính gửi:",
            "- Sở Xây dựng;",
            "- Các doanh nghiệp viễn thông;",
            "Sở Tài chính đề nghị các đơn vị rà soát.",
        ],
        3,
        "Tổng công ty Viễn thông Sông Hàn; Công ty Cổ phần Cáp quang Miền Núi.",
    )
    got = {x.value.name: x.value.members for x in extract_addressees(v)}
    assert got == {
        "Sở Xây dựng": (),
        "Các doanh nghiệp viễn thông": (
            "Tổng công ty Viễn thông Sông Hàn",
            "Công ty Cổ phần Cáp quang Miền Núi",
        ),
    }


def test_footnote_that_is_no_list_gives_no_members():
    v = _with_note(
        ["Số: 19/STC-QLNS", "Kính gửi: Ủy ban nhân dân các xã", "Sở Tài chính đề nghị các xã rà soát."],
        1,
        "Trừ các xã đã sáp nhập theo Nghị quyết của Ủy ban Thường vụ Quốc hội.",
    )
    (a,) = [x.value for x in extract_addressees(v)]
    assert a.members == ()


# ---------------------------------------------------------------- signer

SIGNERS = [
    # (signature lines, name, position, authority)
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An", "Nguyễn Văn An", "phó giám đốc", "KT"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHồ Văn Bảy", "Hồ Văn Bảy", "phó chủ tịch", "KT"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐinh Văn Cường", "Đinh Văn Cường", "chủ tịch", "TM"),
    ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nPhan Thị Em", "Phan Thị Em", "chánh văn phòng", "TUQ"),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrương Đình Khải", "Trương Đình Khải", "thứ trưởng", "KT"),
    ("GIÁM ĐỐC\nVõ Thành Phát", "Võ Thành Phát", "giám đốc", None),
    ("CHỦ TỊCH\nLò Văn Mười", "Lò Văn Mười", "chủ tịch", None),
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thị Giang", "Nguyễn Thị Giang", "phó bí thư", "TM"),
    ("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHà Quang Lộc", "Hà Quang Lộc", "phó trưởng ban", "KT"),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Quốc Hùng", "Trần Quốc Hùng", "phó chủ tịch", "KT"),
    # a copy's "(Đã ký)" on its own line between the position and the name
    ("GIÁM ĐỐC\n\n(Đã ký)\n\nVàng Seo Chẩn", "Vàng Seo Chẩn", "giám đốc", None),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n[Đã ký]\n\nĐặng Văn Khiêm", "Đặng Văn Khiêm", "thứ trưởng", "KT"),
]

NOI_NHAN = "Nơi nhận:\n- Như trên;\n- Lưu: VT, QLNS.\n"


@pytest.mark.parametrize(("block", "name", "position", "authority"), SIGNERS)
def test_signer_should_match(view, block, name, position, authority):
    s = extract_signer(view(HEAD + "Kính gửi: Sở Xây dựng." + BODY + "\n" + NOI_NHAN + block + "\n"))
    assert s is not None
    assert (s.value.name, norm(s.value.position), s.value.authority) == (name, position, authority)


def test_signer_tl_signs_for_the_head(view):
    """ "TL. BỘ TRƯỞNG / VỤ TRƯỞNG VỤ PHÁP CHẾ": a Vụ trưởng signs on the Minister's behalf."""
    s = extract_signer(view(HEAD + BODY + NOI_NHAN + "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\nLý Thị Dung\n"))
    assert s is not None
    assert s.value.name == "Lý Thị Dung"
    assert s.value.authority == "TL"
    assert norm(s.value.position) in ("vụ trưởng", "vụ trưởng vụ pháp chế")


def test_signer_in_signature_columns():
    """A docx signature table: Nơi nhận on the left, the signer on the right."""
    body = ("Số: 19/STC-QLNS", "Sở Tài chính đề nghị các đơn vị rà soát.")
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in body]
    blocks += [
        Block(BlockKind.PARAGRAPH, t, region=Region.SIGNATURE_LEFT) for t in ("Nơi nhận:", "- Như trên;", "- Lưu: VT.")
    ]
    blocks += [
        Block(BlockKind.PARAGRAPH, t, region=Region.SIGNATURE_RIGHT)
        for t in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Mai Xuân Trường")
    ]
    s = extract_signer(TextView(RawDocument("t.docx", "docx", tuple(blocks))))
    assert s is not None
    got = (s.value.name, norm(s.value.position), s.value.authority)
    assert got == ("Mai Xuân Trường", "phó giám đốc", "KT")


def test_no_signature_block_no_signer(view):
    assert extract_signer(view(HEAD + "Kính gửi: Sở Xây dựng." + BODY)) is None


def test_body_sentence_is_no_signer(view):
    text = HEAD + "Kính gửi: Sở Xây dựng.\n\nĐề nghị Giám đốc Sở Xây dựng chỉ đạo rà soát.\n"
    assert extract_signer(view(text)) is None


# ---------------------------------------------------------------- Nơi nhận

RECIPIENTS = [
    (
        "Nơi nhận:\n- Như trên;\n- Chủ tịch, các PCT UBND tỉnh;\n- Lưu: VT, KGVX.\n",
        ["Như trên", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT, KGVX"],
    ),
    ("Nơi nhận: - Như trên; - Sở Tài chính; - Lưu: VT.\n", ["Như trên", "Sở Tài chính", "Lưu: VT"]),
    (
        "Nơi nhận:\n- Như trên;\n- Văn phòng Đoàn đại biểu Quốc hội và\nHội đồng nhân dân tỉnh;\n- Lưu: VT.\n",
        ["Như trên", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", "Lưu: VT"],
    ),
]


@pytest.mark.parametrize(("noi_nhan", "expected"), RECIPIENTS)
def test_recipients(view, noi_nhan, expected):
    signer = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
    text = HEAD + "Kính gửi: Sở Xây dựng." + BODY + "\n" + noi_nhan + signer
    assert [r.value for r in extract_recipients(view(text))] == expected


def test_no_noi_nhan_no_recipients(view):
    assert extract_recipients(view(HEAD + "Kính gửi: Sở Xây dựng." + BODY)) == []


def test_document_level_parties(contract):
    text = (
        "UBND TỈNH BÌNH PHƯỚC\nSỞ TÀI CHÍNH\n"
        + HEAD
        + "Kính gửi:\n- Sở Xây dựng;\n- Sở Công Thương.\n"
        + BODY
        + "\n"
        + NOI_NHAN
        + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
    )
    out = contract(text)
    assert out["addressees"] == ["Sở Xây dựng", "Sở Công Thương"]
    assert out["signer"]["authority"] == "KT" and out["signer"]["name"] == "Nguyễn Văn An"
    assert norm(out["signer"]["position"]) == "phó giám đốc"
    assert out["recipients"] == ["Như trên", "Lưu: VT, QLNS"]


def test_an_authority_mark_without_its_dot():
    from extractors.base import TextView
    from extractors.parties import extract_signer
    from pipeline.document import Block, BlockKind, RawDocument, Region

    blocks = tuple(
        Block(BlockKind.PARAGRAPH, text=t, region=Region.SIGNATURE_RIGHT)
        for t in ("KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trương Văn Hải")
    )
    signer = extract_signer(TextView(RawDocument(source="x", format="txt", blocks=blocks)))
    assert signer is not None
    assert (signer.value.authority, signer.value.position, signer.value.name) == (
        "KT",
        "Phó Giám đốc",
        "Trương Văn Hải",
    )


SIGNATURE_TABLES = [
    # one row per recipient, the signer down the right-hand column
    "| Nơi nhận: | TL. CHỦ TỊCH |\n| --- | --- |\n| - Như thành phần mời; | CHÁNH VĂN PHÒNG |\n"
    "| - CT, các PCT UBND huyện; | |\n| - Lưu: VT, NN. | |\n| | Nguyễn Thị Thu Hà |",
    # party style, "K/T" without a dot
    "| Nơi nhận: | K/T BAN THƯỜNG VỤ |\n| --- | --- |\n| - Thường trực Tỉnh ủy (b/c), | PHÓ BÍ THƯ |\n"
    "| - Ban Tổ chức Tỉnh ủy, | |\n| - Các tổ chức cơ sở đảng, | |\n| - Lưu Văn phòng. | Nguyễn Thị Thu Hà |",
    # one row whose cells run over lines, a blank line inside the right one
    "| Nơi nhận:\n- Như trên;\n- Cục Kiểm lâm (b/c);\n- Lưu: VT, NL. | KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Nguyễn Thị Thu Hà |\n| --- | --- |",
]


@pytest.mark.parametrize("table", SIGNATURE_TABLES)
def test_a_signature_table_of_many_rows(contract, table):
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PẮC\nSố: 12/GM-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nKrông Pắc, ngày 05 tháng 3 năm 2025\n\nGIẤY MỜI\nDự Hội nghị sơ kết\n\n"
        "Kính gửi: Các xã.\n\nĐề nghị các đại biểu tham dự đầy đủ, đúng thời gian.\n"
        "Một đoạn văn khác của thân văn bản.\nMột đoạn nữa để bảng chữ ký nằm ở cuối.\n\n" + table + "\n"
    )
    signer = contract(text)["signer"]
    assert signer["name"] == "Nguyễn Thị Thu Hà"
    assert signer["authority"] in ("TL", "KT")
