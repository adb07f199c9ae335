"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): detection and conversion to Unicode.

Before Unicode, Vietnamese was typed in 8-bit fonts that reuse the Latin-1 byte
range: TCVN3 (TCVN 5712:1993 VN3, fonts .VnTime/.VnTimeH) stores each accented
letter as one byte; VNI (VNI-Times) stores a base letter followed by one
diacritic byte. A clerk's .txt saved from such a .doc therefore reads as
mojibake once decoded as cp1252/latin-1 ("Céng hßa", "Coäng hoøa") or, as
``pipeline.readers.encoding`` does, as cp1258 (which turns a few of those bytes into
combining marks or ă/đ/ơ/ư). Everything here works on byte values, so all three
decodings are handled alike.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

# TCVN 5712:1993 VN3, byte -> letter. VN3 is the 8-bit subset used by the ABC
# fonts: lower-case letters plus the seven bare capitals Ă Â Ê Ô Ơ Ư Đ. The
# remaining upper-case accented letters are the same bytes shown in the
# .VnTimeH font, so they decode to lower case (unrecoverable by design).
# The VN1 capitals at 0x80-0x9F are deliberately absent: in .VnTime those
# positions are the Windows quotes and dashes (“ ” – —), which must survive.
_TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VN3 also has five combining tone marks (° ± ² ³ ´). Keyboards hardly ever
# emit them, and "25°C" or "m³" are common, so they are decoded only right
# after a vowel (see _build_tcvn3).
_TCVN3_TONES: dict[int, str] = {
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
}  # fmt: skip

# VNI-Windows, lower-case bytes; every upper-case byte is the lower-case one
# minus 0x20 (the Latin-1 case offset: "ø"/"Ø", "ä"/"Ä", "ñ"/"Ñ").
# Letters that VNI stores as a single byte:
_VNI_SINGLE: dict[int, str] = {
    0xF1: "đ", 0xF4: "ơ", 0xF6: "ư",
    0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
}  # fmt: skip
# Diacritic bytes that follow a base letter, as the combining marks they add:
_VNI_TONE: dict[int, str] = {0xF8: "\u0300", 0xF9: "\u0301", 0xFB: "\u0309", 0xF5: "\u0303", 0xEF: "\u0323"}
_VNI_HAT: dict[int, str] = {  # circumflex, alone or with a tone; only on a, e, o
    0xE2: "\u0302", 0xE0: "\u0302\u0300", 0xE1: "\u0302\u0301",
    0xE5: "\u0302\u0309", 0xE3: "\u0302\u0303", 0xE4: "\u0302\u0323",
}  # fmt: skip
_VNI_BREVE: dict[int, str] = {  # breve, alone or with a tone; only on a
    0xEA: "\u0306", 0xE8: "\u0306\u0300", 0xE9: "\u0306\u0301",
    0xFA: "\u0306\u0309", 0xFC: "\u0306\u0303", 0xEB: "\u0306\u0323",
}  # fmt: skip
# Which diacritic bytes may follow which base letter ("\xf4"/"\xf6" are VNI ơ/ư).
_VNI_BASES: dict[str, tuple[dict[int, str], ...]] = {
    "a": (_VNI_TONE, _VNI_HAT, _VNI_BREVE), "e": (_VNI_TONE, _VNI_HAT), "o": (_VNI_TONE, _VNI_HAT),
    "u": (_VNI_TONE,), "y": (_VNI_TONE,), "\xf4": (_VNI_TONE,), "\xf6": (_VNI_TONE,),
}  # fmt: skip


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _build_tcvn3() -> dict[str, str]:
    table = {chr(b): u for b, u in _TCVN3.items()}
    vowels = "aeiouyAEIOUY" + "".join(chr(b) for b, u in _TCVN3.items() if u in "ĂÂÊÔƠƯăâêôơư")
    for v in vowels:
        for b, mark in _TCVN3_TONES.items():
            table[v + chr(b)] = _nfc(table.get(v, v) + mark)
    return table


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for b, u in _VNI_SINGLE.items():
        table[chr(b)] = u
        table[chr(b - 0x20)] = u.upper()
    # Mark bytes of either case are accepted after either case of base: the
    # standard pairs "AÙ"/"aù", but mixed-font files ("Aùnh") exist; the base
    # letter decides the case of the result.
    for base, groups in _VNI_BASES.items():
        for b_char in (base, base.upper()):
            letter = table.get(b_char, b_char)
            for group in groups:
                for b, marks in group.items():
                    table[b_char + chr(b)] = table[b_char + chr(b - 0x20)] = _nfc(letter + marks)
    return table


