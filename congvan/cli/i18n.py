"""The command line's own words in Vietnamese: Typer's and Click's included, in one place.

Typer 0.2x carries its own copy of Click (``typer._click``) whose words are plain English literals
("Usage: ", "[OPTIONS]", "Show this message and exit.", "No such option: -w"), while ``typer.core``
and ``typer.rich_utils`` still go through ``gettext`` (domain "messages") for theirs ("Options",
"[default: {}]", "[required]", "Error"); a Typer built on the real Click package sends all of
Click's words through ``gettext``. :func:`install` covers all three, once, before anything is
formatted:

* every Typer or Click module's ``_``/``ngettext`` (the functions ``gettext`` gave them) answers
  from :data:`VI`, and the module constants ``typer.rich_utils`` computed with them at import
  are looked up again;
* the few literals of the vendored Click are translated where they are shown: the usage line,
  the help option's text, a parameter's type, and the error of a command line that cannot be
  parsed (its message rebuilt from the exception's fields, or matched against :data:`PATTERNS`).

A word a new Typer or Click says differently stays English: tests/congvan/test_vietnamese_cli.py
walks every command's help and error paths and fails on it.
"""

from __future__ import annotations

import gettext as _gettext
import re
import sys
from collections.abc import Callable
from typing import Any

# English (the msgid, or the literal of the vendored Click) -> Vietnamese. Placeholders are kept.
VI: dict[str, str] = {
    # help pages
    "Usage:": "Cách dùng:",
    "Usage: ": "Cách dùng: ",
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [THAM SỐ]...",
    "Options": "Tùy chọn",
    "Arguments": "Đối số",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Xem hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Xem phiên bản rồi thoát.",
    "[default: {}]": "[mặc định: {}]",
    "default: {default}": "mặc định: {default}",
    "[env var: {}]": "[biến môi trường: {}]",
    "env var: {var}": "biến môi trường: {var}",
    "[required]": "[bắt buộc]",
    "required": "bắt buộc",
    "(dynamic)": "(tùy lúc chạy)",
    "(deprecated) ": "(không dùng nữa) ",
    "deprecated": "không dùng nữa",
    "Error": "Lỗi",
    "Error: {message}": "Lỗi: {message}",
    "Aborted.": "Đã dừng.",
    "Aborted!": "Đã dừng.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Xem hướng dẫn: [blue]'{command_path} {help_option}'[/]",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    # a command line that cannot be parsed
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa đối số ({args})",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Cần một danh sách giá trị.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    # values (Click's types)
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} không phải có/không. Dùng: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng dạng nào trong {formats}.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    # prompts
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Đồng ý luôn, không hỏi lại.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp.",
    "Error: invalid input": "Lỗi: nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
}

# What the vendored Click writes as an f-string, already formatted: (English, Vietnamese template).
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english + r"\Z", re.S), vietnamese)
    for english, vietnamese in (
        (r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)", "thừa đối số: {args}"),
        (r"No such command '?(?P<name>.*?)'?\.", "không có lệnh '{name}'"),
        (r"Missing command\.", "thiếu lệnh"),
        (r"No such option:? '?(?P<name>.*?)'?\.?", "không có tùy chọn {name}"),
        (r"Option '(?P<name>.*)' does not take a value\.", "tùy chọn {name} không nhận giá trị"),
        (r"Option '(?P<name>.*)' requires an argument\.", "tùy chọn {name} cần một giá trị"),
        (r"Option '(?P<name>.*)' requires (?P<n>\d+) arguments\.", "tùy chọn {name} cần {n} giá trị"),
        (r"Argument '(?P<name>.*)' takes (?P<n>\d+) values\.", "đối số {name} nhận {n} giá trị"),
        (r"Value (?P<value>.*) is not a valid (?P<type>\w+)\.", "{value} không phải {type}"),
        (r"(?P<value>'.*') is not one of (?P<choices>.*)\.", "{value} không phải một trong: {choices}"),
        (r"(?P<what>\w+) (?P<name>'.*') does not exist\.", "{what} {name} không tồn tại"),
        (r"(?P<what>\w+) (?P<name>'.*') is a file\.", "{what} {name} là một tệp, cần một thư mục"),
        (r"(?P<what>\w+) (?P<name>'.*') is a directory\.", "{what} {name} là một thư mục, cần một tệp"),
        (r"(?P<what>\w+) (?P<name>'.*') is not readable\.", "{what} {name} không đọc được"),
        (r"(?P<what>\w+) (?P<name>'.*') is not writable\.", "{what} {name} không ghi được"),
    )
)

# A parameter's type as Typer names it ("<int>", "<float range>", "<list[Path]>") -> Vietnamese.
TYPE_WORDS = {
    "str": "chữ",
    "int": "số nguyên",
    "integer": "số nguyên",
    "float": "số",
    "bool": "có/không",
    "boolean": "có/không",
    "path": "đường dẫn",
    "Path": "đường dẫn",
    "file": "tệp",
    "directory": "thư mục",
    "datetime": "ngày giờ",
    "date": "ngày",
    "text": "chữ",
    "uuid": "UUID",
}

