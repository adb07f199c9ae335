"""Test helpers: short, realistic công văn with distinct numbers, and the watcher run as a real process.

Every generated document has its own số/ký hiệu, date, subject and body, so no two of them are
"the same document" to the ingest (which merges formats of one document by reference, issuer,
date, subject and text).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from models.db import engine_for

CONGVAN = [sys.executable, "-m", "congvan.cli"]

_DEPARTMENTS = [
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN", "Sở Khoa học và Công nghệ"),
    ("SỞ NỘI VỤ", "SNV", "Sở Nội vụ"),
    ("SỞ TÀI CHÍNH", "STC", "Sở Tài chính"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT", "Sở Giáo dục và Đào tạo"),
    ("SỞ Y TẾ", "SYT", "Sở Y tế"),
    ("SỞ XÂY DỰNG", "SXD", "Sở Xây dựng"),
]
_TOPICS = [
    "triển khai hệ thống WIFI công cộng tại nhà văn hóa thôn",
    "báo cáo kết quả cải cách hành chính quý",
    "rà soát thủ tục hành chính trực tuyến toàn trình",
    "kiểm tra công tác phòng cháy chữa cháy tại trụ sở",
    "tổng hợp nhu cầu đào tạo cán bộ, công chức cấp xã",
    "cập nhật dữ liệu dân cư phục vụ chuyển đổi số",
    "chuẩn bị diễn tập ứng phó sự cố an toàn thông tin",
    "thống kê hạ tầng trạm phát sóng di động",
    "góp ý dự thảo quy chế quản lý văn bản điện tử",
    "đánh giá mức độ hài lòng của người dân",
]
_ADDRESSEES = [
    "Ủy ban nhân dân các xã, phường",
    "Các sở, ban, ngành tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Các doanh nghiệp viễn thông trên địa bàn tỉnh",
]
_SIGNERS = ["Nguyễn Trọng Tâm", "Trần Thị Hoa", "Lê Văn Minh", "Phạm Ngọc Lan", "Võ Đức Thắng"]


def cong_van_text(n: int, seed: int = 0) -> str:
    """A short công văn numbered ``n``; ``seed`` varies the wording between runs."""
    rng = random.Random(n * 7919 + seed)
    dept, abbr, dept_name = rng.choice(_DEPARTMENTS)
    topic = _TOPICS[(n + seed) % len(_TOPICS)]
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    due_day, due_month = 1 + (n + 9) % 28, 1 + (month % 12)
    plan = 1000 + (n * 37) % 8000
    addressee = rng.choice(_ADDRESSEES)
    extra = " ".join(rng.choice(_TOPICS) for _ in range(2))
    return f"""UBND TỈNH QUẢNG NGÃI
{dept}
Số: {n + 1 + 1000 * seed}/{abbr}-VP
V/v {topic} (đợt {n})

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ngãi, ngày {day} tháng {month} năm 2025

Kính gửi: {addressee}.

Thực hiện Kế hoạch số {plan}/KH-UBND ngày 25/12/2024 của Ủy ban nhân dân tỉnh về {topic}, {dept_name} đề nghị các đơn vị:
1. Tổ chức thực hiện nội dung {topic} tại đơn vị, lưu ý {extra}.
2. Báo cáo kết quả thực hiện về {dept_name} trước ngày {due_day}/{due_month}/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
Mã theo dõi nội bộ: {n}-{seed}-{rng.randrange(10**9)}.
{dept_name} đề nghị các đơn vị quan tâm phối hợp thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

{rng.choice(_SIGNERS)}
"""


def write_docx(path: Path, text: str) -> None:
    """The same text as a Word file, one paragraph per line (what a clerk's scanner-less office sends)."""
    from docx import Document as Docx

    doc = Docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))


def drop(path: Path, data: bytes) -> None:
    """Put a file into the inbox the way a copy over the network does: written under a temporary
    name, then renamed (so the watcher never sees half of it under its final name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def env_for(home: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CONGVAN_HOME"] = str(home)
    env["CONGVAN_DATABASE_URL"] = database_url
    env["PYTHONUNBUFFERED"] = "1"
    return env


def watch_cmd(inbox: Path, *options: str) -> list[str]:
    return [*CONGVAN, "watch", str(inbox), *options]


def unprivileged(cmd: list[str]) -> list[str] | None:
    """Run ``cmd`` without root's power over other users' files: as root, in a user namespace
    where only uid 0 is mapped (files owned by another uid are then subject to their mode bits).
    None if that is not possible here."""
    if os.geteuid() != 0:
        return cmd
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run([unshare, "-r", "true"], capture_output=True)
    return [unshare, "-r", *cmd] if probe.returncode == 0 else None


def wait_for(predicate, timeout: float, interval: float = 0.1) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def files_under(folder: Path) -> list[Path]:
    """Documents under ``folder`` (not the reason/note files written next to them)."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith((".reason.txt", ".note.txt")))


@dataclass
class Box:
    inbox: Path
    home: Path
    database_url: str
    logs: Path
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return env_for(self.home, self.database_url)

    def once(self, *options: str, env: dict[str, str] | None = None, cmd: list[str] | None = None, timeout=120):
        """``congvan watch INBOX --once`` and wait for it."""
        return subprocess.run(
            cmd or watch_cmd(self.inbox, "--once", "--stable", "0.2", *options),
            env=env or self.env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip

    def start(self, *options: str, cmd: list[str] | None = None) -> subprocess.Popen:
        """A long-running watcher, its output in a log file (a pipe could fill up and block it)."""
        log = self.logs / f"watch-{len(self.procs)}.log"
        with open(log, "w") as out:
            proc = subprocess.Popen(
                cmd or watch_cmd(self.inbox, *options), env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        proc.log = log  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def log_of(self, proc: subprocess.Popen) -> str:
        return Path(proc.log).read_text(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]

    def scalar(self, sql: str):
        with engine_for(self.database_url).connect() as conn:
            return conn.execute(text(sql)).scalar()

    def rows(self, sql: str) -> list:
        with engine_for(self.database_url).connect() as conn:
            return list(conn.execute(text(sql)))

    def indexed(self) -> int:
        """Documents in the search index (asked of a separate process, as the watcher left it)."""
        code = "from congvan.wiring import Wiring; b = Wiring.from_env().open_index(); print(b.count()); b.close()"
        r = subprocess.run([sys.executable, "-c", code], env=self.env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        return int(r.stdout)

    def search(self, query: str) -> str:
        r = subprocess.run([*CONGVAN, "search", query], env=self.env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        return r.stdout

    def in_inbox(self) -> list[Path]:
        """Documents still waiting in the inbox (its own folders and hidden files excluded)."""
        out = []
        for p in self.inbox.rglob("*"):
            rel = p.relative_to(self.inbox)
            if rel.parts[0] in ("processed", "failed", "duplicates") or rel.name.startswith("."):
                continue
            if p.is_file():
                out.append(p)
        return sorted(out)


def is_root() -> bool:
    return os.geteuid() == 0
