"""Domain errors, each with a short code a clerk can quote on the phone ("lỗi CV-R03": a scan).

They carry the file (when there is one) and a one-line reason; the command line turns them into
one line on stderr. ``SearchIndexError`` lives with the index in index/backend.py and derives from
``CongvanError`` too.

Codes:
    CV-R01  the file cannot be read (missing, empty, corrupt, encrypted...)
    CV-R02  no reader for this kind of file
    CV-R03  a PDF without a text layer, or with one that is no readable Vietnamese: it needs OCR
    CV-R04  a signed PDF changed after signing whose text cannot be read (not a scan: tampered)
    CV-L01  reading the file ran over the time limit (a bomb: huge XML, a page of a million objects)
    CV-L02  reading the file ran over the memory limit
    CV-L03  the file is over a content limit (pages, unzipped part size, text size, objects per page)
    CV-L04  the process reading the file died (a library crashed on it)
    CV-O01  OCR of a scan failed (OCRmyPDF or tesseract refused it, or ran out of time)
    CV-O02  OCR is not installed on this machine (ocrmypdf, tesseract with Vietnamese)
    CV-X01  an extractor failed on a document
    CV-Q01  a date we cannot read ("35/7")
    CV-Q02  a month we cannot read ("13/2025")
    CV-Q03  an empty window (the end before the start)
    CV-Q04  an answer ran out of time (Settings.answer_seconds)
    CV-Q05  a date outside the years congvan handles (1900–2199)
    CV-Q06  a số đến we cannot read (`congvan show --number`, "12" or "12/2025")
    CV-C01  a setting (CONGVAN_*) that is not a valid value
    CV-I01  the inbox folder cannot be used (missing, not a folder, read-only)
    CV-I02  another watcher holds the inbox
    CV-T01  a số/ký hiệu no stored document has (assign, done, reopen)
    CV-T02  a số/ký hiệu several stored documents of different issuers have
    CV-T03  a task number the document does not have ("1234/SKHCN-VP#9")
    CV-T04  a member unit that is not a member of the task's group owner
    CV-T05  an occurrence that is not one of the recurring task's dates (or a task that does not recur)
"""

from __future__ import annotations

import errno
from pathlib import Path


class CongvanError(Exception):
    """Base of every error congvan raises on purpose."""

    code: str | None = None


class ReadError(CongvanError):
    """A file could not be turned into a RawDocument."""

    code = "CV-R01"

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # crosses from the reader process to the caller intact
        return (type(self), (self.path, self.reason))


class UnsupportedFormat(ReadError):
    """No reader knows this kind of file."""

    code = "CV-R02"


class NeedsOCR(ReadError):
    """A PDF without a text layer (a scan), or whose layer is no readable Vietnamese (an English OCR,
    a wrongly mapped font): it must go through OCR, never be read as empty or as garbage.

    ``signatures``: the digital signatures the file carries (pipeline.document.SignatureInfo), a
    signed scan being as common as a signed text PDF; they are stored with the file."""

    code = "CV-R03"

    def __init__(self, path: str | Path, reason: str, signatures: tuple = ()) -> None:
        super().__init__(path, reason)
        self.signatures = tuple(signatures)

    def __reduce__(self):
        return (type(self), (self.path, self.reason, self.signatures))


class SignatureBroken(ReadError):
    """A signed PDF whose signed bytes changed after signing and whose text no longer reads: filed
    as tampered, with its signatures, never as a scan waiting for OCR."""

    code = "CV-R04"

    def __init__(self, path: str | Path, reason: str, signatures: tuple = ()) -> None:
        super().__init__(path, reason)
        self.signatures = tuple(signatures)

    def __reduce__(self):
        return (type(self), (self.path, self.reason, self.signatures))


class OcrFailed(ReadError):
    """OCR of a scan or a photo did not give a text layer (the file is kept; the queue says why)."""

    code = "CV-O01"