_TABLES: dict[str, dict[str, str]] = {"TCVN3": _build_tcvn3(), "VNI": _build_vni()}
# Longest key first, so "oä" wins over a lone "ä".
_PATTERNS = {
    font: re.compile("|".join(re.escape(k) for k in sorted(t, key=len, reverse=True))) for font, t in _TABLES.items()
}

# A word: a run of ASCII letters and non-ASCII characters. TCVN3 mojibake is full
# of symbols (· ¸ µ « ¬ and the soft hyphen for ư), so word boundaries are only
# whitespace, ASCII digits/punctuation and Unicode general punctuation (quotes,
# dashes).
_WORD = re.compile(r"[^\s!-@\[-`{-~\u2000-\u206f]+")
# Characters no legacy decoding can produce (cp1258 yields only ă đ ơ ư and five
# combining tones): precomposed Vietnamese letters and the NFD hat/breve/horn.
_UNICODE_ONLY = re.compile("[\u1ea0-\u1ef9\u0128\u0129\u0168\u0169\u0302\u0306\u031b]")

# Text character -> the byte it came from, for every way the file may have been
# decoded: cp1252, latin-1 (C1 controls) and cp1258 (Ă ă Đ đ Ơ ơ Ư ư ₫ and the
# combining marks it makes of 0xCC 0xD2 0xDE 0xEC 0xF2). The three agree where
# they overlap, so one table serves all. Bytes become latin-1 chars (chr(b)).
_TO_BYTES: dict[int, str] = {}
for _codec in ("cp1258", "latin-1", "cp1252"):
    for _b in range(0x80, 0x100):
        with contextlib.suppress(UnicodeDecodeError):  # cp1252/cp1258 holes
            _TO_BYTES.setdefault(ord(bytes([_b]).decode(_codec)), chr(_b))


def to_unicode(text: str, font: str) -> str:
    """Convert TCVN3 or VNI mojibake back to Unicode NFC Vietnamese."""
    table, pattern = _TABLES[font], _PATTERNS[font]

    def convert(m: re.Match[str]) -> str:
        word = m.group()
        if word.isascii() or _UNICODE_ONLY.search(word):
            # No legacy decoding yields ộ or an NFD hat/horn: a word holding one
            # is genuine Unicode pasted into the file and must stay as it is.
            return word
        # translate() maps one char to one char, so offsets in the byte view
        # match offsets in ``word``; chars outside the table are copied as-is.
        raw = word.translate(_TO_BYTES)
        out: list[str] = []
        pos = 0
        for k in pattern.finditer(raw):
            out += (word[pos : k.start()], table[k.group()])
            pos = k.end()
        out.append(word[pos:])
        return "".join(out)

    # Word by word: a legacy letter never spans a space or ASCII punctuation.
    return _nfc(_WORD.sub(convert, text))


def _invert(table: dict[str, str], single_only: bool) -> dict[str, str]:
    def rank(seq: str) -> tuple[int, bool]:
        # Shortest first, then matching case: standard VNI pairs an upper base
        # with an upper mark ("AÙ"); the mixed spellings are only decoded.
        return len(seq), seq[0].isupper() != seq[-1].isupper()

    inverse: dict[str, str] = {}
    for seq, u in table.items():
        if single_only and len(seq) > 1:
            continue
        if u not in inverse or rank(seq) < rank(inverse[u]):
            inverse[u] = seq
    return inverse


