"""Unit (cơ quan, đơn vị) vocabulary: the head nouns that open a unit's name and the aliases of common units.

Kept as data so that an office can add its own agencies without touching the rules.
"""

from __future__ import annotations

# Abbreviation -> full words, applied word by word when expanding a unit name.
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "HĐND&UBND": "Hội đồng nhân dân và Ủy ban nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "VH&TT": "Văn hóa và Thông tin",
    "VHTT": "Văn hóa và Thông tin",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN&MT": "Nông nghiệp và Môi trường",
    "TN&MT": "Tài nguyên và Môi trường",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "GTVT": "Giao thông vận tải",
    "DN": "doanh nghiệp",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "HTX": "hợp tác xã",
    "VP": "Văn phòng",
    "VPUB": "Văn phòng Ủy ban nhân dân",
    "TP": "Thành phố",
    "TW": "Trung ương",
    "BCĐ": "Ban Chỉ đạo",
}

# Words that open a unit's name: "Sở ...", "Ủy ban nhân dân ...", "Các doanh nghiệp ...".
# Lowercase, compared on the start of a phrase (after an optional "các"/"những").
UNIT_HEADS: tuple[str, ...] = (
    "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "ủy ban", "uỷ ban",
    "sở", "ban", "bộ", "phòng", "văn phòng", "vp", "cục", "chi cục", "tổng cục", "vụ", "viện",
    "trung tâm", "công an", "bộ chỉ huy", "bộ đội", "quân", "thanh tra", "kho bạc", "chi nhánh", "ngân hàng",
    "đài", "trường", "bệnh viện", "hội", "liên minh", "liên đoàn", "đoàn", "mặt trận",
    "tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "đảng ủy", "đảng uỷ", "thường trực",
    "tập đoàn", "tổng công ty", "công ty", "doanh nghiệp", "hợp tác xã", "điện lực", "bưu điện",
    "vnpt", "viettel", "mobifone", "fpt", "evn", "pvn",
    "cơ quan", "đơn vị", "địa phương", "sở, ban", "sở, ngành", "thủ trưởng", "chủ tịch", "giám đốc",
    "chính phủ", "thủ tướng", "quốc hội",
)

# Compounds that open with a head noun but name no unit: "ban hành", "phòng, chống", "hội nghị".
NOT_UNITS: tuple[str, ...] = (
    "ban hành", "ban đầu", "ban ngày", "phòng, chống", "phòng chống", "phòng ngừa", "phòng tránh", "hội nghị",
    "hội thảo", "hội thi", "hội diễn", "hội chợ", "trường hợp", "vụ việc", "vụ án", "bộ hồ sơ", "bộ tiêu chí",
    "bộ chỉ số", "bộ công cụ", "bộ thủ tục", "bộ máy", "bộ luật", "cục bộ", "đơn vị tính",
    "đài tưởng niệm", "trung tâm huyện", "trung tâm xã", "văn phòng phẩm",
)

# Words that name an administrative level after a collective body: "Ủy ban nhân dân TỈNH ...".
LEVELS: tuple[str, ...] = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")

# Bodies that sign "TM." (collectively) and so issue in their own name.
COLLECTIVE_BODIES: dict[str, str] = {
    "ủy ban nhân dân": "Ủy ban nhân dân",
    "uỷ ban nhân dân": "Ủy ban nhân dân",
    "hội đồng nhân dân": "Hội đồng nhân dân",
    "ban thường vụ": "Ban Thường vụ",
    "ban chấp hành": "Ban Chấp hành",
    "chính phủ": "Chính phủ",
    "ban chỉ đạo": "Ban Chỉ đạo",
    "ban bí thư": "Ban Bí thư",
}

# Abbreviated agency codes used in ký hiệu, expanded when no header names the issuer.
# The first letters name the head noun; the rest are matched against unit names in the text.
SYMBOL_HEADS: dict[str, str] = {
    "S": "Sở",
    "B": "Bộ",
    "P": "Phòng",
    "UB": "Ủy ban nhân dân",
    "UBND": "Ủy ban nhân dân",
    "VP": "Văn phòng",
    "BQL": "Ban Quản lý",
    "TT": "Trung tâm",
}

# Group names and the levels of their members, for "a group owner matches its members".
GROUPS: dict[str, tuple[str, ...]] = {
    "ủy ban nhân dân cấp xã": ("ủy ban nhân dân xã", "ủy ban nhân dân phường", "ủy ban nhân dân thị trấn",
                               "ủy ban nhân dân đặc khu"),
    "ủy ban nhân dân cấp huyện": ("ủy ban nhân dân huyện", "ủy ban nhân dân quận", "ủy ban nhân dân thị xã",
                                  "ủy ban nhân dân thành phố"),
}