# Pydantic's error types (what Typer converts values with) -> the problem, in Vietnamese.
VALUE_PROBLEMS = {
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "bool_parsing": "phải là có hoặc không (yes/no, true/false, 1/0)",
    "bool_type": "phải là có hoặc không (yes/no, true/false, 1/0)",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "date_parsing": "phải là một ngày (vd. 2025-07-31)",
    "date_from_datetime_parsing": "phải là một ngày (vd. 2025-07-31)",
    "datetime_parsing": "phải là ngày giờ (vd. 2025-07-31 08:00)",
    "datetime_from_date_parsing": "phải là ngày giờ (vd. 2025-07-31 08:00)",
    "enum": "phải là một trong: {expected}",
    "literal_error": "phải là một trong: {expected}",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_too_short": "cần ít nhất {min_length} ký tự",
    "path_type": "không phải {path_type} có sẵn",
    "uuid_parsing": "không phải UUID hợp lệ",
}

_INSTALLED = False


def translate(message: str) -> str:
    """``message`` in Vietnamese when we know it, else as it is."""
    return VI.get(message, message)


def ntranslate(singular: str, plural: str, n: int) -> str:
    """``ngettext``: Vietnamese nouns do not change with the count, both forms are in :data:`VI`."""
    return translate(singular if n == 1 else plural)


def translate_text(message: str) -> str:
    """A message the vendored Click built with an f-string, matched against :data:`PATTERNS`."""
    text = message.strip()
    if text in VI:
        return VI[text]
    for pattern, template in PATTERNS:
        if m := pattern.match(text):
            return template.format(**m.groupdict())
    return message


def _class_names(error: BaseException) -> set[str]:
    """The names of the error's classes: the vendored Click's and the real Click's are the same."""
    return {c.__name__ for c in type(error).__mro__}


def _hint(error: Any) -> str:
    if getattr(error, "param_hint", None) is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    param = getattr(error, "param", None)
    if param is None:
        return ""
    try:
        hint = param.get_error_hint(error.ctx) if "ctx" in _params_of(param.get_error_hint) else param.get_error_hint()
    except Exception:
        hint = repr(getattr(param, "name", "") or "")
    return str(hint).replace("(env var: ", "(biến môi trường: ")


def _params_of(fn: Callable) -> tuple[str, ...]:
    code = getattr(fn, "__code__", None)
    return code.co_varnames[: code.co_argcount] if code else ()


def _value_problem(error: Any) -> str:
    """What is wrong with the value: from Pydantic's error type when Typer converted with it."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
        except Exception:
            first = None
        if first:
            if first.get("type") == "value_error" and first.get("ctx", {}).get("error") is not None:
                return translate_text(str(first["ctx"]["error"]))
            template = VALUE_PROBLEMS.get(first.get("type", ""))
            if template:
                try:
                    return template.format(**{k: v for k, v in (first.get("ctx") or {}).items()})
                except (KeyError, IndexError):
                    pass
    message = str(getattr(error, "message", "") or "")
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return translate_text(message)


def _missing(error: Any) -> str:
    param = getattr(error, "param", None)
    kind = getattr(error, "param_type", None) or getattr(param, "param_type_name", "")
    what = {"argument": "đối số", "option": "tùy chọn"}.get(kind, "tham số")
    text = f"thiếu {what} {_hint(error)}".rstrip()
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None) or getattr(
        getattr(param, "type", None), "choices", None
    )
    if choices:
        text += "; chọn một trong: " + ", ".join(str(getattr(c, "value", c)) for c in choices)
    return text


def message_of(error: BaseException) -> str:
    """The error of a command line that cannot be parsed, as one Vietnamese sentence."""
    names = _class_names(error)
    if "MissingParameter" in names:
        return _missing(error)
    if "NoSuchOption" in names:
        text = f"không có tùy chọn {getattr(error, 'option_name', '')}"
        possibilities = getattr(error, "possibilities", None)
        if possibilities:
            text += f" (có phải ý bạn là {', '.join(sorted(possibilities))}?)"
        return text
    if "BadParameter" in names:
        hint = _hint(error)
        return f"giá trị không hợp lệ cho {hint}: {_value_problem(error)}" if hint else _value_problem(error)
    if "FileError" in names:
        return f"không mở được tệp {getattr(error, 'ui_filename', '')!r}: {translate_text(str(error))}"
    return translate_text(str(getattr(error, "message", error)))


# --- where the words are shown --------------------------------------------------------------------


def install_gettext() -> None:
    """Every loaded Typer or Click module's ``_``/``ngettext`` answers from VI; the constants
    ``typer.rich_utils`` computed with ``_`` at import are looked up again."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("typer", "click")):
            continue
        if getattr(module, "_", None) is _gettext.gettext:
            module._ = translate  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is _gettext.ngettext:
            module.ngettext = ntranslate  # type: ignore[attr-defined]
    from typer import rich_utils

    for constant, value in vars(rich_utils).copy().items():
        if constant.isupper() and isinstance(value, str) and value in VI:
            setattr(rich_utils, constant, VI[value])
    highlights = rich_utils.OptionHighlighter.highlights
    usage = r"(?P<usage>Cách dùng: )"
    if usage not in highlights:
        rich_utils.OptionHighlighter.highlights = [*highlights, usage]


