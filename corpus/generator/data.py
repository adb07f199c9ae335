"""Who issues documents, kept as data: provinces and their districts, departments, ministries, party bodies, names.

Names of places and agencies are real (so that a gazetteer lookup behaves as on real documents);
the people are invented from common family, middle and given names. Codes are the agency
codes that open a ký hiệu ("STC" in ``1234/STC-NS``); sections are the advising offices that
close a công văn's ký hiệu.

Validity windows follow the 2025 restructuring (Sở Kế hoạch và Đầu tư merged into Sở Tài chính,
Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ, and so on, from 1 March 2025;
district-level government ended on 30 June 2025), so that a corpus spanning those dates names
the agencies that existed on each document's date.
"""

from __future__ import annotations

import datetime as dt

MERGER = dt.date(2025, 3, 1)  # Nghị quyết 176/2025 and the provincial departments' mergers
DISTRICTS_END = dt.date(2025, 6, 30)  # two-level local government from 1 July 2025
PARTY_TERM_STARTS = (dt.date(2015, 10, 15), dt.date(2020, 10, 15), dt.date(2025, 10, 1))

# province -> its districts: (level, name, communes as (level, name))
PROVINCES: dict[str, tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]] = {
    "Quảng Ngãi": (
        ("huyện", "Minh Long", (("xã", "Long Hiệp"), ("xã", "Thanh An"), ("xã", "Long Mai"))),
        ("huyện", "Sơn Tịnh", (("xã", "Tịnh Hà"), ("xã", "Tịnh Bắc"), ("xã", "Tịnh Sơn"))),
        ("thị xã", "Đức Phổ", (("phường", "Nguyễn Nghiêm"), ("xã", "Phổ An"), ("xã", "Phổ Quang"))),
    ),
    "Đồng Tháp": (
        ("thành phố", "Cao Lãnh", (("phường", "Mỹ Phú"), ("xã", "Hòa An"), ("xã", "Tịnh Thới"))),
        ("huyện", "Lấp Vò", (("xã", "Tân Mỹ"), ("xã", "Mỹ An Hưng A"), ("xã", "Vĩnh Thạnh"))),
        ("huyện", "Tháp Mười", (("xã", "Mỹ Hòa"), ("xã", "Trường Xuân"), ("xã", "Hưng Thạnh"))),
    ),
    "Nghệ An": (
        ("huyện", "Nghi Lộc", (("xã", "Nghi Phong"), ("xã", "Nghi Thái"), ("xã", "Nghi Xuân"))),
        ("thị xã", "Cửa Lò", (("phường", "Nghi Hải"), ("phường", "Thu Thủy"), ("phường", "Nghi Hòa"))),
        ("huyện", "Quỳnh Lưu", (("xã", "Quỳnh Thanh"), ("xã", "Quỳnh Lương"), ("xã", "Quỳnh Văn"))),
    ),
    "Thanh Hóa": (
        ("huyện", "Thọ Xuân", (("xã", "Xuân Hòa"), ("xã", "Thọ Lập"), ("xã", "Xuân Tín"))),
        ("thành phố", "Sầm Sơn", (("phường", "Trung Sơn"), ("phường", "Quảng Tiến"), ("xã", "Quảng Hùng"))),
        ("huyện", "Hoằng Hóa", (("xã", "Hoằng Đạt"), ("xã", "Hoằng Lộc"), ("xã", "Hoằng Thắng"))),
    ),
    "Lâm Đồng": (
        ("thành phố", "Bảo Lộc", (("phường", "Lộc Phát"), ("xã", "Đại Lào"), ("xã", "Lộc Châu"))),
        ("huyện", "Đức Trọng", (("xã", "Hiệp Thạnh"), ("xã", "Ninh Gia"), ("xã", "Tà Năng"))),
        ("huyện", "Di Linh", (("xã", "Gia Hiệp"), ("xã", "Tân Châu"), ("xã", "Đinh Lạc"))),
    ),
    "Bình Định": (
        ("huyện", "Tuy Phước", (("xã", "Phước Hòa"), ("xã", "Phước Sơn"), ("xã", "Phước Lộc"))),
        ("thị xã", "Hoài Nhơn", (("phường", "Bồng Sơn"), ("phường", "Tam Quan"), ("xã", "Hoài Hải"))),
        ("huyện", "Phù Cát", (("xã", "Cát Hanh"), ("xã", "Cát Tân"), ("xã", "Cát Khánh"))),
    ),
    "Tây Ninh": (
        ("huyện", "Gò Dầu", (("xã", "Phước Thạnh"), ("xã", "Thanh Phước"), ("xã", "Hiệp Thạnh"))),
        ("thị xã", "Trảng Bàng", (("phường", "Gia Lộc"), ("phường", "An Tịnh"), ("xã", "Hưng Thuận"))),
        ("huyện", "Châu Thành", (("xã", "Thái Bình"), ("xã", "Hảo Đước"), ("xã", "Biên Giới"))),
    ),
    "Hà Tĩnh": (
        ("huyện", "Can Lộc", (("xã", "Thiên Lộc"), ("xã", "Vượng Lộc"), ("xã", "Tùng Lộc"))),
        ("thị xã", "Hồng Lĩnh", (("phường", "Bắc Hồng"), ("phường", "Nam Hồng"), ("xã", "Thuận Lộc"))),
        ("huyện", "Kỳ Anh", (("xã", "Kỳ Đồng"), ("xã", "Kỳ Tân"), ("xã", "Kỳ Phong"))),
    ),
}

