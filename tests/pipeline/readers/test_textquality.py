"""The text-layer verdict: Vietnamese without its marks and garbled letters are condemned; real
Vietnamese, English, numbers, codes and short texts never are.

The Vietnamese texts are the bundled samples; the broken ones are made from them the way an
English OCR or a wrong font map makes them (tests/helpers/textlayers.py).
"""

from __future__ import annotations

import unicodedata

import pytest

from corpus import SAMPLES_DIR
from pipeline.readers import legacy
from pipeline.readers.textquality import MIN_WORDS, judge
from tests.helpers.textlayers import fold, garble, tcvn3

NAMES = sorted(p.stem for p in SAMPLES_DIR.glob("*.txt"))

ENGLISH = """ANNEX II. TECHNICAL SPECIFICATIONS OF THE PUBLIC WIFI ACCESS POINTS
The contractor shall supply, install and maintain outdoor access points at the locations listed
in Annex I. Each access point must support the IEEE 802.11ax standard, dual band operation at 2.4
and 5 GHz, and at least two hundred concurrent users. Devices are to be mounted on existing poles
where possible, powered over Ethernet, and protected against dust and water to rating IP67. The
network controller shall be hosted in the provincial data centre and offer a captive portal in
Vietnamese and English, with sign-in by phone number. Usage logs are kept for twelve months in
accordance with applicable regulations on the management of internet services. The contractor
must report monthly on availability, traffic and faults, and restore any failed device within
forty-eight hours of notification. Training for local technical staff is included in the price.
Warranty covers all hardware and software for a period of three years from final acceptance."""

NUMBERS = "\n".join(f"{i} | {i * 1250:,} | {i * 3.7:.1f} | 0{i}/2025 | {i * 17 % 100}%" for i in range(1, 200))
CODES = " ".join(f"{k}-UBND {k}/QĐ-UBND SKHCN-VP{k} ISO-9001:2015 QCVN {k:02d}:2020/BTTTT" for k in range(1, 80))
HEADER = "CONG HOA XA HOI CHU NGHIA VIET NAM - trang\n" * 60


def sample(name: str) -> str:
    return (SAMPLES_DIR / f"{name}.txt").read_text(encoding="utf-8")


def verdict(text: str):
    return judge(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_the_samples_are_readable(name):
    v = verdict(sample(name))
    assert v.readable and v.reason is None
    assert v.syllable_share > 0.9 and v.marked_share > 0.85 and v.broken_share < 0.05


MUST_PASS = {
    "english annex": ENGLISH,
    "vietnamese body, longer english annex": sample("skhcn-de-xuat-cchc") + ("\n" + ENGLISH) * 3,
    "table of numbers": NUMBERS,
    "page of codes": CODES,
    "short text without marks": fold(sample("skhcn-de-xuat-cchc"))[:500],
    "a page header repeated on sixty pages": HEADER,
    "vietnamese in NFD": unicodedata.normalize("NFD", sample("ubnd-tiep-tuc-02kh-bcdtw")),
    "TCVN3 once converted": legacy.to_unicode(tcvn3(sample("ubnd-tiep-tuc-02kh-bcdtw")), "TCVN3"),
}


@pytest.mark.parametrize("text", MUST_PASS.values(), ids=MUST_PASS.keys())
def test_never_condemned(text):
    assert verdict(text).readable


def test_nfd_is_weighed_as_nfc():
    text = sample("ubnd-tiep-tuc-02kh-bcdtw")
    assert verdict(unicodedata.normalize("NFD", text)) == verdict(text)


MUST_FAIL = {
    **{f"{n} without marks": (fold(sample(n)), "âm tiết có dấu") for n in NAMES},
    **{f"{n} garbled": (garble(sample(n)), "từ không đọc được") for n in NAMES},
    "TCVN3 bytes as Latin-1": (tcvn3(sample("minh-long-ha-tang-so")), "từ không đọc được"),
    "VNI bytes as Latin-1": (legacy.from_unicode(sample("minh-long-ha-tang-so"), "VNI"), "từ không đọc được"),
    # tesseract's English model keeps the Latin-1 letters it knows: "dé xuat nhiém vu", "Céng"
    "English OCR keeping a few accents": (
        fold(sample("skhcn-de-xuat-cchc")).replace("de ", "dé ").replace("Cong", "Céng").replace("vu", "vụ"),
        "âm tiết có dấu",
    ),
}


@pytest.mark.parametrize(("text", "why"), MUST_FAIL.values(), ids=MUST_FAIL.keys())
def test_condemned(text, why):
    v = verdict(text)
    assert not v.readable
    assert why in v.reason


def test_too_few_words_are_not_judged():
    words = fold(sample("ubnd-tiep-tuc-02kh-bcdtw")).split()
    assert verdict(" ".join(words[: MIN_WORDS - 20])).readable
    assert not verdict(" ".join(words[: MIN_WORDS * 2])).readable