def _wrap(owner: type | Any, name: str, make: Callable[[Callable], Callable]) -> None:
    """Replace ``owner.name`` by ``make(original)``, once; nothing when this Typer has none."""
    original = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
    if original is None or getattr(original, "_congvan_vi", False):
        return
    wrapped = make(original)
    wrapped._congvan_vi = True  # type: ignore[attr-defined]
    setattr(owner, name, wrapped)


def _usage(write_usage: Callable) -> Callable:
    def write_usage_vi(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("COMMAND [ARGS]...", VI["COMMAND [ARGS]..."]).replace("[OPTIONS]", VI["[OPTIONS]"])
        return write_usage(self, prog, args, VI["Usage: "] if prefix is None else translate(prefix))

    return write_usage_vi


def _help_option(get_help_option: Callable) -> Callable:
    def get_help_option_vi(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None and isinstance(getattr(option, "help", None), str):
            option.help = translate(option.help)
        return option

    return get_help_option_vi


_TYPE = re.compile(r"^<(?P<label>.*)>(?P<more>\.\.\.)?$")


def type_label(shown: str | None) -> str | None:
    """Typer's "<int>", "<float range>", "<list[Path]>" in Vietnamese; choices ("dot|graphml") kept."""
    if not shown or not (m := _TYPE.match(shown)):
        return shown
    label, more = m["label"], m["more"] or ""
    if label.startswith("list[") and label.endswith("]"):
        label, more = label[5:-1], "..."
    if label.endswith(" range"):
        label = label[: -len(" range")]
    return f"<{'|'.join(TYPE_WORDS.get(part, part) for part in label.split('|'))}>{more}"


def _display_type(display_type_rich: Callable) -> Callable:
    def display_type_rich_vi(self, ctx):
        shown = display_type_rich(self, ctx)
        if getattr(self, "is_flag", False) and shown in ("<bool>", "<boolean>"):
            return None  # a flag takes no value: no type to show
        return type_label(shown)

    return display_type_rich_vi


def _rich_error(rich_format_error: Callable) -> Callable:
    def rich_format_error_vi(self) -> None:
        if self.__class__.__name__ != "NoArgsIsHelpError":
            vietnamese = message_of(self)
            self.format_message = lambda: vietnamese  # this one error, shown by Typer's own panel
        return rich_format_error(self)

    return rich_format_error_vi


def _plain_error(show: Callable) -> Callable:
    def show_vi(self, file=None) -> None:
        if self.__class__.__name__ == "NoArgsIsHelpError":
            return show(self, file)
        ctx = getattr(self, "ctx", None)
        lines = []
        if ctx is not None:
            lines.append(ctx.get_usage())
            if ctx.command.get_help_option(ctx) is not None:
                lines.append(f"Xem hướng dẫn: '{ctx.command_path} {ctx.help_option_names[0]}'")
        lines.append(f"Lỗi: {message_of(self)}")
        print("\n".join(lines), file=file or sys.stderr)

    return show_vi


def install_click(click: Any) -> None:
    """The literals of a Click (Typer's own copy, or the package): the usage line, the help
    option, an error shown without rich. Its gettext words too, when it has any."""
    install_gettext()
    formatting = getattr(click, "formatting", None)
    if formatting is not None:
        _wrap(formatting.HelpFormatter, "write_usage", _usage)
    core = getattr(click, "core", None)
    if core is not None:
        _wrap(core.Command, "get_help_option", _help_option)
    exceptions = getattr(click, "exceptions", None)
    for name in ("ClickException", "UsageError"):
        cls = getattr(exceptions, name, None)
        if cls is not None:
            _wrap(cls, "show", _plain_error)


def install() -> None:
    """Put the Vietnamese words in place (idempotent); called when congvan.cli is imported."""
    global _INSTALLED
    if _INSTALLED:
        return
    import typer.core
    import typer.rich_utils

    for click in {id(c): c for c in (getattr(typer, "_click", None), sys.modules.get("click")) if c}.values():
        install_click(click)
    for cls in vars(typer.core).values():
        if isinstance(cls, type) and "display_type_rich" in cls.__dict__:
            _wrap(cls, "display_type_rich", _display_type)
    _wrap(typer.rich_utils, "rich_format_error", _rich_error)
    _INSTALLED = True
