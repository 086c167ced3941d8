"""The command line: ``socialwork`` and ``python -m socialwork``.

Three commands: ``report`` prints a station's monthly report (the built-in
sample, or a records file), ``schema`` writes the JSON Schema of every
record, and ``validate`` checks a records file and lists what is wrong with
it. Without a command it prints the sample's report, in Chinese.

This module and ``__main__`` are the only ones that read files or print;
the library itself does no I/O. A records file is the JSON of a
`socialwork.models.StationRecords` (what its ``model_dump_json`` writes).
What it prints and the files it writes are UTF-8, whatever the console's
encoding: a report redirected to a file reads the same on every system.

Exit status: 0 on success, 1 when ``validate`` finds errors in the records,
2 when the command line or its input is unusable (an unknown option, a
missing file, a file that is not JSON, a bad date), with a one-line message
on standard error and never a traceback.

Examples:
    >>> main(["report", "--lang", "en"])
    # 幸福街道社工站 monthly indicator report
    ...
    0
    >>> main(["validate", "no-such-file.json"])
    2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import typing
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import attrs
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from socialwork import __version__
from socialwork._arguments import require_day
from socialwork.errors import ArgumentError, SocialWorkError
from socialwork.evaluation import better_off_section
from socialwork.labels import LANGUAGES, Script, canonical_language
from socialwork.metrics import (
    IndicatorDefinition,
    MonthlyReport,
    Rate,
    ReportSection,
    district_report,
    monthly_report,
)
from socialwork.metrics.district import DistrictReport
from socialwork.models import BilingualText, Period, StationRecords
from socialwork.records import replace
from socialwork.samples import outcome_month, station_month, station_previous_month, team_month
from socialwork.schema import json_schema
from socialwork.team import team_section

__all__ = ["main"]

_FORMATS = ("markdown", "json", "html", "text")


class _InputError(Exception):
    """The command line or its input cannot be used; the message is one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors become one-line messages, not an exit."""

    def error(self, message: str) -> NoReturn:
        raise _InputError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (the process's arguments by default).

    Returns the exit status; the ``socialwork`` console script exits with it.

    Raises:
        TypeError: ``argv`` is not a sequence of strings.

    Examples:
        >>> main(["schema", "--help"])
        usage: socialwork schema [-h] [--out DIR]
        ...
        0
    """
    if argv is not None and (isinstance(argv, str) or not all(isinstance(a, str) for a in argv)):
        raise TypeError(f"argv must be a sequence of strings, such as ['report']; got {argv!r}")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        return int(args.run(args))
    except SystemExit as stop:  # --help and --version
        return stop.code if isinstance(stop.code, int) else 0
    except (_InputError, SocialWorkError) as err:  # a library error names its rule in one line
        print(f"socialwork: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output went away, as `| head` does
        _silence_stdout()
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="socialwork",
        description=(
            "Reports, JSON Schemas and checks for a social-work station's records. "
            "Without a command, print the built-in sample station's monthly report."
        ),
        epilog="Run 'socialwork COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"socialwork {__version__}")
    parser.set_defaults(run=_report, records=None, previous=None, lang="zh", as_of=None)
    parser.set_defaults(format="markdown", out=None, by_community=False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report",
        help="print a station's monthly report",
        description=(
            "Print a station's monthly report: every indicator with its change and target "
            "status. Without FILE, the built-in sample (June 2025, compared with May)."
        ),
    )
    report.add_argument(
        "records",
        nargs="?",
        metavar="FILE",
        help="a StationRecords JSON file, or '-' for standard input (default: the sample)",
    )
    report.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous period's StationRecords JSON file, to show each indicator's change",
    )
    report.add_argument(
        "--lang",
        default="zh",
        metavar="LANG",
        help="zh (default), zh-Hant or en, or an alias such as zh-CN, zh-TW, en-US",
    )
    report.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help=(
            "report the records as they stood on this day, a day of their period: "
            "the period ends there (a part of a period is not compared with a whole one)"
        ),
    )
    report.add_argument(
        "--format",
        choices=_FORMATS,
        default="markdown",
        help=(
            "markdown (default), json, html (a whole page with its chart) or text "
            "(aligned for a terminal)"
        ),
    )
    report.add_argument(
        "--out",
        metavar="FILE",
        help="write the report to FILE as UTF-8 instead of to standard output",
    )
    report.add_argument(
        "--by-community",
        action="store_true",
        help=(
            "report each community of the station next to the whole station "
            "(a district's report, 分社区指标报告); not with --previous"
        ),
    )
    report.set_defaults(run=_report)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record",
        description=(
            "Write the JSON Schema (Draft 2020-12) of every record: one JSON object by "
            "record name on standard output, or one file per record with --out."
        ),
    )
    schema.add_argument(
        "--out", metavar="DIR", help="write DIR/<Record>.schema.json files (DIR is created)"
    )
    schema.set_defaults(run=_schema)

    validate = commands.add_parser(
        "validate",
        help="check a records file and list its errors",
        description=(
            "Check a StationRecords JSON file against every record rule. Print every error, "
            "field and reference, with its path in the file and its code; exit 1 when "
            "there are errors, 0 when the file is valid."
        ),
    )
    validate.add_argument("file", metavar="FILE", help="a StationRecords JSON file, or '-'")
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one line per error; json: one object for programs",
    )
    validate.set_defaults(run=_validate)
    return parser