# Provincial departments: (full name, code, sections, short form used in running text, from, to).
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...], str | None, dt.date | None, dt.date | None], ...] = (
    ("Sở Nội vụ", "SNV", ("CCHC", "TCBC", "XDCQ", "VP"), None, None, None),
    ("Sở Tài chính", "STC", ("NS", "ĐT", "QLG&CS", "VP"), None, None, None),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT", ("TH", "ĐKKD", "VP"), "Sở KH&ĐT", None, MERGER),
    ("Sở Khoa học và Công nghệ", "SKHCN", ("QLCN", "CĐS", "VP"), "Sở KH&CN", None, None),
    ("Sở Thông tin và Truyền thông", "STTTT", ("BCVT", "CNTT", "VP"), "Sở TT&TT", None, MERGER),
    ("Sở Xây dựng", "SXD", ("QLN", "QHKT", "KTXD", "VP"), None, None, None),
    ("Sở Giao thông vận tải", "SGTVT", ("QLGT", "VP"), "Sở GTVT", None, MERGER),
    ("Sở Y tế", "SYT", ("NVY", "KHTC", "VP"), None, None, None),
    ("Sở Giáo dục và Đào tạo", "SGDĐT", ("GDTrH", "KHTC", "VP"), "Sở GD&ĐT", None, None),
    ("Sở Tài nguyên và Môi trường", "STNMT", ("QLĐĐ", "MT", "VP"), "Sở TN&MT", None, MERGER),
    ("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT", ("TTBVTV", "KHTC", "VP"), "Sở NN&PTNT", None, MERGER),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", ("QLĐĐ", "TTBVTV", "VP"), "Sở NN&MT", MERGER, None),
    ("Sở Công Thương", "SCT", ("QLTM", "QLCN", "VP"), None, None, None),
    ("Sở Tư pháp", "STP", ("XDKTVB", "VP"), None, None, None),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", ("QLVH", "QLDL", "VP"), None, None, None),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", ("LĐVL", "BTXH", "VP"), None, None, MERGER),
)

# Offices of a district's People's Committee: (full name, code).
DISTRICT_OFFICES: tuple[tuple[str, str], ...] = (
    ("Phòng Tài chính - Kế hoạch", "TCKH"),
    ("Phòng Văn hóa và Thông tin", "VHTT"),
    ("Phòng Nội vụ", "NV"),
    ("Phòng Kinh tế và Hạ tầng", "KTHT"),
    ("Phòng Giáo dục và Đào tạo", "GDĐT"),
    ("Phòng Nông nghiệp và Phát triển nông thôn", "NNPTNT"),
    ("Phòng Y tế", "YT"),
)

# Sections of a provincial People's Committee office that close its công văn ("567/UBND-KT").
UBND_SECTIONS: tuple[str, ...] = ("KT", "KGVX", "NC", "TH", "NNTN", "CNXD")
DISTRICT_SECTIONS: tuple[str, ...] = ("VP", "TCKH", "VHTT", "KTHT", "NV")

# Ministries: (full name, code, sections, from, to).
MINISTRIES: tuple[tuple[str, str, tuple[str, ...], dt.date | None, dt.date | None], ...] = (
    ("Bộ Tài chính", "BTC", ("NSNN", "ĐT", "QLCS"), None, None),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", ("TH", "KTĐP&LT", "QLĐT"), None, MERGER),
    ("Bộ Nội vụ", "BNV", ("CCHC", "TCBC", "CQĐP"), None, None),
    ("Bộ Khoa học và Công nghệ", "BKHCN", ("CĐSQG", "KHTC", "ƯDCN"), None, None),
    ("Bộ Thông tin và Truyền thông", "BTTTT", ("CĐSQG", "KHTC"), None, MERGER),
    ("Bộ Xây dựng", "BXD", ("QLN", "QHKT", "KHTC"), None, None),
    ("Bộ Y tế", "BYT", ("KHTC", "KCB", "ATTP"), None, None),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT", ("GDTrH", "KHTC", "CSVC"), None, None),
    ("Bộ Công Thương", "BCT", ("TMĐT", "KH", "TTTN"), None, None),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT", ("VPĐP", "KH", "PCTT"), None, MERGER),
    ("Bộ Tài nguyên và Môi trường", "BTNMT", ("MT", "QLĐĐ"), None, MERGER),
    ("Bộ Nông nghiệp và Môi trường", "BNNMT", ("VPĐP", "MT", "ĐĐ"), MERGER, None),
)

