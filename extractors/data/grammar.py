"""Word lists of the obligation grammar, kept as data.

A unit phrase ends where its verb starts: "Sở Khoa học và Công nghệ | chủ trì, phối hợp ...".
Directive verbs hand a task to the unit after them: "giao Sở X ...", "đề nghị các doanh nghiệp ...".
"""

from __future__ import annotations

DIRECTIVES: tuple[str, ...] = (
    "trân trọng kính mời", "trân trọng mời", "kính mời", "mời",
    "kính đề nghị", "đề nghị", "yêu cầu", "giao cho", "giao", "chỉ đạo", "phân công", "nhờ", "ủy quyền cho",
    "ủy quyền", "đề xuất",
)

# Words that end a unit phrase: verbs, adverbs opening a verb phrase, prepositions.
VERBS: tuple[str, ...] = (
    "chủ trì", "phối hợp", "báo cáo", "tổng hợp", "gửi", "thực hiện", "triển khai", "tiếp tục", "khẩn trương",
    "chủ động", "rà soát", "xây dựng", "nghiên cứu", "hướng dẫn", "tổ chức", "theo dõi", "căn cứ", "có trách nhiệm",
    "làm việc", "xem xét", "cập nhật", "hoàn thành", "hoàn thiện", "bố trí", "tham mưu", "đề xuất", "quan tâm",
    "chỉ đạo", "thống nhất", "cho biết", "nhấn mạnh", "tăng cường", "đẩy mạnh", "sớm", "kịp thời", "nghiêm túc",
    "tập trung", "quán triệt", "ban hành", "lập", "trình", "thẩm định", "kiểm tra", "giám sát", "đôn đốc",
    "hỗ trợ", "tạo điều kiện", "bảo đảm", "đảm bảo", "phát triển", "chuẩn bị", "bàn giao", "tiếp nhận", "phổ biến",
    "tuyên truyền", "vận động", "định hướng", "thẩm định", "cung cấp", "duy trì", "chịu trách nhiệm", "là cơ quan",
    "có ý kiến", "ưu tiên", "nâng cao", "cụ thể hóa", "đề nghị", "yêu cầu", "giao", "thường xuyên", "định kỳ",
    "hằng", "hàng", "trước", "trong", "chậm nhất", "được", "để", "nhằm", "theo", "về", "tại", "cho", "qua",
    "khi", "thì", "sẽ", "đã", "đang", "cần", "phải", "nắm", "tích cực", "làm", "ghi nhận", "biểu dương",
    "cập", "xử lý", "giải quyết", "trân trọng", "kính mời", "mời", "dự", "tham dự", "có ý kiến", "thống kê", "đánh giá", "quản lý", "sử dụng", "ứng dụng", "tiến hành",
)

# Verbs reported as an obligation's action, most telling first.
ACTIONS: tuple[str, ...] = (
    "báo cáo", "gửi", "tổng hợp", "xây dựng", "ban hành", "tham mưu", "tổ chức", "hoàn thành", "hoàn thiện",
    "triển khai", "cập nhật", "rà soát", "đề xuất", "chuẩn bị", "bàn giao", "hỗ trợ", "đẩy mạnh", "phát triển",
    "biểu dương", "kiểm tra", "thực hiện", "tham dự", "dự họp", "họp",
)

# Prepositions before a unit that make it a recipient or partner, not the owner.
NOT_OWNER_BEFORE: tuple[str, ...] = (
    "với", "của", "cho", "về", "tại", "qua", "đến", "từ", "theo", "bởi", "gửi", "báo cáo", "tham mưu",
    "và", "trình",
)

# Lines that only set the frame of a list ("... như sau:") carry the owner of the list, not a task.
FRAME_ENDINGS: tuple[str, ...] = ("như sau:", "sau đây:", "sau:", "như sau")

# Labels of a "Cơ quan chủ trì / Thời gian thực hiện" block and of task-table columns.
OWNER_LABELS: tuple[str, ...] = ("cơ quan chủ trì", "đơn vị chủ trì", "chủ trì thực hiện", "chủ trì")
PARTNER_LABELS: tuple[str, ...] = ("phối hợp",)
TIME_LABELS: tuple[str, ...] = ("thời gian", "thời hạn", "tiến độ", "hoàn thành")
TASK_LABELS: tuple[str, ...] = ("nhiệm vụ", "nội dung", "công việc", "tên nhiệm vụ", "hoạt động")