# --- report ------------------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    language = _language(args.lang)
    if args.by_community and args.previous is not None:
        raise _InputError("--by-community reports one period: leave out --previous")
    sample = args.records is None
    if sample:
        records, previous = station_month(), station_previous_month()
    else:
        records = _load_records(args.records)
        previous = None
    if args.previous is not None:
        previous = _load_records(args.previous)
    period = records.period
    if args.as_of is not None:
        day = _day(args.as_of, "--as-of")
        if not period.contains(day):
            raise _InputError(
                f"--as-of {day} is outside the records' period {period.start} to {period.end}"
            )
        if day < period.end:
            if args.previous is not None:
                raise _InputError(
                    "--previous compares whole periods; --as-of cuts this one short: "
                    "leave out one of them"
                )
            period, previous = replace(period, end=day), None
    report: MonthlyReport | DistrictReport
    if args.by_community:
        report = district_report(records, period)
    else:
        sections = _sample_sections(period, previous) if sample else ()
        report = monthly_report(records, period, previous, sections=sections)
    if args.format == "json":
        text = json.dumps(_jsonable(report, language), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        text = report.to_document(language).to_html_page(report.title(language), language)
    elif args.format == "text":
        text = report.to_text(language)
    else:
        text = report.to_markdown(language)
    _emit(text, args.out)
    return 0


def _sample_sections(period: Period, previous: StationRecords | None) -> tuple[ReportSection, ...]:
    """The sample's team and better-off sections over ``period`` (and ``previous``'s period).

    A records file holds no team or evaluation records, so only the sample
    has these sections. The sample's team records cover June alone, so the
    team's lines have no previous value.
    """
    staff = station_month().station.staff
    team = replace(team_month(), period=period)
    outcomes = replace(outcome_month(), period=period)
    before = None if previous is None else replace(outcome_month(), period=previous.period)
    return (team_section(team, staff), better_off_section(outcomes, before))


def _language(value: str) -> Script:
    try:
        return canonical_language(value)
    except SocialWorkError:
        raise _InputError(f"--lang must be one of {', '.join(LANGUAGES)}; got {value!r}") from None


def _day(value: str, option: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _InputError(f"{option} must be a date as YYYY-MM-DD; got {value!r}") from None
    try:
        return require_day(day, option)
    except ArgumentError as err:
        raise _InputError(f"{option} must be {err.expected}; got {value!r}") from None


def _jsonable(value: object, language: Script) -> Any:
    """The report as JSON data: codes for enums, texts in ``language``, ISO dates."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, IndicatorDefinition):
        return {"code": value.code, "name": value.name.text(language)}
    if isinstance(value, BilingualText):
        return value.text(language)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Rate):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
            "text": str(value),
            "exclusions": _jsonable(value.exclusions, language),
        }
    if attrs.has(kind := type(value)):
        return {
            field.name: _jsonable(getattr(value, field.name), language)
            for field in attrs.fields(kind)
        }
    if isinstance(value, tuple | list):
        return [_jsonable(item, language) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item, language) for key, item in value.items()}
    return str(value)


def _emit(text: str, out: str | None) -> None:
    """Write ``text`` as UTF-8 to the file ``out``, or to standard output when it is ``None``."""
    if out is None:
        _write(text)
        return
    try:
        Path(out).write_bytes(text.encode("utf-8"))
    except (OSError, ValueError) as err:  # ValueError: a file name with a NUL character
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise _InputError(f"cannot write the report to {out!r}: {reason}") from None


def _write(text: str) -> None:
    """Write ``text`` to standard output as UTF-8 bytes, whatever the console's encoding.

    A console set to cp1252 or GBK cannot encode every text of a report (a
    Chinese name, "≥", "…"); the bytes go to its binary layer instead. A
    stream with no binary layer (an ``io.StringIO``) takes the text.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


# --- schema ------------------------------------------------------------------------------


def _schema(args: argparse.Namespace) -> int:
    schemas = json_schema()
    if args.out is None:
        _write(json.dumps(schemas, ensure_ascii=False, indent=2) + "\n")
        return 0
    folder = Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas.items():
            text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
            (folder / f"{name}.schema.json").write_text(text, encoding="utf-8")
    except (OSError, ValueError) as err:  # ValueError: a folder name with a NUL character
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        raise _InputError(f"cannot write the schemas to {args.out!r}: {reason}") from None
    _write(f"wrote {len(schemas)} JSON Schemas to {folder}\n")
    return 0


# --- validate ----------------------------------------------------------------------------


_COLLECTIONS = tuple(
    name
    for name, field in StationRecords.model_fields.items()
    if typing.get_origin(field.annotation) is tuple
)
"""The fields of a bundle that hold lists of records (clients, cases, visits ...)."""

_REFERENCE_RULES = frozenset(
    {
        "unknown_reference",
        "guardian_consent_needed",
        "consent_scope_mismatch",
        "consent_not_active",
        "visit_client_mismatch",
    }
)


def _validate(args: argparse.Namespace) -> int:
    text = _read_json_text(args.file)
    found = _all_errors(text)
    if args.format == "json":
        report: dict[str, Any] = {
            "file": args.file,
            "valid": not found.errors,
            "error_count": len(found.errors),
            "references_checked": found.references_checked,
            "errors": [_error_json(error) for error in found.errors],
        }
        _write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return 1 if found.errors else 0
    if found.errors:
        count = len(found.errors)
        lines = [_describe(error) for error in found.errors]
        if not found.references_checked:
            lines.append(
                f"{args.file}: references not checked: the station or the period is itself broken"
            )
        lines.append(f"{args.file}: {count} error{'s' if count != 1 else ''}")
        _write("\n".join(lines) + "\n")
        return 1
    records = StationRecords.model_validate_json(text)
    _write(
        f"{args.file}: valid station records for {records.period.start} to "
        f"{records.period.end} ({len(records.clients)} clients, {len(records.cases)} cases, "
        f"{len(records.visits)} visits)\n"
    )
    return 0


@attrs.frozen
class _Found:
    """Every error of a records file, and whether its references could be checked."""

    errors: tuple[ErrorDetails, ...]
    references_checked: bool


def _all_errors(text: str) -> _Found:
    """Every field error and every reference error of a records file.

    A bundle checks its references only once every field is valid, so a
    field error would hide them: the records that break a field rule are set
    aside (their ids kept, so that a reference to them is not reported as
    dangling) and the rest is checked again for its references.
    """
    try:
        StationRecords.model_validate_json(text)
    except ValidationError as err:
        first = err.errors()
    else:
        return _Found((), True)
    if any(e["type"] in _REFERENCE_RULES for e in first):  # the references were checked
        return _Found(tuple(first), True)
    data = json.loads(text)
    if not isinstance(data, dict):
        return _Found(tuple(first), False)
    reduced, kept, set_aside = _without_broken(data, first)
    try:
        StationRecords.model_validate_json(json.dumps(reduced))
    except ValidationError as err:
        second = err.errors()
    else:
        return _Found(tuple(first), True)
    if not all(e["type"] in _REFERENCE_RULES or e["type"] == "duplicate_id" for e in second):
        return _Found(tuple(first), False)
    more = [
        _at_original(error, kept)
        for error in second
        if not (error["type"] == "unknown_reference" and error.get("input") in set_aside)
    ]
    return _Found(tuple(sorted([*first, *more], key=_order)), True)


def _order(error: ErrorDetails) -> tuple[str, ...]:
    return tuple(f"{part:09d}" if isinstance(part, int) else part for part in error["loc"])


def _without_broken(
    data: dict[str, Any], errors: list[ErrorDetails]
) -> tuple[dict[str, Any], dict[tuple[str, ...], list[int]], set[object]]:
    """The bundle without the records that break a field rule.

    Returns the reduced bundle, for each list the original positions of the
    records kept, and the ids of the records set aside.
    """
    broken: dict[tuple[str, ...], set[int]] = {}
    cleared: set[str] = set()
    for error in errors:
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] in _COLLECTIONS and isinstance(loc[1], int):
            broken.setdefault((str(loc[0]),), set()).add(loc[1])
        elif (
            len(loc) >= 3
            and loc[0] == "station"
            and loc[1] in ("staff", "communities")
            and isinstance(loc[2], int)
        ):
            broken.setdefault(("station", str(loc[1])), set()).add(loc[2])
        elif loc and loc[0] not in ("station", "period"):
            cleared.add(str(loc[0]))
    reduced = {k: v for k, v in data.items() if k not in cleared}
    kept: dict[tuple[str, ...], list[int]] = {}
    set_aside: set[object] = set()
    for path, positions in broken.items():
        holder = reduced if len(path) == 1 else dict(reduced.get("station") or {})
        items = holder.get(path[-1])
        if not isinstance(items, list):
            continue
        kept[path] = [i for i in range(len(items)) if i not in positions]
        set_aside |= {
            item.get("id")
            for i, item in enumerate(items)
            if i in positions and isinstance(item, dict)
        }
        holder[path[-1]] = [items[i] for i in kept[path]]
        if len(path) == 2:
            reduced["station"] = holder
    return reduced, kept, set_aside


def _at_original(error: ErrorDetails, kept: dict[tuple[str, ...], list[int]]) -> ErrorDetails:
    """An error of the reduced bundle, its positions turned back into the file's."""
    loc = list(error["loc"])
    for path, positions in kept.items():
        at = len(path)
        index = loc[at] if len(loc) > at else None
        if tuple(loc[:at]) == path and isinstance(index, int):
            loc[at] = positions[index]
    return {**error, "loc": tuple(loc)}


def _path(error: ErrorDetails) -> str:
    return "$" + "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]
    )


