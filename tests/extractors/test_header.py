"""extractors.header: kind, number, issuer, place, date and trích yếu of a document.

Nghị định 30/2020/NĐ-CP, Phụ lục I: the left column holds the parent agency, the issuing
agency, ``Số: .../...`` and, for a công văn, ``V/v ...``; the right column the quốc hiệu,
tiêu ngữ and ``<place>, ngày ... tháng ... năm ...``; then, for every kind but the công văn,
the kind's name in capitals and the trích yếu under it. Hướng dẫn 36-HD/VPTW: a party
header ("TỈNH ỦY X" / "BAN Y", "Số 15-KH/BTGTU", "ĐẢNG CỘNG SẢN VIỆT NAM").
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from pipeline.document import Block, BlockKind, RawDocument, Region
from pipeline.extract import extract, to_contract


def norm(s):
    return None if s is None else re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip(" .;,:-")


def titled(title: str, symbol: str, subject: str) -> str:
    return f"""\
UBND TỈNH LÂM ĐỒNG
SỞ GIAO THÔNG VẬN TẢI
Số: 58/{symbol}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đà Lạt, ngày 12 tháng 3 năm 2026

{title}
{subject}

Căn cứ Quyết định số 20/2025/QĐ-UBND của Ủy ban nhân dân tỉnh quy định chức năng của Sở Giao thông vận tải;
Sở Giao thông vận tải thông báo đến các đơn vị nội dung trên.

Nơi nhận:
- Như trên;
- Lưu: VT, QLVT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phạm Quốc Việt
"""


KINDS = [
    ("QUYẾT ĐỊNH", "QĐ-SGTVT", "Ban hành Quy chế làm việc của Sở Giao thông vận tải", "QĐ"),
    ("KẾ HOẠCH", "KH-SGTVT", "Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán", "KH"),
    ("THÔNG BÁO", "TB-SGTVT", "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3", "TB"),
    ("BÁO CÁO", "BC-SGTVT", "Kết quả công tác quản lý vận tải quý I năm 2026", "BC"),
    ("GIẤY MỜI", "GM-SGTVT", "Dự họp triển khai công tác đăng kiểm", "GM"),
    ("TỜ TRÌNH", "TTr-SGTVT", "Đề nghị phê duyệt danh mục tuyến xe buýt nội tỉnh", "TTr"),
    ("CHỈ THỊ", "CT-SGTVT", "Tăng cường kỷ cương trong hoạt động đăng kiểm", "CT"),
]


@pytest.mark.parametrize(("title", "symbol", "subject", "kind"), KINDS)
def test_kind_from_title_line(contract, title, symbol, subject, kind):
    out = contract(titled(title, symbol, subject))
    assert out["doc_type"] == kind
    assert out["reference"] == f"58/{symbol}"
    assert out["subject"] == subject
    assert norm(out["issuer"]) == "sở giao thông vận tải"
    assert norm(out["issuer_parent"]) == "ủy ban nhân dân tỉnh lâm đồng"
    assert (out["place"], out["date"]) == ("Đà Lạt", "2026-03-12")


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [("KH-UBND", "KH"), ("BC-UBND", "BC"), ("QĐ-UBND", "QĐ"), ("TB-UBND", "TB"), ("UBND-VX", "CV")],
)
def test_kind_from_symbol_when_no_title(contract, symbol, kind):
    text = f"""\
ỦY BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
Số: 77/{symbol}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đức Trọng, ngày 02 tháng 4 năm 2026

Ủy ban nhân dân huyện Đức Trọng triển khai các nội dung sau đây.
"""
    out = contract(text)
    assert out["doc_type"] == kind
    assert out["reference"] == f"77/{symbol}"


CONG_VAN = """\
UBND TỈNH NINH THUẬN
SỞ Y TẾ
Số: 412/SYT-NVY
V/v tăng cường công tác phòng, chống
dịch sốt xuất huyết trên địa bàn tỉnh
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phan Rang - Tháp Chàm, ngày 09 tháng 3 năm 2026

