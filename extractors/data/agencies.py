"""A gazetteer of the agencies Vietnamese documents name most, kept as data.

Ministries and ministry-level bodies (as of the 2025 restructuring, with the names they replaced,
since older documents cite those), the departments of a province (sở, ban, ngành), and the
offices of a district or commune. An office adds its own local units here.
"""

from __future__ import annotations

MINISTRIES: tuple[str, ...] = (
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính",
    "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
    "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
    # replaced in 2025, still cited
    "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông", "Bộ Tài nguyên và Môi trường",
    "Bộ Giao thông vận tải", "Bộ Lao động - Thương binh và Xã hội", "Bộ Nông nghiệp và Phát triển nông thôn",
    "Ủy ban Dân tộc",
)

PROVINCIAL: tuple[str, ...] = (
    "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
    "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
    "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải", "Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn",
    "Ban Dân tộc", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Kho bạc Nhà nước", "Cục Thuế", "Bảo hiểm xã hội tỉnh", "Đài Phát thanh và Truyền hình",
    "Ban Quản lý Khu kinh tế", "Ban Quản lý các khu công nghiệp", "Trung tâm Phục vụ hành chính công",
    "Liên minh Hợp tác xã", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Tỉnh đoàn", "Liên đoàn Lao động",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hiệp hội Doanh nghiệp",
)

DISTRICT: tuple[str, ...] = (
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch",
    "Phòng Văn hóa và Thông tin", "Phòng Văn hóa, Khoa học và Thông tin", "Phòng Kinh tế và Hạ tầng",
    "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế", "Phòng Quản lý đô thị", "Phòng Tài nguyên và Môi trường",
    "Phòng Nông nghiệp và Môi trường", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Giáo dục và Đào tạo",
    "Phòng Y tế", "Phòng Lao động - Thương binh và Xã hội", "Phòng Dân tộc", "Thanh tra huyện", "Công an huyện",
    "Công an xã", "Ban Chỉ huy Quân sự",
)

COMPANIES: tuple[str, ...] = (
    "VNPT", "Viettel", "MobiFone", "Điện lực", "Bưu điện", "Tập đoàn Bưu chính Viễn thông Việt Nam",
    "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Tập đoàn Điện lực Việt Nam",
    "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
)

ALL_AGENCIES: tuple[str, ...] = MINISTRIES + PROVINCIAL + DISTRICT + COMPANIES
