"""A small corpus of official documents written for the index tests (invented numbers, dates
and people; real agency names; the grammar of Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW)."""

from __future__ import annotations

import datetime as dt

from index.backend import IndexedDocument

KE_HOACH_CDS = IndexedDocument(
    id=1,
    kind="KH",
    reference="4664/KH-UBND",
    issuer="UBND tỉnh Kon Tum",
    date=dt.date(2024, 12, 25),
    subject="Chuyển đổi số tỉnh Kon Tum năm 2025",
    text=(
        "ỦY BAN NHÂN DÂN TỈNH KON TUM\n"
        "Số: 4664/KH-UBND\n"
        "KẾ HOẠCH\nChuyển đổi số tỉnh Kon Tum năm 2025\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Phát triển hạ tầng số rộng khắp đến thôn, làng; đưa dịch vụ công trực tuyến toàn trình "
        "đến người dân và doanh nghiệp.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh nghiệp viễn thông lắp đặt "
        "điểm truy cập Internet công cộng tại các Nhà rông văn hóa.\n"
        "2. Ủy ban nhân dân các huyện, thành phố chỉ đạo UBND các xã triển khai thực hiện."
    ),
    units=("Sở Khoa học và Công nghệ", "Ủy ban nhân dân các huyện, thành phố", "Các doanh nghiệp viễn thông"),
)

CONG_VAN_TRONG_TAM = IndexedDocument(
    id=2,
    kind="CV",
    reference="1260/UBND-KGVX",
    issuer="Ủy ban nhân dân tỉnh Quảng Ngãi",
    date=dt.date(2025, 4, 16),
    subject="V/v triển khai một số nội dung trọng tâm trong công tác chuyển đổi số",
    text=(
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 1260/UBND-KGVX\n"
        "V/v triển khai một số nội dung trọng tâm trong công tác chuyển đổi số\n"
        "Kính gửi: Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.\n"
        "Thực hiện Kế hoạch số 4664/KH-UBND ngày 25/12/2024 của Ủy ban nhân dân tỉnh, Chủ tịch "
        "UBND tỉnh yêu cầu các cơ quan, đơn vị tập trung hoàn thành các chỉ tiêu năm 2025."
    ),
    units=("Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"),
    citations=("4664/KH-UBND",),
)

CONG_VAN_WIFI = IndexedDocument(
    id=3,
    kind="CV",
    reference="859/SKHCN-CNCĐS",
    issuer="Sở Khoa học và Công nghệ",
    date=dt.date(2025, 6, 8),
    subject="V/v đề nghị báo cáo kết quả triển khai hệ thống WIFI công cộng",
    text=(
        "UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 859/SKHCN-CNCĐS\n"
        "Kính gửi: Ủy ban nhân dân các xã, phường.\n"
        "Thực hiện Kế hoạch số 4664/KH-UBND ngày 25/12/2024 của Ủy ban nhân dân tỉnh; Văn bản "
        "số 1260/UBND-KGVX ngày 16/4/2025 của Ủy ban nhân dân tỉnh.\n"
        "Đến nay một số xã chưa báo cáo kết quả thực hiện. Đề nghị Ủy ban nhân dân cấp xã cập nhật "
        "và báo cáo kết quả triển khai hệ thống WIFI công cộng đến các Nhà rông văn hóa trên địa "
        "bàn xã Đăk Pxi, xã Ia Chim về Sở Khoa học và Công nghệ chậm nhất ngày 15/7/2025."
    ),
    units=("UBND xã Đăk Pxi", "UBND xã Ia Chim", "Các doanh nghiệp viễn thông"),
    citations=("4664/KH-UBND", "1260/UBND-KGVX"),
)

QUYET_DINH_BAN_DO = IndexedDocument(
    id=4,
    kind="QĐ",
    reference="22/2025/QĐ-UBND",
    issuer="Ủy ban nhân dân tỉnh Quảng Ngãi",
    date=dt.date(2025, 3, 3),
    subject="Ban hành Quy chế quản lý, khai thác bản đồ số tỉnh Quảng Ngãi",
    text=(
        "QUYẾT ĐỊNH\nBan hành Quy chế quản lý, khai thác bản đồ số tỉnh Quảng Ngãi\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý, khai thác bản đồ số.\n"
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký."
    ),
)

THONG_BAO_DAU_GIA = IndexedDocument(
    id=5,
    kind="TB",
    reference="115/TB-STC",
    issuer="Sở Tài chính",
    date=dt.date(2025, 5, 20),
    subject="Kết quả bán đấu giá tài sản công là xe ô tô",
    text=(
        "THÔNG BÁO\nKết quả bán đấu giá tài sản công là xe ô tô\n"
        "Sở Tài chính thông báo kết quả bán đấu giá 02 xe ô tô của Văn phòng Ủy ban nhân dân "
        "tỉnh. Giá khởi điểm 350 triệu đồng, giá trúng 4664 triệu đồng cho cả lô."
    ),
)

BAN_TIN = IndexedDocument(
    id=6,
    kind="KHAC",
    issuer="Cổng thông tin điện tử tỉnh",
    date=dt.date(2025, 2, 10),
    subject="Quảng Ngãi: sôi nổi các hoạt động mừng Đảng, mừng Xuân Ất Tỵ",
    text=(
        "Những ngày đầu Xuân, khắp các thôn, làng trên địa bàn tỉnh rộn ràng không khí lễ hội. "
        "Tại xã Ia Chim, người dân tổ chức ngày hội đại đoàn kết toàn dân tộc, thi đấu thể thao, "
        "văn nghệ. Lãnh đạo tỉnh đến thăm, chúc Tết các gia đình chính sách, hộ nghèo. "
        "Bên cạnh niềm vui, chính quyền cũng nhắc người dân chủ động phòng, chống thiên tai, "
        "giữ gìn vệ sinh môi trường, phòng cháy, chữa cháy trong dịp lễ hội. Các hoạt động văn "
        "hóa, thể thao sẽ tiếp tục diễn ra đến hết tháng Giêng với nhiều chương trình đặc sắc, "
        "thu hút đông đảo người dân và du khách tham gia."
    ),
)

KE_HOACH_THIEN_TAI = IndexedDocument(
    id=7,
    kind="KH",
    reference="95/KH-UBND",
    issuer="UBND huyện Đăk Hà",
    date=dt.date(2025, 3, 1),
    subject="Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
    text=(
        "KẾ HOẠCH\nPhòng, chống thiên tai và tìm kiếm cứu nạn năm 2025\n"
        "Chủ động ứng phó, hạn chế thấp nhất thiệt hại do thiên tai gây ra."
    ),
    units=("UBND các xã, thị trấn",),
)

KE_HOACH_DANG = IndexedDocument(
    id=8,
    kind="KH",
    reference="02-KH/BCĐTW",
    issuer="Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ",
    date=dt.date(2025, 1, 15),
    subject="Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    text=(
        "BAN CHỈ ĐẠO TRUNG ƯƠNG\nSố 02-KH/BCĐTW\nKẾ HOẠCH\n"
        "Thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới "
        "sáng tạo và chuyển đổi số quốc gia."
    ),
    citations=("57-NQ/TW",),
)

CORPUS = (
    KE_HOACH_CDS,
    CONG_VAN_TRONG_TAM,
    CONG_VAN_WIFI,
    QUYET_DINH_BAN_DO,
    THONG_BAO_DAU_GIA,
    BAN_TIN,
    KE_HOACH_THIEN_TAI,
    KE_HOACH_DANG,
)


def ids(hits) -> list[int]:
    return [h.id for h in hits]