Kính gửi: Ủy ban nhân dân các huyện, thành phố.

Trước diễn biến phức tạp của dịch sốt xuất huyết, Sở Y tế đề nghị Ủy ban nhân dân các huyện, thành phố \
chỉ đạo các trạm y tế tổ chức chiến dịch diệt lăng quăng, báo cáo kết quả trước ngày 25/3/2026.

Nơi nhận:
- Như trên;
- Lưu: VT, NVY.
GIÁM ĐỐC
Đặng Minh Khoa
"""

CONG_VAN_SUBJECT = "tăng cường công tác phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh"


def test_cong_van(contract):
    out = contract(CONG_VAN)
    assert out["doc_type"] == "CV"
    assert (out["number"], out["symbol"], out["reference"]) == ("412", "SYT-NVY", "412/SYT-NVY")
    assert norm(out["issuer"]) == "sở y tế"
    assert norm(out["issuer_parent"]) == "ủy ban nhân dân tỉnh ninh thuận"
    assert (out["place"], out["date"]) == ("Phan Rang - Tháp Chàm", "2026-03-09")
    assert out["subject"] == CONG_VAN_SUBJECT


@pytest.mark.parametrize("symbol", ["CT-CS", "TB-VP", "KH-TC"])
def test_a_v_v_subject_makes_a_cong_van_whatever_the_symbol_opens_with(contract, symbol):
    # Cục Thuế's "512/CT-CS" is no chỉ thị: a công văn carries "V/v" and no kind's title
    out = contract(CONG_VAN.replace("412/SYT-NVY", f"412/{symbol}"))
    assert out["doc_type"] == "CV"
    assert out["symbol"] == symbol


@pytest.mark.parametrize("vv", ["V/v", "V/V", "v/v", "V/v:", "Về việc", "Về"])
def test_cong_van_subject_marker_variants(contract, vv):
    out = contract(CONG_VAN.replace("V/v tăng", f"{vv} tăng"))
    assert out["doc_type"] == "CV"
    assert out["subject"] == CONG_VAN_SUBJECT


def test_bare_ve_is_the_subject_only_right_under_the_number(contract):
    """ "Về ..." is the trích yếu under "Số:"; elsewhere it opens a sentence of the body."""
    no_subject = CONG_VAN.replace("V/v tăng cường công tác phòng, chống\ndịch sốt xuất huyết trên địa bàn tỉnh\n", "")
    body = no_subject.replace("Trước diễn biến", "Về phía Sở Y tế, trước diễn biến")
    assert contract(body)["subject"] is None


def test_subject_wrapped_in_header_column():
    """A docx header table: the V/v cell's second line is its own paragraph in the left column."""
    left = [
        "UBND TỈNH NINH THUẬN",
        "SỞ Y TẾ",
        "Số: 412/SYT-NVY",
        "V/v tăng cường công tác phòng, chống",
        "dịch sốt xuất huyết trên địa bàn tỉnh",
    ]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phan Rang - Tháp Chàm, ngày 09 tháng 3 năm 2026",
    ]
    blocks = [Block(BlockKind.PARAGRAPH, t, region=Region.HEADER_LEFT) for t in left]
    blocks += [Block(BlockKind.PARAGRAPH, t, region=Region.HEADER_RIGHT) for t in right]
    blocks += [
        Block(BlockKind.PARAGRAPH, "Kính gửi: Ủy ban nhân dân các huyện, thành phố."),
        Block(BlockKind.PARAGRAPH, "Sở Y tế đề nghị các đơn vị triển khai thực hiện."),
    ]
    out = to_contract(extract(RawDocument("t.docx", "docx", tuple(blocks))))
    assert out["subject"] == CONG_VAN_SUBJECT
    assert norm(out["issuer"]) == "sở y tế"
    assert out["place"] == "Phan Rang - Tháp Chàm"


