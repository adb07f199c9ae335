"""What the commands that take free text (``search``, ``ask``) parse differently.

A query is the clerk's words: "-wifi", "-5%" or "--" inside it are words, not options, and words
left unquoted (``congvan search bao cao wifi``) are one query. Options the command has still work
anywhere on the line.
"""

from __future__ import annotations

from typer.core import TyperCommand


def _options(command, ctx) -> dict[str, int]:
    """Each option name of ``command`` (help included) -> how many values follow it."""
    names: dict[str, int] = {}
    for param in command.get_params(ctx):
        if getattr(param, "param_type_name", "") != "option":
            continue
        flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
        for name in (*param.opts, *param.secondary_opts):
            names[name] = 0 if flag or name in param.secondary_opts else max(1, getattr(param, "nargs", 1))
    return names


def query_args(command, ctx, args: list[str]) -> list[str]:
    """``args`` with the command's options first and every other word joined into one text
    after "--", so that nothing in the text is read as an option."""
    known = _options(command, ctx)
    options: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(args):
        token = args[i]
        name = token.split("=", 1)[0]
        if token == "--":  # the clerk's own end of options: the rest is text
            words += args[i + 1 :]
            break
        if token.startswith("--") and "=" in token and name in known:
            options.append(token)
        elif token in known:
            take = known[token]
            options += args[i : i + 1 + take]
            i += take
        elif token[:2] in known and known[token[:2]] and len(token) > 2 and token[2:].isdigit():
            options.append(token)  # "-n5": a short option with its value attached
        else:
            words.append(token)
        i += 1
    return [*options, "--", " ".join(words)] if words else options


class QueryCommand(TyperCommand):
    """A command whose one argument is free text (see the module's docstring)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        return super().parse_args(ctx, query_args(self, ctx, list(args)))