# Typists never used the VN3 combining tones, so TCVN3 is encoded byte-per-letter.
_INVERSE = {font: _invert(t, single_only=font == "TCVN3") for font, t in _TABLES.items()}


def from_unicode(text: str, font: str) -> str:
    """Inverse of :func:`to_unicode`, as a cp1252 reading of the legacy bytes.

    Used to verify the tables by round trip and to build test samples. TCVN3
    has no byte for upper-case accented letters: they come out lower-case, as
    .VnTimeH users typed them.
    """
    inverse = _INVERSE[font]
    out = []
    for c in _nfc(text):
        if c not in inverse and font == "TCVN3" and c.lower() in inverse:
            c = c.lower()
        out.append(inverse.get(c, c))
    return "".join(out)


# --- detection -------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# One Vietnamese syllable, tones stripped: onset + rhyme. The rhyme rules carry
# the discrimination: glide-final and open diphthongs take no final consonant
# ("nhaõn", a VNI "nhân" read as TCVN3, fails), iê/uô/ươ/ă/â need one, and nh/ch
# follow only a, ê, i, y.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(?:"
    r"(?:iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu)"
    r"|(?:uyê|iê|yê|uô|ươ|oă|uâ|[ăâ])(?:ng|[cmnpt])"
    r"|(?:oa|uy|uê|[aêiy])(?:nh|ch)"
    r"|(?:oa|oe|uê|uy|uơ|[aeêioôơuưy])(?:ng|[cmnpt])?"
    r")"
)
_ASCII_LETTER = re.compile("[A-Za-z]")
_SAMPLE = 50_000  # characters; enough to decide, bounded cost on huge files
_MIN_HITS = 3


def _is_syllable(word: str) -> bool:
    """True when ``word`` is shaped like one Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = _nfc("".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _scores(text: str) -> tuple[dict[str, int], int]:
    """Distinct words that only make sense converted, per font; words only Unicode can hold."""
    hits: dict[str, set[str]] = {font: set() for font in _TABLES}
    unicode_words = 0
    for word in _WORD.findall(text[:_SAMPLE]):
        if word.isascii() or not _ASCII_LETTER.search(word):
            # No legacy byte, or a lone symbol ("©", "µ", "×") that a Unicode
            # text may well contain: no evidence either way.
            continue
        if _UNICODE_ONLY.search(word):
            unicode_words += 1
            continue
        if _is_syllable(word):
            # Already a proper Vietnamese word ("công", "hòa"): genuine Unicode.
            continue
        for font, found in hits.items():
            converted = to_unicode(word, font)
            if converted != word and _is_syllable(converted):
                # A set: an English lab report repeating "µm" ("àm") is one
                # piece of evidence, not twenty.
                found.add(word.lower())
    return {font: len(found) for font, found in hits.items()}, unicode_words


def detect(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when ``text`` looks typed in that legacy font, else None.

    Evidence for a font is a word that is not a Vietnamese syllable as written
    but becomes one once converted ("héi" -> "hội", "hoäi" -> "hội"); letters
    only Unicode can hold (ộ, ư via NFD horn, ...) count against all fonts. This
    beats counting Latin-1 letters, which genuine Vietnamese ("công", "là") and
    French ("été") also contain: those words are valid as written or stay
    invalid after conversion.
    """
    hits, unicode_words = _scores(text)
    font = max(hits, key=hits.__getitem__)
    other = min(hits.values())
    # Thresholds: at least three distinct converted words, so a stray "où" or
    # "µm" in a Unicode document is not enough; the winner clearly ahead of the
    # other font, since some words convert validly both ways (VNI "chuû" is
    # "chủ", read as TCVN3 "chuỷ"); and legacy words outnumbering Unicode-only
    # ones 3:1, so a document with a pasted line of the other kind goes to the
    # majority.
    if hits[font] >= _MIN_HITS and hits[font] > 2 * other and hits[font] >= 3 * unicode_words:
        return font
    return None
