"""What documents talk about, kept as data: national legal bases, topics, task and result phrases.

National documents are real (number, date, issuer, subject) and are never in a generated corpus:
they are what the corpus's own documents cite as their basis. Task phrases start with a verb and
hold no date and no deadline word ("trước", "trong", "chậm nhất"), so that the only deadlines a
sentence carries are the ones the composer puts there and records in the ground truth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

D = dt.date


@dataclass(frozen=True)
class National:
    kind_word: str  # how the text names it: "Nghị định", "Luật Đầu tư công"
    reference: str
    date: dt.date
    issuer: str | None  # None for a law: "Luật X số ... ngày ..." names no issuer
    subject: str | None
    doc_type: str


NATIONAL: dict[str, National] = {
    "ND30": National("Nghị định", "30/2020/NĐ-CP", D(2020, 3, 5), "Chính phủ", "công tác văn thư", "NĐ"),
    "QD749": National(
        "Quyết định",
        "749/QĐ-TTg",
        D(2020, 6, 3),
        "Thủ tướng Chính phủ",
        "phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
        "QĐ",
    ),
    "QD411": National(
        "Quyết định",
        "411/QĐ-TTg",
        D(2022, 3, 31),
        "Thủ tướng Chính phủ",
        "phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030",
        "QĐ",
    ),
    "NQ57": National(
        "Nghị quyết",
        "57-NQ/TW",
        D(2024, 12, 22),
        "Bộ Chính trị",
        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "NQ",
    ),
    "QD06": National(
        "Quyết định",
        "06/QĐ-TTg",
        D(2022, 1, 6),
        "Thủ tướng Chính phủ",
        "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
        "chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030",
        "QĐ",
    ),
    "NQ76": National(
        "Nghị quyết",
        "76/NQ-CP",
        D(2021, 7, 15),
        "Chính phủ",
        "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
        "NQ",
    ),
    "ND61": National(
        "Nghị định",
        "61/2018/NĐ-CP",
        D(2018, 4, 23),
        "Chính phủ",
        "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "NĐ",
    ),
    "ND45": National(
        "Nghị định",
        "45/2020/NĐ-CP",
        D(2020, 4, 8),
        "Chính phủ",
        "thực hiện thủ tục hành chính trên môi trường điện tử",
        "NĐ",
    ),
    "ND47": National(
        "Nghị định",
        "47/2020/NĐ-CP",
        D(2020, 4, 9),
        "Chính phủ",
        "quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước",
        "NĐ",
    ),
    "LDTC": National("Luật Đầu tư công", "39/2019/QH14", D(2019, 6, 13), None, None, "LUAT"),
    "ND99": National(
        "Nghị định",
        "99/2021/NĐ-CP",
        D(2021, 11, 11),
        "Chính phủ",
        "quy định về quản lý, thanh toán, quyết toán dự án sử dụng vốn đầu tư công",
        "NĐ",
    ),
    "ND100": National(
        "Nghị định",
        "100/2024/NĐ-CP",
        D(2024, 7, 26),
        "Chính phủ",
        "quy định chi tiết một số điều của Luật Nhà ở về phát triển và quản lý nhà ở xã hội",
        "NĐ",
    ),
    "QD263": National(
        "Quyết định",
        "263/QĐ-TTg",
        D(2022, 2, 22),
        "Thủ tướng Chính phủ",
        "phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
        "QĐ",
    ),
    "ND15": National(
        "Nghị định",
        "15/2018/NĐ-CP",
        D(2018, 2, 2),
        "Chính phủ",
        "quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm",
        "NĐ",
    ),
    "ND136": National(
        "Nghị định",
        "136/2020/NĐ-CP",
        D(2020, 11, 24),
        "Chính phủ",
        "quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy và chữa cháy",
        "NĐ",
    ),
    "LPCTT": National("Luật Phòng, chống thiên tai", "33/2013/QH13", D(2013, 6, 19), None, None, "LUAT"),
    "ND08": National(
        "Nghị định",
        "08/2022/NĐ-CP",
        D(2022, 1, 10),
        "Chính phủ",
        "quy định chi tiết một số điều của Luật Bảo vệ môi trường",
        "NĐ",
    ),
    "ND13": National("Nghị định", "13/2023/NĐ-CP", D(2023, 4, 17), "Chính phủ", "bảo vệ dữ liệu cá nhân", "NĐ"),
    "LNSNN": National("Luật Ngân sách nhà nước", "83/2015/QH13", D(2015, 6, 25), None, None, "LUAT"),
    "NQ18": National(
        "Nghị quyết",
        "18-NQ/TW",
        D(2017, 10, 25),
        "Ban Chấp hành Trung ương",
        "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
        "hoạt động hiệu lực, hiệu quả",
        "NQ",
    ),
    "ND168": National(
        "Nghị định",
        "168/2024/NĐ-CP",
        D(2024, 12, 26),
        "Chính phủ",
        "quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông trong lĩnh vực giao thông đường bộ",
        "NĐ",
    ),
    "LGD": National("Luật Giáo dục", "43/2019/QH14", D(2019, 6, 14), None, None, "LUAT"),
    "TT32": National(
        "Thông tư",
        "32/2018/TT-BGDĐT",
        D(2018, 12, 26),
        "Bộ Giáo dục và Đào tạo",
        "ban hành Chương trình giáo dục phổ thông",
        "TT",
    ),
    "ND24": National(
        "Nghị định",
        "24/2024/NĐ-CP",
        D(2024, 2, 27),
        "Chính phủ",
        "quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu",
        "NĐ",
    ),
    "CT05": National(
        "Chỉ thị",
        "05-CT/TW",
        D(2016, 5, 15),
        "Bộ Chính trị",
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "CT",
    ),
}


@dataclass(frozen=True)
class Topic:
    key: str
    name: str  # as it sits in a sentence: "chuyển đổi số"
    leads: tuple[str, ...]  # department codes by preference (the first that exists on the date), or "@Unit"
    ministry: tuple[str, ...]  # ministry codes by preference
    office: str  # district office code
    basis: tuple[str, ...]  # keys of NATIONAL
    tasks: tuple[str, ...]  # verb phrases, lowercase, no dates
    results: tuple[str, ...]  # report sentences with {n} (tens), {k} (a few), {m} (hundreds+), {pct}
    party: bool = False


TOPICS: tuple[Topic, ...] = (
    Topic(
        "cds",
        "chuyển đổi số",
        ("STTTT", "SKHCN"),
        ("BTTTT", "BKHCN"),
        "VHTT",
        ("QD749", "QD411", "ND47", "QD06"),
        (
            "rà soát, cập nhật các chỉ tiêu chuyển đổi số thuộc lĩnh vực quản lý",
            "triển khai các nền tảng số dùng chung của tỉnh đến cấp xã",
            "nâng cao tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
            "tổ chức phổ cập kỹ năng số cho cán bộ, công chức và người dân",
            "bảo đảm an toàn thông tin cho các hệ thống thông tin theo cấp độ",
            "cập nhật dữ liệu ngành vào kho dữ liệu dùng chung của tỉnh",
        ),
        (
            "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt {pct}%.",
            "Đã tổ chức {n} lớp tập huấn kỹ năng số cho {m} lượt cán bộ, công chức.",
            "Có {n} hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ an toàn thông tin.",
        ),
    ),
    Topic(
        "cchc",
        "cải cách hành chính",
        ("SNV",),
        ("BNV",),
        "NV",
        ("NQ76", "ND61", "ND45"),
        (
            "rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết",
            "công khai đầy đủ thủ tục hành chính trên Cổng Dịch vụ công của tỉnh",
            "tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính",
            "kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị trực thuộc",
            "xây dựng phương án nâng cao Chỉ số hài lòng của người dân, tổ chức",
        ),
        (
            "Đã rà soát {m} thủ tục hành chính, đề xuất đơn giản hóa {n} thủ tục.",
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt {pct}%.",
            "Đã kiểm tra công tác cải cách hành chính tại {n} cơ quan, đơn vị.",
        ),
    ),
    Topic(
        "dtc",
        "giải ngân vốn đầu tư công",
        ("SKHĐT", "STC"),
        ("BKHĐT", "BTC"),
        "TCKH",
        ("LDTC", "ND99"),
        (
            "rà soát tiến độ thực hiện các dự án được giao kế hoạch vốn",
            "điều chuyển kế hoạch vốn của các dự án chậm giải ngân sang dự án có khả năng giải ngân tốt",
            "tập trung tháo gỡ vướng mắc trong công tác bồi thường, giải phóng mặt bằng",
            "lập hồ sơ thanh toán ngay khi có khối lượng nghiệm thu",
            "tổng hợp danh mục dự án chậm tiến độ, nêu rõ nguyên nhân và trách nhiệm",
        ),
        (
            "Tổng kế hoạch vốn được giao là {m} tỷ đồng, đã giải ngân đạt {pct}% kế hoạch.",
            "Có {n} dự án giải ngân dưới mức trung bình của tỉnh.",
            "Đã hoàn thành bồi thường, giải phóng mặt bằng {n} dự án.",
        ),
    ),
    Topic(
        "ntm",
        "xây dựng nông thôn mới",
        ("SNNPTNT", "SNNMT"),
        ("BNNPTNT", "BNNMT"),
        "NNPTNT",
        ("QD263",),
        (
            "rà soát các tiêu chí nông thôn mới chưa đạt, xây dựng lộ trình thực hiện",
            "huy động nguồn lực xã hội hóa để đầu tư hạ tầng nông thôn",
            "thẩm định hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao",
            "phát triển sản phẩm OCOP gắn với vùng nguyên liệu tập trung",
        ),
        (
            "Toàn địa bàn có {n} xã đạt chuẩn nông thôn mới, trong đó {k} xã đạt chuẩn nông thôn mới nâng cao.",
            "Đã công nhận {n} sản phẩm OCOP đạt từ 3 sao trở lên.",
            "Thu nhập bình quân đầu người khu vực nông thôn đạt {m} triệu đồng/năm.",
        ),
    ),
    Topic(
        "noxh",
        "phát triển nhà ở xã hội",
        ("SXD",),
        ("BXD",),
        "KTHT",
        ("ND100",),
        (
            "rà soát quỹ đất dành để phát triển nhà ở xã hội trong các dự án nhà ở thương mại",
            "đẩy nhanh thủ tục đầu tư các dự án nhà ở xã hội đã được chấp thuận chủ trương",
            "công bố công khai danh mục dự án nhà ở xã hội đủ điều kiện vay vốn ưu đãi",
            "tổng hợp nhu cầu nhà ở xã hội của công nhân, người lao động tại các khu công nghiệp",
        ),
        (
            "Toàn tỉnh có {n} dự án nhà ở xã hội đang triển khai với quy mô {m} căn hộ.",
            "Đã hoàn thành {n} dự án, đưa vào sử dụng {m} căn hộ.",
        ),
    ),
    Topic(
        "attp",
        "bảo đảm an toàn thực phẩm",
        ("SYT",),
        ("BYT",),
        "YT",
        ("ND15",),
        (
            "tổ chức kiểm tra liên ngành về an toàn thực phẩm tại các cơ sở sản xuất, kinh doanh",
            "tuyên truyền kiến thức an toàn thực phẩm cho người sản xuất, kinh doanh và người tiêu dùng",
            "giám sát các bếp ăn tập thể tại khu công nghiệp và trường học",
            "xử lý nghiêm các hành vi vi phạm quy định về an toàn thực phẩm",
        ),
        (
            "Đã kiểm tra {m} cơ sở, phát hiện {n} cơ sở vi phạm.",
            "Tỷ lệ cơ sở đạt yêu cầu về an toàn thực phẩm đạt {pct}%.",
        ),
    ),
    Topic(
        "pccc",
        "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        ("@Công an tỉnh",),
        ("BXD",),
        "KTHT",
        ("ND136",),
        (
            "kiểm tra an toàn phòng cháy, chữa cháy tại các cơ sở có nguy cơ cháy, nổ cao",
            "tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ",
            "trang bị phương tiện phòng cháy, chữa cháy tại chỗ theo quy định",
            "tuyên truyền kiến thức phòng cháy, chữa cháy đến từng hộ gia đình",
        ),
        (
            "Đã kiểm tra an toàn phòng cháy, chữa cháy đối với {n} cơ sở.",
            "Đã tổ chức {n} cuộc diễn tập với {m} lượt người tham gia.",
        ),
    ),
    Topic(
        "pctt",
        "phòng, chống thiên tai và tìm kiếm cứu nạn",
        ("SNNPTNT", "SNNMT"),
        ("BNNPTNT", "BNNMT"),
        "NNPTNT",
        ("LPCTT",),
        (
            "rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro",
            "kiểm tra hiện trạng hồ chứa, đê điều và các công trình phòng, chống thiên tai",
            "chuẩn bị lực lượng, vật tư, phương tiện theo phương châm bốn tại chỗ",
            "tổng hợp thiệt hại do thiên tai gây ra và đề xuất hỗ trợ khắc phục",
        ),
        (
            "Đã rà soát, cập nhật phương án ứng phó thiên tai tại {n} xã, phường, thị trấn.",
            "Ước tổng thiệt hại do thiên tai khoảng {m} tỷ đồng.",
        ),
    ),
    Topic(
        "ngansach",
        "xây dựng dự toán ngân sách nhà nước",
        ("STC",),
        ("BTC",),
        "TCKH",
        ("LNSNN",),
        (
            "lập dự toán thu, chi ngân sách nhà nước theo đúng biểu mẫu hướng dẫn",
            "rà soát các khoản chi thường xuyên, bảo đảm tiết kiệm, hiệu quả",
            "tổng hợp nhu cầu kinh phí thực hiện các chính sách an sinh xã hội",
            "đánh giá tình hình thực hiện nhiệm vụ thu, chi ngân sách của năm hiện hành",
        ),
        (
            "Tổng thu ngân sách nhà nước trên địa bàn ước đạt {m} tỷ đồng, bằng {pct}% dự toán.",
            "Chi thường xuyên ước thực hiện {m} tỷ đồng.",
        ),
    ),
    Topic(
        "tuyensinh",
        "công tác tuyển sinh và chuẩn bị năm học mới",
        ("SGDĐT",),
        ("BGDĐT",),
        "GDĐT",
        ("LGD", "TT32"),
        (
            "rà soát cơ sở vật chất, đội ngũ giáo viên bảo đảm cho năm học mới",
            "xây dựng kế hoạch tuyển sinh vào lớp 10 theo đúng quy chế",
            "bố trí đủ giáo viên cho các môn học theo Chương trình giáo dục phổ thông",
            "tổ chức tập huấn chuyên môn cho cán bộ quản lý, giáo viên",
        ),
        (
            "Tỷ lệ huy động trẻ 6 tuổi vào lớp 1 đạt {pct}%.",
            "Đã tuyển dụng bổ sung {n} giáo viên.",
            "Có {n} trường đạt chuẩn quốc gia.",
        ),
    ),
    Topic(
        "chatthai",
        "quản lý chất thải rắn sinh hoạt",
        ("STNMT", "SNNMT"),
        ("BTNMT", "BNNMT"),
        "KTHT",
        ("ND08",),
        (
            "rà soát hiện trạng thu gom, vận chuyển và xử lý chất thải rắn sinh hoạt",
            "triển khai phân loại chất thải rắn sinh hoạt tại nguồn",
            "xử lý dứt điểm các điểm tồn đọng rác thải gây ô nhiễm môi trường",
            "kiểm tra việc vận hành các khu xử lý chất thải rắn tập trung",
        ),
        (
            "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt {pct}%.",
            "Đã xử lý dứt điểm {n} điểm tồn đọng rác thải.",
        ),
    ),
    Topic(
        "dlcn",
        "bảo vệ dữ liệu cá nhân",
        ("STTTT", "SKHCN"),
        ("BKHCN",),
        "VHTT",
        ("ND13",),
        (
            "rà soát các hệ thống thông tin có xử lý dữ liệu cá nhân",
            "lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân",
            "phổ biến quy định về bảo vệ dữ liệu cá nhân đến cán bộ, công chức",
        ),
        ("Đã rà soát {n} hệ thống thông tin có xử lý dữ liệu cá nhân.",),
    ),
    Topic(
        "tmdt",
        "phát triển thương mại điện tử",
        ("SCT",),
        ("BCT",),
        "KTHT",
        ("QD411",),
        (
            "hỗ trợ doanh nghiệp, hợp tác xã đưa sản phẩm lên các sàn thương mại điện tử",
            "tổ chức tập huấn kỹ năng kinh doanh trực tuyến cho hộ kinh doanh",
            "đẩy mạnh thanh toán không dùng tiền mặt trong các chợ, cửa hàng",
        ),
        (
            "Đã hỗ trợ {n} doanh nghiệp, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử.",
            "Tỷ lệ giao dịch thanh toán không dùng tiền mặt đạt {pct}%.",
        ),
    ),
    Topic(
        "vanthu",
        "công tác văn thư, lưu trữ",
        ("SNV",),
        ("BNV",),
        "NV",
        ("ND30",),
        (
            "chỉnh lý tài liệu tồn đọng, tích đống tại cơ quan, đơn vị",
            "số hóa tài liệu lưu trữ có giá trị sử dụng thường xuyên",
            "thực hiện gửi, nhận văn bản điện tử có ký số trên hệ thống quản lý văn bản",
            "lập hồ sơ công việc trên môi trường điện tử theo quy định",
        ),
        (
            "Tỷ lệ văn bản điện tử có ký số gửi, nhận trên hệ thống đạt {pct}%.",
            "Đã chỉnh lý {m} mét giá tài liệu.",
        ),
    ),
    Topic(
        "atgt",
        "bảo đảm trật tự, an toàn giao thông",
        ("SGTVT", "SXD"),
        ("BXD",),
        "KTHT",
        ("ND168",),
        (
            "rà soát, xử lý các điểm đen, điểm tiềm ẩn tai nạn giao thông",
            "tăng cường tuần tra, kiểm soát và xử lý vi phạm về nồng độ cồn",
            "tổ chức tuyên truyền Luật Trật tự, an toàn giao thông đường bộ trong trường học",
        ),
        (
            "Số vụ tai nạn giao thông giảm {pct}% so với cùng kỳ.",
            "Đã xử lý {n} điểm đen về tai nạn giao thông.",
        ),
    ),
    Topic(
        "dauthau",
        "công tác lựa chọn nhà thầu",
        ("SKHĐT", "STC"),
        ("BKHĐT", "BTC"),
        "TCKH",
        ("ND24",),
        (
            "thực hiện đấu thầu qua mạng đối với các gói thầu theo lộ trình",
            "kiểm tra hoạt động đấu thầu của các chủ đầu tư trên địa bàn",
            "công khai kế hoạch lựa chọn nhà thầu trên Hệ thống mạng đấu thầu quốc gia",
        ),
        (
            "Đã tổ chức lựa chọn nhà thầu {n} gói thầu, tỷ lệ tiết kiệm đạt {pct}%.",
            "Tỷ lệ gói thầu thực hiện đấu thầu qua mạng đạt {pct}%.",
        ),
    ),
    Topic(
        "hcm",
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ("@ban",),
        (),
        "",
        ("CT05",),
        (
            "xây dựng chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "tổ chức biểu dương các tập thể, cá nhân tiêu biểu",
            "đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ định kỳ",
        ),
        ("Đã tổ chức {n} hội nghị quán triệt với {m} lượt cán bộ, đảng viên tham dự.",),
        party=True,
    ),
    Topic(
        "khcn",
        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        ("@ban",),
        (),
        "",
        ("NQ57",),
        (
            "quán triệt nội dung Nghị quyết đến toàn thể cán bộ, đảng viên",
            "xây dựng chương trình hành động thực hiện Nghị quyết",
            "tổ chức sơ kết, đánh giá kết quả thực hiện Nghị quyết",
        ),
        ("Đã tổ chức quán triệt Nghị quyết cho {m} lượt cán bộ, đảng viên.",),
        party=True,
    ),
)

# Tasks that fit any topic; "{t}" is the topic's name.
GENERIC_TASKS: tuple[str, ...] = (
    "xây dựng kế hoạch triển khai {t} thuộc phạm vi quản lý",
    "rà soát, đánh giá kết quả thực hiện {t} trên địa bàn",
    "tuyên truyền, phổ biến các chủ trương, chính sách về {t} đến cán bộ, công chức và Nhân dân",
    "tổng hợp khó khăn, vướng mắc trong quá trình thực hiện {t}, đề xuất giải pháp tháo gỡ",
    "kiểm tra, giám sát việc thực hiện {t} tại các cơ quan, đơn vị",
    "bố trí nguồn lực thực hiện {t} theo phân cấp ngân sách hiện hành",
)

# What a công văn is about ("V/v ..."); "{t}" is the topic's name.
CV_SUBJECTS: tuple[str, ...] = (
    "triển khai thực hiện {t}",
    "tăng cường {t}",
    "tiếp tục đẩy mạnh {t}",
    "báo cáo kết quả thực hiện {t}",
    "rà soát, đánh giá tình hình thực hiện {t}",
    "thực hiện một số nhiệm vụ trọng tâm về {t}",
)
PLAN_TITLES: tuple[str, ...] = (
    "Triển khai thực hiện {t} năm {y}",
    "Thực hiện {t} trên địa bàn {place} năm {y}",
    "Tăng cường {t} giai đoạn {y}-{y2}",
)
# Chỉ thị, nghị quyết and hướng dẫn are laid out like a plan; only their trích yếu reads differently.
OTHER_TITLES: dict[str, tuple[str, ...]] = {
    "CT": ("Về tăng cường {t}", "Về đẩy mạnh {t} trong tình hình mới"),
    "NQ": ("Về {t} giai đoạn {y}-{y2}",),
    "HD": ("Thực hiện {t} năm {y}", "Triển khai {t} trên địa bàn {place}"),
}
DECISION_TITLES: tuple[str, ...] = (
    "Về việc ban hành Kế hoạch thực hiện {t} năm {y}",
    "Về việc thành lập Tổ công tác về {t}",
    "Về việc ban hành Quy chế phối hợp trong {t}",
)

# A sentence a plan's purpose section says; no date, no deadline word.
PURPOSES: tuple[str, ...] = (
    "Triển khai kịp thời, đồng bộ, hiệu quả các nhiệm vụ về {t}, gắn với trách nhiệm của người đứng đầu.",
    "Xác định rõ nhiệm vụ, giải pháp, phân công cụ thể cho từng cơ quan, đơn vị chủ trì và phối hợp.",
    "Tạo chuyển biến rõ nét về nhận thức và hành động của cán bộ, công chức đối với {t}.",
)
REQUIREMENTS: tuple[str, ...] = (
    "Các cơ quan, đơn vị chủ động, tích cực triển khai; bám sát chức năng, nhiệm vụ được giao.",
    "Thường xuyên theo dõi, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "Bảo đảm sự phối hợp chặt chẽ giữa các cấp, các ngành; tránh hình thức, lãng phí.",
)
DIFFICULTIES: tuple[str, ...] = (
    "Nguồn lực bố trí cho {t} còn hạn chế, chưa đáp ứng yêu cầu.",
    "Một số cơ quan, đơn vị chưa quan tâm đúng mức, việc triển khai còn chậm.",
    "Đội ngũ cán bộ làm công tác chuyên môn còn thiếu, phải kiêm nhiệm nhiều việc.",
    "Hạ tầng, trang thiết bị tại một số địa phương chưa bảo đảm.",
)
PROPOSALS: tuple[str, ...] = (
    "Đề xuất cấp có thẩm quyền quan tâm bố trí kinh phí để thực hiện {t}.",
    "Kiến nghị tăng cường tập huấn, hướng dẫn nghiệp vụ cho cán bộ cơ sở.",
    "Đề xuất tiếp tục hỗ trợ hạ tầng kỹ thuật cho các xã vùng khó khăn.",
)
CLOSINGS_DIRECTIVE: tuple[str, ...] = (
    "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
    "Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh để được hướng dẫn./.",
)
