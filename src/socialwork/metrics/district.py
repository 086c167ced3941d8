"""A district's report by community (分社区指标报告): the catalogue, one column per community.

A street's station serves several communities; the street office and the
funder ask how each is doing. `district_report` measures every catalogue
indicator that has a meaning for one community (`Indicator.by_community`)
over each community's records (`community_records`), next to the whole
station's value, and gives the figures about the station as a whole (its
staff, volunteers, resources and surveys) once. The frame engine reads the
same entries: `socialwork.frames.StationFrames.district_report`.

Examples:
    >>> from socialwork.samples import station_month
    >>> june = station_month()
    >>> report = district_report(june)
    >>> str(report.value("overdue_follow_ups", "c1")), str(report.value("overdue_follow_ups"))
    ('2', '3')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import frozen

from socialwork._arguments import require_instance, require_text
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import MetricInputError, UnknownCodeError
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.catalogue import CATALOGUE, StationPeriod
from socialwork.metrics.definitions import Measure
from socialwork.metrics.report import _WORDS, ReportLine, _row, report_line
from socialwork.models import Community, Period, StationRecords

__all__ = [
    "CommunityLines",
    "DistrictReport",
    "community_records",
    "district_report",
]


def community_records(records: StationRecords, community_id: str) -> StationRecords:
    """Return what of ``records`` belongs to the community ``community_id``.

    A record belongs to a community when it says so (clients, households,
    groups, activities and needs carry a ``community_id``) or through a
    client of it (cases and visits by their client, deliveries by their
    recipient, a client or a household); a file belongs through its
    subject (a client, case, group, household or activity of the
    community). The station keeps only that community and all its staff;
    volunteers and resources, which serve every community, are kept whole.
    What has no community (surveys, volunteer hours, the home-visit plan,
    the budget) is left out: `district_report` reports it once, for the
    station. The result is a part of a checked bundle and is not checked
    again: a delivery to a client of the community for another community's
    need keeps its need id.

    Raises:
        UnknownCodeError: the station has no community ``community_id``; the
            message lists its communities.
        TypeError: ``records`` is not a `StationRecords` or ``community_id`` not text.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> c5 = community_records(june, "c5")
        >>> len(june.clients), len(c5.clients), [c.id for c in c5.station.communities]
        (76, 14, ['c5'])
    """
    records = require_instance(StationRecords, records, "records")
    community = _community(records, community_id)
    clients = tuple(c for c in records.clients if c.community_id == community.id)
    client_ids = {c.id for c in clients}
    households = tuple(h for h in records.households if h.community_id == community.id)
    cases = tuple(c for c in records.cases if c.client_id in client_ids)
    groups = tuple(g for g in records.groups if g.community_id == community.id)
    activities = tuple(a for a in records.activities if a.community_id == community.id)
    recipients = client_ids | {h.id for h in households}
    subjects = recipients | {c.id for c in cases} | {g.id for g in groups}
    subjects |= {a.id for a in activities}
    return records.model_copy(
        update={
            "station": records.station.model_copy(update={"communities": (community,)}),
            "clients": clients,
            "households": households,
            "cases": cases,
            "visits": tuple(v for v in records.visits if v.client_id in client_ids),
            "groups": groups,
            "activities": activities,
            "service_hours": (),
            "deliveries": tuple(d for d in records.deliveries if d.recipient_id in recipients),
            "needs": tuple(n for n in records.needs if n.community_id == community.id),
            "files": tuple(f for f in records.files if f.subject_id in subjects),
            "surveys": (),
            "budget": None,
            "home_visits_planned": None,
        }
    )


def _community(records: StationRecords, community_id: str) -> Community:
    community_id = require_text(community_id, "community_id")
    for community in records.station.communities:
        if community.id == community_id:
            return community
    raise UnknownCodeError(
        "community_id", community_id, [c.id for c in records.station.communities]
    )


@frozen
class CommunityLines:
    """One community's lines of a district's report: each indicator judged against its target.

    Examples:
        >>> from socialwork.samples import station_month
        >>> c1 = district_report(station_month()).communities[0]
        >>> c1.community_id, c1.name, len(c1.lines)
        ('c1', '幸福社区', 9)
    """

    community_id: str
    name: str
    lines: tuple[ReportLine, ...]


@frozen
class DistrictReport(Displayable):
    """A district's report: per-community lines, and the whole station's line of every indicator.

    ``communities`` holds, for each community of the station in its order,
    a line for each indicator that has a meaning for one community;
    ``station`` holds every indicator of the catalogue over the whole
    station, so a column of totals sits next to the communities' and the
    figures about the station as a whole are given once.

    Examples:
        >>> from socialwork.samples import station_month
        >>> report = district_report(station_month())
        >>> report
        DistrictReport('幸福街道社工站', 2025-06-01..2025-06-30: 5 communities, 9 indicators each)
    """

    station_name: str
    period: Period
    communities: tuple[CommunityLines, ...]
    station: tuple[ReportLine, ...]

    def __attrs_post_init__(self) -> None:
        """Check that every community has the same indicators, each also the station's."""
        shared = (
            [li.definition.code for li in self.communities[0].lines] if self.communities else []
        )
        for community in self.communities:
            codes = [li.definition.code for li in community.lines]
            if codes != shared:
                raise MetricInputError(
                    "communities", codes, f"the same indicators for every community: {shared}"
                )
        missing = sorted(set(shared) - {li.definition.code for li in self.station})
        if missing:
            raise MetricInputError("station", missing, "a station line for every community's")

    @property
    def local_codes(self) -> list[str]:
        """The codes of the indicators each community has a line of, in catalogue order."""
        return [li.definition.code for li in self.communities[0].lines] if self.communities else []

    def __repr__(self) -> str:
        """The station, the period and how many communities and indicators; no figures."""
        each = len(self.communities[0].lines) if self.communities else 0
        return (
            f"DistrictReport({self.station_name!r}, {self.period.start}..{self.period.end}: "
            f"{len(self.communities)} communities, {each} indicators each)"
        )

    def line(self, code: str, community_id: str | None = None) -> ReportLine:
        """Return the line of indicator ``code`` for a community, or the station's without one.

        Raises:
            UnknownCodeError: no community has that id, or no line that code
                (an indicator about the whole station has no community's line).

        Examples:
            >>> from socialwork.samples import station_month
            >>> report = district_report(station_month())
            >>> str(report.line("key_group_coverage", "c2").value)
            '87.5% (14/16)'
            >>> report.line("mean_caseload", "c2")
            Traceback (most recent call last):
            ...
            socialwork.errors.UnknownCodeError: code must be one of the codes \
'key_group_coverage', ...
        """
        if community_id is None:
            lines = self.station
        else:
            found = [c for c in self.communities if c.community_id == community_id]
            if not found:
                raise UnknownCodeError(
                    "community_id", community_id, [c.community_id for c in self.communities]
                )
            lines = found[0].lines
        for line in lines:
            if line.definition.code == code:
                return line
        raise UnknownCodeError("code", code, [li.definition.code for li in lines])

    def value(self, code: str, community_id: str | None = None) -> Measure:
        """Return the value of indicator ``code`` for a community, or the station's without one.

        Raises:
            UnknownCodeError: as `line`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> str(district_report(station_month()).value("need_satisfaction", "c2"))
            'n/a'
        """
        return self.line(code, community_id).value

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per line: the communities' (with their id), then the station's.

        The station's rows have ``community_id`` ``None``; the other columns
        are `ReportLine.to_rows`'s.

        Examples:
            >>> from socialwork.samples import station_month
            >>> rows = district_report(station_month()).to_rows()
            >>> [(r["community_id"], r["numerator"], r["denominator"]) for r in rows][:2]
            [('c1', 14, 16), ('c1', 3, 4)]
        """
        rows = [
            {"community_id": community.community_id, **row}
            for community in self.communities
            for line in community.lines
            for row in line.to_rows()
        ]
        rows += [{"community_id": None, **row} for line in self.station for row in line.to_rows()]
        return rows

    def title(self, language: Language | str = "zh") -> str:
        """Return the report's title: the station's name and "report by community".

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> district_report(station_month()).title("zh-Hant")
            '幸福街道社工站 分社區指標報告'
        """
        script = canonical_language(language)
        words = select_language(script, "分社区指标报告", "report by community", "分社區指標報告")
        return f"{self.station_name} {words}"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the report: a table of indicators by community with the station's column.

        Then the indicators about the whole station, each with its value,
        target and status.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> text = district_report(station_month()).to_markdown("en")
            >>> print(text.splitlines()[0])
            # 幸福街道社工站 report by community
            >>> print(text.splitlines()[4])
            | Indicator | 幸福社区 | 和平社区 | 阳光社区 | 春晖社区 | 新华社区 | Whole station |
        """
        script = canonical_language(language)
        to = select_language(script, "至", "to")
        indicator = select_language(script, "指标", "Indicator", "指標")
        whole = select_language(script, "全站", "Whole station")
        by_code = {line.definition.code: line for line in self.station}
        shared = (
            [li.definition.code for li in self.communities[0].lines] if self.communities else []
        )
        rows = [
            [
                by_code[code].definition.name.text(script),
                *(_shown(self.line(code, c.community_id), script) for c in self.communities),
                _shown(by_code[code], script),
            ]
            for code in shared
        ]
        header = _WORDS[script]["indicator_header"].split("|")
        station_rows = [
            [cell for n, cell in enumerate(_row(line, script)) if n in _STATION_COLUMNS]
            for line in self.station
            if line.definition.code not in shared
        ]
        return Document(
            [
                Heading(self.title(script), 1),
                Paragraph(
                    select_language(script, "统计期", "Period", "統計期")
                    + f": {self.period.start} {to} {self.period.end}"
                ),
                Table([indicator, *(c.name for c in self.communities), whole], rows),
                Heading(
                    select_language(script, "全站指标", "For the whole station", "全站指標"), 2
                ),
                Table([h for n, h in enumerate(header) if n in _STATION_COLUMNS], station_rows),
            ]
        )