def _shown_input(error: ErrorDetails) -> str | None:
    """What arrived, for a message: a scalar only, and never an unknown field's value.

    Records mask the personal values in their errors; an unknown field may
    hold anything (a misspelt name), so its value is not shown.
    """
    value = error.get("input")
    if value is None or isinstance(value, dict | list) or error["type"] == "extra_forbidden":
        return None
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _describe(error: ErrorDetails) -> str:
    """One error as ``$.path.to[0].field: code: message (got value)``."""
    text = f"{_path(error)}: {error['type']}: {error['msg']}"
    shown = _shown_input(error)
    return text if shown is None else f"{text} (got {shown})"


def _error_json(error: ErrorDetails) -> dict[str, Any]:
    """One error for ``--format json``: path, location, code, message and what arrived."""
    return {
        "path": _path(error),
        "loc": list(error["loc"]),
        "code": error["type"],
        "message": error["msg"],
        "got": error.get("input") if _shown_input(error) is not None else None,
    }


# --- input -------------------------------------------------------------------------------


def _read_json_text(path: str) -> str:
    """The text of a JSON file (``-``: standard input), checked to be JSON."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise _InputError(f"{path}: is a directory, not a records file") from None
    except UnicodeDecodeError:
        raise _InputError(f"{path}: not a UTF-8 text file") from None
    except ValueError as err:  # a file name with a NUL character
        raise _InputError(f"{path!r}: not a usable file name ({err})") from None
    except OSError as err:
        raise _InputError(f"{path}: cannot read it: {err.strerror or err}") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        raise _InputError(f"{path}: not JSON: {err}") from None
    except RecursionError:
        raise _InputError(f"{path}: not usable JSON: nested too deeply") from None
    return text


def _load_records(path: str) -> StationRecords:
    text = _read_json_text(path)
    try:
        return StationRecords.model_validate_json(text)
    except ValidationError as err:
        count = err.error_count()
        raise _InputError(
            f"{path}: not valid station records ({count} error{'s' if count != 1 else ''}, "
            f"the first: {_describe(err.errors()[0])}); "
            f"'socialwork validate {path}' lists them"
        ) from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so Python's exit flush cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