def test_subject_wrapped_under_title(contract):
    subject = "Bảo đảm trật tự an toàn giao thông\ntrong dịp lễ hội Hoa Đà Lạt năm 2026"
    text = titled("KẾ HOẠCH", "KH-SGTVT", subject)
    assert contract(text)["subject"] == subject.replace("\n", " ")


def test_blank_number_and_blank_day(contract):
    text = CONG_VAN.replace("Số: 412/SYT-NVY", "Số:      /QĐ-UBND")
    text = text.replace("ngày 09 tháng 3", "ngày    tháng 3")
    out = contract(text)
    assert (out["number"], out["symbol"], out["reference"]) == (None, "QĐ-UBND", "/QĐ-UBND")
    assert out["date"] == "2026-03"


def test_number_and_place_share_a_line(contract):
    text = CONG_VAN.replace("Số: 412/SYT-NVY\n", "").replace(
        "Phan Rang - Tháp Chàm, ngày 09 tháng 3 năm 2026",
        "Số:   /SYT-NVY     Phan Rang - Tháp Chàm, ngày 09 tháng 3 năm 2026",
    )
    out = contract(text)
    assert (out["number"], out["reference"]) == (None, "/SYT-NVY")
    assert (out["place"], out["date"]) == ("Phan Rang - Tháp Chàm", "2026-03-09")


def test_decomposed_input_reads_like_composed(contract):
    nfd = unicodedata.normalize("NFD", CONG_VAN)
    assert nfd != CONG_VAN
    assert contract(nfd) | {"source": None} == contract(CONG_VAN) | {"source": None}


def test_header_in_title_case(contract):
    """A portal that renders the header columns in normal case: the issuer is still the lower line."""
    text = CONG_VAN.replace("UBND TỈNH NINH THUẬN\nSỞ Y TẾ", "Ủy ban nhân dân tỉnh Ninh Thuận\nSở Y tế")
    out = contract(text)
    assert norm(out["issuer"]) == "sở y tế"
    assert out["doc_type"] == "CV"


PARTY = """\
TỈNH ỦY QUẢNG TRỊ
BAN TUYÊN GIÁO
*
Số 15-KH/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Đông Hà, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam

Thực hiện Hướng dẫn số 141-HD/BTGTW của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy xây dựng \
Kế hoạch như sau:

T/M BAN TUYÊN GIÁO
PHÓ TRƯỞNG BAN
Lê Thị Hồng Nhung
"""


def test_party_header(contract):
    out = contract(PARTY)
    assert out["doc_type"] == "KH"
    assert (out["number"], out["symbol"], out["reference"]) == ("15", "KH/BTGTU", "15-KH/BTGTU")
    assert norm(out["issuer"]) == "ban tuyên giáo"
    assert norm(out["issuer_parent"]) == "tỉnh ủy quảng trị"
    assert (out["place"], out["date"]) == ("Đông Hà", "2026-02-20")
    assert out["subject"] == "Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam"


HEADER_LOST_TM = """\
Số: 312/UBND-NN
V/v triển khai tiêm phòng vắc xin cho đàn gia súc đợt 1 năm 2026

Kính gửi: Các xã, thị trấn trên địa bàn huyện.

Thực hiện Kế hoạch của UBND tỉnh, UBND huyện Krông Pắc yêu cầu UBND các xã, thị trấn tổ chức tiêm phòng \
cho đàn gia súc, hoàn thành trước ngày 30/4/2026. Giao Phòng Nông nghiệp và Môi trường huyện Krông Pắc theo \
dõi, tổng hợp, báo cáo UBND huyện Krông Pắc kết quả thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Y Thuôn Niê
"""


def test_issuer_from_signature_when_header_lost(contract):
    out = contract(HEADER_LOST_TM)
    assert out["doc_type"] == "CV"
    assert out["reference"] == "312/UBND-NN"
    assert norm(out["issuer"]) == "ủy ban nhân dân huyện krông pắc"