_STATION_COLUMNS = (0, 1, 4, 5)
"""The columns of a report line shown for the whole station: indicator, value, target, status."""


def _shown(line: ReportLine, script: Any) -> str:
    return line.definition.format(line.value, script)


def assemble_district_report(
    station_name: str,
    period: Period,
    communities: Mapping[tuple[str, str], Mapping[str, Measure]],
    station: Mapping[str, Measure],
) -> DistrictReport:
    """Judge each community's values and the station's, in catalogue order.

    The seam `district_report` and the frame engine share: ``communities``
    maps each community's (id, name) to its value of each indicator with
    `Indicator.by_community`; ``station`` the whole station's value of
    every indicator, by code.
    """
    period = require_instance(Period, period, "period")
    local = [code for code, entry in CATALOGUE.items() if entry.by_community]
    return DistrictReport(
        station_name,
        period,
        tuple(
            CommunityLines(
                community_id,
                name,
                tuple(report_line(CATALOGUE[c].definition, values[c], period) for c in local),
            )
            for (community_id, name), values in communities.items()
        ),
        tuple(
            report_line(entry.definition, station[code], period)
            for code, entry in CATALOGUE.items()
        ),
    )


def district_report(records: StationRecords, period: Period | None = None) -> DistrictReport:
    """Measure the catalogue for each community of the station, and for the whole station.

    Each indicator with `Indicator.by_community` is measured over each
    community's records (`community_records`) for ``period`` (by default
    the records' own) and judged against its target; every indicator is
    measured over the whole station as well. Where every record belongs to
    a community, the communities' counts add up to the station's.

    Raises:
        TypeError: ``records`` is not a `StationRecords` or ``period`` not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> report = district_report(station_month())
        >>> [str(report.value("key_group_coverage", c.community_id)) for c in report.communities]
        ['87.5% (14/16)', '87.5% (14/16)', '86.7% (13/15)', '80.0% (12/15)', '85.7% (12/14)']
        >>> str(report.value("key_group_coverage"))  # 14 + 14 + 12 + 13 + 12 of 76
        '85.5% (65/76)'
    """
    records = require_instance(StationRecords, records, "records")
    period = records.period if period is None else require_instance(Period, period, "period")
    local = [code for code, entry in CATALOGUE.items() if entry.by_community]
    communities = {}
    for community in records.station.communities:
        view = StationPeriod(community_records(records, community.id), period)
        communities[community.id, community.name] = {c: CATALOGUE[c].of(view) for c in local}
    whole = StationPeriod(records, period)
    return assemble_district_report(
        records.station.name,
        period,
        communities,
        {code: entry.of(whole) for code, entry in CATALOGUE.items()},
    )