# Units that receive tasks but issue nothing in the corpus; "{p}" is the province.
OTHER_PROVINCIAL_UNITS: tuple[str, ...] = (
    "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Đài Phát thanh và Truyền hình {p}",
    "Báo {p}",
    "Kho bạc Nhà nước {p}",
    "Bảo hiểm xã hội tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh",
)
COMPANIES: tuple[str, ...] = ("VNPT {p}", "Viettel {p}", "Công ty Điện lực {p}", "Bưu điện tỉnh {p}")

# People: invented from common names. A given name is picked so that names rarely repeat.
FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Đoàn", "Lương",
)  # fmt: skip
MIDDLE_NAMES: tuple[str, ...] = (
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân", "Hồng",
    "Thành", "Trọng", "Anh", "Công", "Thế", "Kim", "Tấn", "Bá",
)  # fmt: skip
GIVEN_NAMES: tuple[str, ...] = (
    "Tâm", "Sâm", "Hùng", "Dũng", "Hải", "Lan", "Hương", "Tuấn", "Nam", "Phong",
    "Sơn", "Bình", "Long", "Thắng", "Hà", "Mai", "Linh", "Khánh", "Quân", "Việt",
    "Cường", "Hòa", "Trung", "Thủy", "Phương", "Nga", "Lộc", "Tùng", "Đạt", "Hiếu",
    "Vinh", "Thảo", "Huy", "Kiên", "Nghĩa", "Toàn", "Hạnh", "Yến", "Thịnh", "Quý",
)  # fmt: skip

# Who may sign for an agency type: the head's title and the deputy's, in capitals as printed.
HEAD_TITLES: dict[str, tuple[str, str]] = {
    "ubnd": ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "so": ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    "phong": ("TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"),
    "bo": ("BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    "vpub": ("CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
    "tinhuy": ("BÍ THƯ", "PHÓ BÍ THƯ"),
    "huyenuy": ("BÍ THƯ", "PHÓ BÍ THƯ"),
    "ban": ("TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
}

# Yearly volume of documents an agency registers (one number series per calendar year for state
# bodies), so that numbers look like the real ones: a province's committee reaches ~6000 by December.
YEARLY_VOLUME: dict[str, int] = {
    "bo": 7000,
    "ubnd-tinh": 6000,
    "vpub": 1500,
    "so": 2500,
    "ubnd-huyen": 1800,
    "phong": 350,
    "ubnd-xa": 400,
    "tinhuy": 0,  # party bodies number per kind and per term, see PARTY_VOLUME
    "huyenuy": 0,
    "ban": 0,
}
# Party bodies: documents of one kind over a five-year term (Hướng dẫn 36-HD/VPTW numbers each kind
# from 01 in each term).
PARTY_VOLUME: dict[str, dict[str, int]] = {
    "tinhuy": {"KH": 350, "CV": 3000, "NQ": 40, "CT": 30, "TB": 600, "BC": 500, "HD": 60},
    "huyenuy": {"KH": 250, "CV": 1500, "NQ": 25, "CT": 20, "TB": 300, "BC": 300, "HD": 30},
    "ban": {"KH": 150, "CV": 1200, "HD": 80, "BC": 200, "TB": 100},
}

# Which kinds each agency type issues, and how often (weights).
KIND_WEIGHTS: dict[str, dict[str, int]] = {
    "bo": {"CV": 55, "QĐ": 15, "TB": 10, "KH": 12, "HD": 8},
    "ubnd-tinh": {"CV": 45, "KH": 18, "QĐ": 15, "CT": 4, "GM": 4},
    "vpub": {"TB": 65, "CV": 35},
    "so": {"CV": 50, "KH": 12, "GM": 12, "TB": 6, "HD": 8},
    "ubnd-huyen": {"CV": 45, "KH": 20, "QĐ": 12, "GM": 6},
    "phong": {"CV": 80, "KH": 20},
    "ubnd-xa": {"CV": 50, "KH": 50},
    "tinhuy": {"KH": 35, "CV": 30, "NQ": 5, "CT": 10, "TB": 20},
    "huyenuy": {"KH": 45, "CV": 40, "TB": 15},
    "ban": {"KH": 40, "HD": 35, "CV": 25},
}
# How often each agency type starts a new directive (weights among issuers of one province).
ISSUER_WEIGHTS: dict[str, int] = {
    "bo": 4,
    "ubnd-tinh": 24,
    "vpub": 7,
    "so": 30,
    "ubnd-huyen": 14,
    "phong": 5,
    "ubnd-xa": 4,
    "tinhuy": 6,
    "huyenuy": 3,
    "ban": 3,
}

PARTY_TYPES = frozenset({"tinhuy", "huyenuy", "ban"})
