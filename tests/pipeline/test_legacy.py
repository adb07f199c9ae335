"""Legacy font (TCVN3/ABC, VNI) detection and conversion."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.readers import legacy

NATIONAL_MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"
TCVN3_MOTTO = "Céng hßa x· héi chñ nghÜa ViÖt Nam"
VNI_MOTTO = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"

SENTENCES = [
    "Ủy ban nhân dân tỉnh Quảng Ngãi",
    "Kính gửi: Sở Khoa học và Công nghệ",
    "báo cáo kết quả trước ngày 15/7/2025",
    "Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Nơi nhận: như trên; lưu VT, VP. KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Văn Ưng",
]
PARAGRAPH = (
    "Thực hiện Quyết định số 1234/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân tỉnh, "
    "Sở Khoa học và Công nghệ đề nghị các đơn vị khẩn trương rà soát, tổng hợp nhu cầu "
    "ứng dụng công nghệ thông tin, chuyển đổi số và gửi báo cáo kết quả trước ngày 30/7/2025. "
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh kịp thời để được hướng dẫn."
)
LETTERS = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"


def tcvn3_expected(text: str) -> str:
    """What survives a TCVN3 round trip: accented capitals other than Ă Â Ê Ô Ơ Ư Đ
    only exist in the .VnTimeH font, i.e. as lower-case bytes."""
    return "".join(c.lower() if not c.isascii() and c.isupper() and c not in "ĂÂÊÔƠƯĐ" else c for c in text)


def cp1258(mojibake: str) -> str:
    """The same legacy bytes as ``pipeline.readers.encoding`` reads them (cp1258, not cp1252)."""
    return mojibake.encode("latin-1").decode("cp1258")


def genuine_cp1258(text: str) -> str:
    """Real Windows-1258 Vietnamese as read by Python: Latin-1 letters plus combining tones
    (cp1258 has no ộ; it stores ô + U+0323). Must not be mistaken for a legacy font."""
    out = []
    for c in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", c)
        tones = "".join(x for x in parts if x in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(x for x in parts if x not in tones))
        out.append(c if c.encode("cp1258", errors="ignore") else base + tones)
    return "".join(out).encode("cp1258").decode("cp1258")


# --- known samples ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("mojibake", "font", "expected"),
    [
        (TCVN3_MOTTO, "TCVN3", NATIONAL_MOTTO),
        (VNI_MOTTO, "VNI", NATIONAL_MOTTO),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "VNI", NATIONAL_MOTTO.upper()),
        # .VnTimeH capitals are lower-case bytes: the case is lost, the letters are not.
        ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3", "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"),
        ("§éc lËp - Tù do - H¹nh phóc", "TCVN3", "Độc lập - Tự do - Hạnh phúc"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI", "Độc lập - Tự do - Hạnh phúc"),
        ("UBND tØnh Qu¶ng Ng·i", "TCVN3", "UBND tỉnh Quảng Ngãi"),
        (
            "Sôû Taøi chính; thò xaõ; Ñöôøng; khuyeán khích",
            "VNI",
            "Sở Tài chính; thị xã; Đường; khuyến khích",
        ),
        ("ng\u00adêi d©n ®\u00adîc h\u00adëng", "TCVN3", "người dân được hưởng"),
    ],
)
def test_known_samples(mojibake: str, font: str, expected: str) -> None:
    assert legacy.to_unicode(mojibake, font) == expected
    assert legacy.to_unicode(cp1258(mojibake), font) == expected


@pytest.mark.parametrize(
    ("mojibake", "expected"),
    [
        # Windows quotes, dashes and the degree sign are not letters in .VnTime.
        ("“trÝch dÉn” – nhiÖt ®é 25°C, 3 m³…", "“trích dẫn” – nhiệt độ 25°C, 3 m³…"),
        # The rare VN3 combining tones (° ± ² ³ ´) decode after a vowel only.
        ("Viª´t Nam hoa°", "Việt Nam hoà"),
    ],
)
def test_tcvn3_punctuation_and_combining_tones(mojibake: str, expected: str) -> None:
    assert legacy.to_unicode(mojibake, "TCVN3") == expected


@pytest.mark.parametrize("font", ["TCVN3", "VNI"])
def test_genuine_unicode_words_are_left_alone(font: str) -> None:
    # Only words holding a letter no legacy decoding yields (ễ, ị, ộ...) can be
    # told apart; "Văn" alone could be cp1258-read TCVN3 and would be converted.
    mixed = legacy.from_unicode("Kính gửi: Sở Khoa học", font) + " — Nguyễn Thị Ộ, Việt Nam"
    assert legacy.to_unicode(mixed, font) == "Kính gửi: Sở Khoa học — Nguyễn Thị Ộ, Việt Nam"


# --- round trips (verify the tables against their inverse) -------------------------


@pytest.mark.parametrize("text", [*SENTENCES, PARAGRAPH])
def test_vni_round_trip(text: str) -> None:
    encoded = legacy.from_unicode(text, "VNI")
    assert encoded != text
    assert legacy.to_unicode(encoded, "VNI") == text
    assert legacy.to_unicode(cp1258(encoded), "VNI") == text


@pytest.mark.parametrize("text", [*SENTENCES, PARAGRAPH])
def test_tcvn3_round_trip(text: str) -> None:
    encoded = legacy.from_unicode(text, "TCVN3")
    assert encoded != text
    assert legacy.to_unicode(encoded, "TCVN3") == tcvn3_expected(text)
    assert legacy.to_unicode(cp1258(encoded), "TCVN3") == tcvn3_expected(text)


@pytest.mark.parametrize(
    ("font", "letters"),
    [("TCVN3", LETTERS + "ĂÂÊÔƠƯĐ"), ("VNI", LETTERS), ("VNI", LETTERS.upper())],
)
def test_every_letter_has_its_own_code(font: str, letters: str) -> None:
    codes = [legacy.from_unicode(c, font) for c in letters]
    assert len(set(codes)) == len(letters)
    assert all(not c.isascii() for c, letter in zip(codes, letters, strict=True) if not letter.isascii())
    assert legacy.to_unicode("".join(codes), font) == letters


def test_tcvn3_table_spot_checks() -> None:
    # Code points quoted in TCVN 5712:1993 references, byte -> letter.
    spots = {
        0xB8: "á", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ", 0xA9: "â", 0xA8: "ă", 0xAE: "đ",
        0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xA7: "Đ", 0xE9: "ộ", 0xD6: "ệ", 0xFE: "ỵ",
    }  # fmt: skip
    for byte, letter in spots.items():
        assert legacy.to_unicode("x" + chr(byte), "TCVN3") == "x" + letter


# --- detection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "font"),
    [
        (TCVN3_MOTTO, "TCVN3"),
        (VNI_MOTTO, "VNI"),
        ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "VNI"),
        (cp1258(TCVN3_MOTTO), "TCVN3"),
        (cp1258(VNI_MOTTO), "VNI"),
        *[(legacy.from_unicode(PARAGRAPH, f), f) for f in ("TCVN3", "VNI")],
        *[(cp1258(legacy.from_unicode(PARAGRAPH, f)), f) for f in ("TCVN3", "VNI")],
        *[(legacy.from_unicode(s, f), f) for s in SENTENCES[:3] for f in ("TCVN3", "VNI")],
        # A legacy document quoting one Unicode name is still legacy.
        (legacy.from_unicode(PARAGRAPH, "TCVN3") + " Nguyễn Văn Ộ", "TCVN3"),
    ],
)
def test_detects_legacy(text: str, font: str) -> None:
    assert legacy.detect(text) == font


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(NATIONAL_MOTTO, id="nfc-motto"),
        pytest.param(PARAGRAPH, id="nfc-paragraph"),
        pytest.param(unicodedata.normalize("NFD", NATIONAL_MOTTO), id="nfd-motto"),
        pytest.param(unicodedata.normalize("NFD", PARAGRAPH), id="nfd-paragraph"),
        *[pytest.param(s, id=f"nfc-{i}") for i, s in enumerate(SENTENCES)],
        *[pytest.param(unicodedata.normalize("NFD", s), id=f"nfd-{i}") for i, s in enumerate(SENTENCES)],
        pytest.param(
            "Tôi là công chức; hòa bình, toàn quốc, hoá đơn, khoá học, thuý, quân, tiên, xoè",
            id="latin1-only",
        ),
        pytest.param(genuine_cp1258(PARAGRAPH), id="windows-1258-paragraph"),
        pytest.param(genuine_cp1258(NATIONAL_MOTTO), id="windows-1258-motto"),
        pytest.param("The committee will review the annual report before the deadline.", id="english"),
        pytest.param(
            "The café served crème brûlée; a naïve résumé, où, là, été, déjà vu. Größe, Müller, schön, "
            "señor, año, São Paulo, Zürich, Pokémon, Ångström.",
            id="western-european",
        ),
        # "µm" reads as TCVN3 "àm", a real syllable: repeats count once.
        pytest.param("Samples of 5 µm, 10 µm and 20 µm, 3 µm × 4 µm, at 25°C.", id="micrometres"),
        pytest.param("123 456 7890 15/7/2025 - 01.02.03", id="numbers"),
        pytest.param("", id="empty"),
        pytest.param("Plain ASCII text, no accents at all: Cong hoa xa hoi chu nghia Viet Nam", id="ascii"),
        pytest.param(
            "© 2025 Sở Khoa học và Công nghệ tỉnh Quảng Ngãi. Mẫu nước 5 µm, 2 µg/l; © bản quyền thuộc về Sở.",
            id="unicode-with-stray-signs",
        ),
        pytest.param("Giá trị ©, µ và ® trong bảng © µ ® ¸ · ª", id="unicode-with-lone-symbols"),
        # Two words are too little to tell a title from noise: better left as is.
        pytest.param("B¸o c¸o", id="too-short"),
        # A Unicode document with one pasted legacy line stays Unicode.
        pytest.param(PARAGRAPH + " " + TCVN3_MOTTO, id="unicode-majority"),
    ],
)
def test_does_not_detect(text: str) -> None:
    assert legacy.detect(text) is None


@pytest.mark.parametrize("font", ["TCVN3", "VNI"])
def test_detect_then_convert(font: str) -> None:
    legacy_text = "\n".join(legacy.from_unicode(s, font) for s in [PARAGRAPH, *SENTENCES])
    detected = legacy.detect(legacy_text)
    assert detected == font
    converted = legacy.to_unicode(legacy_text, detected)
    expected = "\n".join([PARAGRAPH, *SENTENCES])
    assert converted == (tcvn3_expected(expected) if font == "TCVN3" else expected)
    # The result is genuine Unicode: no second conversion.
    assert legacy.detect(converted) is None