@pytest.mark.parametrize(
    ("symbol", "agency"),
    [("SNV-TCBC", "Sở Nội vụ"), ("SXD-QLN", "Sở Xây dựng"), ("SGDĐT-KTKĐ", "Sở Giáo dục và Đào tạo")],
)
def test_issuer_from_symbol_code_when_header_lost(contract, symbol, agency):
    text = f"""\
Số: 245/{symbol}
V/v báo cáo số liệu phục vụ tổng kết năm học

Kính gửi: Ủy ban nhân dân các huyện.

{agency} đề nghị Ủy ban nhân dân các huyện tổng hợp số liệu, gửi về {agency} trước ngày 15/4/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trịnh Văn Hậu
"""
    out = contract(text)
    assert out["reference"] == f"245/{symbol}"
    assert norm(out["issuer"]) == norm(agency)


NEWS = """\
Hà Tĩnh: Hơn 3.000 hộ dân được hỗ trợ lắp đặt điện mặt trời mái nhà

Thứ Bảy, 14/3/2026, 09:15 (GMT+7)

Sáng 14/3, Sở Công Thương Hà Tĩnh cho biết đã phối hợp với Điện lực Hà Tĩnh hỗ trợ hơn 3.000 hộ dân \
lắp đặt hệ thống điện mặt trời mái nhà trong năm 2025.

Theo kế hoạch, năm 2026 tỉnh tiếp tục mở rộng chương trình đến các huyện miền núi.

Minh Châu
"""


def test_news_article_is_khac(contract):
    out = contract(NEWS)
    assert out["doc_type"] == "KHAC"
    assert out["number"] is None and out["reference"] is None
    assert out["issuer"] is None
    assert out["subject"] == "Hà Tĩnh: Hơn 3.000 hộ dân được hỗ trợ lắp đặt điện mặt trời mái nhà"
    assert out["date"] == "2026-03-14"
    assert out["obligations"] == []


def test_a_decision_keeps_ve_viec_and_drops_its_authority_line(contract):
    text = titled(
        "QUYẾT ĐỊNH",
        "QĐ-SGTVT",
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG\nTRONG DỊP TẾT NGUYÊN ĐÁN NĂM 2026\n"
        "GIÁM ĐỐC SỞ GIAO THÔNG VẬN TẢI TỈNH LÂM ĐỒNG",
    )
    out = contract(text)
    assert out["doc_type"] == "QĐ"
    assert out["subject"] == "VỀ VIỆC BAN HÀNH KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG TRONG DỊP TẾT NGUYÊN ĐÁN NĂM 2026"


@pytest.mark.parametrize(
    "authority", ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"]
)
def test_the_issuing_authority_is_not_the_title(contract, authority):
    out = contract(titled("QUYẾT ĐỊNH", "QĐ-UBND", f"BAN HÀNH QUY CHẾ LÀM VIỆC\n{authority}"))
    assert out["subject"] == "BAN HÀNH QUY CHẾ LÀM VIỆC"


def test_a_title_wrapped_before_of_keeps_its_agency(contract):
    out = contract(titled("KẾ HOẠCH", "KH-UBND", "THỰC HIỆN NGHỊ QUYẾT CỦA\nỦY BAN NHÂN DÂN TỈNH VỀ CHUYỂN ĐỔI SỐ"))
    assert out["subject"] == "THỰC HIỆN NGHỊ QUYẾT CỦA ỦY BAN NHÂN DÂN TỈNH VỀ CHUYỂN ĐỔI SỐ"


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [(("VĂN PHÒNG", "CHÍNH PHỦ"), "Văn phòng Chính phủ"), (("THỦ TƯỚNG", "CHÍNH PHỦ"), "Thủ tướng Chính phủ")],
)
def test_a_head_alone_on_the_first_header_line(contract, lines, issuer):
    text = titled("THÔNG BÁO", "TB-VPCP", "Kết luận của Phó Thủ tướng").replace(
        "UBND TỈNH LÂM ĐỒNG\nSỞ GIAO THÔNG VẬN TẢI", "\n".join(lines)
    )
    assert contract(text)["issuer"] == issuer