class OcrUnavailable(OcrFailed):
    """The OCR tools are not installed (``./setup.sh`` installs them)."""

    code = "CV-O02"


class LimitExceeded(ReadError):
    """A file over one of the bounds every file is read within; its reason ends with the code,
    so that the note in failed/ and the line on the console name it."""

    code = "CV-L03"

    def __init__(self, path: str | Path, reason: str) -> None:
        suffix = f" ({self.code})"
        super().__init__(path, reason if reason.endswith(suffix) else reason + suffix)


class TimeLimitExceeded(LimitExceeded):
    code = "CV-L01"

    @classmethod
    def of(cls, path: str | Path, seconds: float) -> TimeLimitExceeded:
        return cls(path, f"vượt quá giới hạn thời gian {seconds:g} giây")


class MemoryLimitExceeded(LimitExceeded):
    code = "CV-L02"

    @classmethod
    def of(cls, path: str | Path, megabytes: int) -> MemoryLimitExceeded:
        return cls(path, f"vượt quá giới hạn bộ nhớ {megabytes} MB")


class WorkerCrashed(LimitExceeded):
    """The process reading the file died under it (a library crashing on malformed input)."""

    code = "CV-L04"


class ExtractionError(CongvanError):
    """An extractor failed on a document it was given."""

    code = "CV-X01"


class QueryError(CongvanError, ValueError):
    """A question that cannot be asked as given (a date we cannot read, an empty window)."""

    code = "CV-Q01"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class AnswerTimeout(QueryError):
    """An answer took longer than its time limit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"hết thời gian trả lời ({seconds:g} giây): hãy hỏi hẹp hơn (ít từ hơn, thêm đơn vị, việc"
            " hoặc một khoảng ngày ngắn hơn), hoặc đặt CONGVAN_ANSWER_SECONDS lớn hơn",
            "CV-Q04",
        )


def describe(error: CongvanError) -> str:
    """The error as one line for a clerk: "[CV-Q01] không hiểu ngày '35/7': ..."."""
    text = " ".join(str(error).split())
    return f"[{error.code}] {text}" if error.code else text


class InboxError(CongvanError):
    """The inbox cannot be used (missing, not a folder, read-only); one line, bilingual."""

    code = "CV-I01"


class InboxBusy(InboxError):
    """Another watcher holds the inbox."""

    code = "CV-I02"


class ConfigError(CongvanError, ValueError):
    """A setting from the environment that cannot be used ("CONGVAN_TIME_LIMIT='abc'")."""

    code = "CV-C01"


class TrackingError(CongvanError, ValueError):
    """An assignment or a hand mark that cannot be made as asked (a số/ký hiệu not in the store, a
    task number the document does not have); one line, with its code (CV-T01..CV-T05)."""

    code = "CV-T01"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


# The operating system words its errors in English ("Permission denied"); the clerk reads these.
_OS_REASONS = {
    errno.ENOENT: "không tồn tại",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENOSPC: "ổ đĩa hết chỗ trống",
    errno.EDQUOT: "vượt quá hạn mức dung lượng",
    errno.EISDIR: "là thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ELOOP: "vòng lặp liên kết tượng trưng",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.EIO: "lỗi vào/ra của ổ đĩa",
    errno.EBUSY: "đang bị chiếm dụng",
    errno.EEXIST: "đã tồn tại",
    errno.EXDEV: "khác ổ đĩa",
    errno.EMFILE: "mở quá nhiều tệp",
    errno.ETIMEDOUT: "hết thời gian chờ",
}


def os_reason(e: BaseException) -> str:
    """An OSError's reason in Vietnamese: its errno's name when not one of the usual ones (the
    English strerror is left out; the name is what an administrator searches for)."""
    code = getattr(e, "errno", None)
    if code in _OS_REASONS:
        return _OS_REASONS[code]
    if code is not None:
        return f"lỗi hệ thống {errno.errorcode.get(code, code)}"
    return getattr(e, "strerror", None) or str(e) or type(e).__name__
