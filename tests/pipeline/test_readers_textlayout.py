"""pipeline.readers.textlayout: a header's two columns end where the body begins."""

from __future__ import annotations

import pytest

from pipeline.document import Region
from pipeline.readers.text import parse_text

HEADER = (
    "ĐẢNG BỘ TỈNH TÂY NINH\tĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\t\n*\tTây Ninh, ngày 10 tháng 4 năm 2026\nSố 48-KL/TU\t\n\n"
)
PROSE = (
    "Tại hội nghị ngày 07/4/2026, sau khi nghe Đảng ủy Ủy ban nhân dân tỉnh báo cáo tình hình phát triển "
    "kinh tế cửa khẩu, Ban Thường vụ Tỉnh ủy kết luận như sau:"
)


@pytest.mark.parametrize(
    "after",
    [
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề phát triển kinh tế cửa khẩu\n\n" + PROSE,  # a kind's title
        PROSE,  # running prose, whatever word it opens with
    ],
)
def test_a_tab_laid_header_ends_before_the_body(after):
    blocks, _ = parse_text(HEADER + after + "\n1. Đảng ủy các xã biên giới xây dựng chương trình hành động.\n")
    prose = next(b for b in blocks if b.text.startswith("Tại hội nghị"))
    assert prose.region is Region.BODY
    assert blocks[-1].region is Region.BODY


def test_a_signature_in_columns_that_do_not_line_up():
    text = (
        "UBND TỈNH QUẢNG NINH      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN QUẢN LÝ KHU KINH TẾ      Độc lập - Tự do"
        " - Hạnh phúc\nSố: 46/GM-BQLKKT      Quảng Ninh, ngày 16 tháng 3 năm 2026\n\nGIẤY MỜI\nDự Hội nghị đối thoại\n\n"
        + PROSE
        + "\nRất mong các đại biểu tham dự đúng giờ./.\n\n"
        "Nơi nhận:      KT. TRƯỞNG BAN\n- Như thành phần mời;      PHÓ TRƯỞNG BAN\n- UBND tỉnh (b/c);\n"
        "- Lưu: VT, QLDN.\n      Phạm Văn Thành\n"
    )
    blocks, _ = parse_text(text)
    right = [b.text for b in blocks if b.region is Region.SIGNATURE_RIGHT]
    left = [b.text for b in blocks if b.region is Region.SIGNATURE_LEFT]
    assert right == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Văn Thành"]
    assert left[0] == "Nơi nhận:" and "- Lưu: VT, QLDN." in left


def test_a_tab_laid_signature_keeps_the_name_in_the_right_column():
    text = (
        "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 8215/BNV-CQĐP\tHà Nội, ngày 05 tháng 11 năm 2026\n\n" + PROSE + "\n\n"
        "Nơi nhận:\tKT. BỘ TRƯỞNG\n- Như trên;\tTHỨ TRƯỞNG\n- Lưu: VT.\t(Đã ký)\n\t\n\tĐặng Văn Khiêm\n"
    )
    blocks, _ = parse_text(text)
    assert "Đặng Văn Khiêm" in [b.text for b in blocks if b.region is Region.SIGNATURE_RIGHT]
