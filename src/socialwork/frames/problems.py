"""The row-level report of a frame's problems, and the error that carries it."""

from __future__ import annotations

from attrs import evolve, frozen

from socialwork.errors import shown
from socialwork.frames.contracts import Contract
from socialwork.records import mask_personal, personal_fields

__all__ = ["FrameProblem", "FrameReport"]


@frozen
class FrameProblem:
    """One broken rule in a frame: the row, the column, the rule code and the value.

    ``row`` is the 0-based position of the row in an eager frame (the first
    row is 0, as pandas and polars count), ``None`` for a lazy frame (whose
    rows have no order) and for a problem of a whole column or table; a
    table read from a spreadsheet names the same row `sheet_row`, the number
    the sheet shows beside it (its header on row 1). ``record_id`` is the
    row's id where the contract has one. The ``rule`` codes are those of the
    records' validators (``missing``, ``enum``, ``date_format``,
    ``end_before_start``, ``duplicate_id``, ...).

    Examples:
        >>> p = FrameProblem(3, "registered_on", "date_format", "2025/03/02", "p4")
        >>> str(p)
        "row 3 (p4), registered_on: date_format, got '2025/03/02'"
        >>> p.sheet_row  # the fourth row of data, below the header on row 1
        5
    """

    row: int | None
    column: str
    rule: str
    value: object = None
    record_id: str | None = None

    @property
    def sheet_row(self) -> int | None:
        """The row's number in a spreadsheet with one header row: ``row`` + 2 (``None`` as ``row``).

        Examples:
            >>> FrameProblem(0, "name", "missing").sheet_row, FrameProblem(None, "x", "y").sheet_row
            (2, None)
        """
        return None if self.row is None else self.row + 2

    def __str__(self) -> str:
        """Return ``"row 3 (p4), registered_on: date_format, got '2025/03/02'"``."""
        where = "table" if self.row is None and self.record_id is None else "row"
        if self.row is not None:
            where = f"row {self.row}"
        if self.record_id is not None:
            where += f" ({self.record_id})"
        return f"{where}, {self.column}: {self.rule}, got {shown(self.value, 60)}"


@frozen
class FrameReport:
    """What `validate_frame` found: the kind checked, its row count and every problem.

    Examples:
        >>> report = FrameReport("clients", 2, ())
        >>> report.ok, report.rules()
        (True, {})
    """

    kind: str
    rows: int
    problems: tuple[FrameProblem, ...]

    @property
    def ok(self) -> bool:
        """Whether the frame breaks no rule."""
        return not self.problems

    def rules(self) -> dict[str, int]:
        """How many problems of each rule code, by code."""
        counts: dict[str, int] = {}
        for p in self.problems:
            counts[p.rule] = counts.get(p.rule, 0) + 1
        return dict(sorted(counts.items()))


def masked(spec: Contract, problems: list[FrameProblem]) -> tuple[FrameProblem, ...]:
    """The problems with every value of a personal column of ``spec`` masked.

    A report or an error goes to logs and screens: a name, phone or ID
    number shows as its mask (王*, 138****5678), as in the records' own
    messages; a blank cell, which holds nothing personal, shows as it is.
    A flattened record's personal field (an external supervisor's name) is
    masked in its column as in the record.

    Examples:
        >>> from socialwork.frames.contracts import contract
        >>> problem = FrameProblem(0, "phone", "string_type", 13812345678)
        >>> (p,) = masked(contract("clients"), [problem])
        >>> str(p)
        "row 0, phone: string_type, got '138****5678'"
    """
    personal = {name: name for name in personal_fields(spec.record)}
    for flat in spec.flattened:
        inner = personal_fields(flat.record)
        personal.update({column: field for column, field in flat.columns if field in inner})
    return tuple(
        evolve(p, value=mask_personal(personal[p.column], p.value))
        if p.column in personal and p.value not in (None, "")
        else p
        for p in problems
    )
