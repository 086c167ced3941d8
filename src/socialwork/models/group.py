"""Group work (小组工作): groups, their members over time, and sessions."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from pydantic import model_validator

from socialwork._arguments import require_day
from socialwork.display.chart import Chart
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.records import (
    Day,
    Id,
    NoRepeat,
    NotBefore,
    Record,
    Rule,
    Text,
    active_on,
    break_rule,
    check_rules,
    check_unique,
)

__all__ = ["Group", "GroupKind", "GroupMember", "GroupSession"]


class GroupKind(LabelledEnum):
    """Kinds of group (小组类型)."""

    MUTUAL_AID = "mutual_aid", "互助小组", "Mutual aid", "互助小組"
    GROWTH = "growth", "成长小组", "Growth", "成長小組"
    SUPPORT = "support", "支持/治疗小组", "Support or therapy", "支持/治療小組"
    INTEREST = "interest", "兴趣小组", "Interest", "興趣小組"
    TASK = "task", "任务小组", "Task", "任務小組"


class GroupMember(Record):
    """A member of a group, from ``joined_on`` until ``left_on`` (if they left).

    ``member_id`` names a client, or a household for groups of families.

    Examples:
        >>> from datetime import date
        >>> m = GroupMember(member_id="p1", joined_on=date(2025, 6, 1))
        >>> m.active_on(date(2025, 6, 5))
        True
    """

    member_id: Id
    joined_on: Day
    left_on: Day | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotBefore("left_on", "joined_on", "end_before_start"),
    )
    """A member does not leave before joining."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a membership is declared."""

    @model_validator(mode="after")
    def _left_after_joined(self) -> Self:
        check_rules(self, self.declared_rules)
        return self

    def active_on(self, day: date) -> bool:
        """Whether the member belongs to the group on ``day`` (left members leave that day).

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        """
        return active_on(self.joined_on, self.left_on, require_day(day, "day"))


class GroupSession(Record):
    """One meeting of a group, with who attended (出勤).

    Examples:
        >>> from datetime import date
        >>> GroupSession(on=date(2025, 6, 4), attended=("p1", "p2")).attended
        ('p1', 'p2')
    """

    on: Day
    topic: Text | None = None
    attended: tuple[Id, ...] = ()

    declared_rules: ClassVar[tuple[Rule, ...]] = (NoRepeat("attended", "duplicate_id"),)
    """An attendee is listed once."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a session is declared."""

    @model_validator(mode="after")
    def _attendees_once(self) -> Self:
        check_rules(self, self.declared_rules)
        return self


class Group(Record):
    """A group (小组) with its members over time and its sessions.

    Every attendee of a session must be a member active on the session's date,
    and no session may come before the group started.

    Examples:
        >>> from datetime import date
        >>> g = Group(id="g1", name="夕阳红", kind=GroupKind.MUTUAL_AID, community_id="c1",
        ...           started_on=date(2025, 5, 1),
        ...           members=(GroupMember(member_id="p1", joined_on=date(2025, 5, 1)),))
        >>> len(g.members_on(date(2025, 6, 1)))
        1
    """

    id: Id
    name: Text
    kind: GroupKind
    community_id: Id
    started_on: Day
    theme: Text | None = None
    facilitator_id: Id | None = None
    members: tuple[GroupMember, ...] = ()
    sessions: tuple[GroupSession, ...] = ()

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset({"members", "sessions"})
    """The rules checked in Python read the members (an id repeated) and the sessions
    (dated before the group started, an attendee not a member that day): a row of
    the groups table without them breaks none."""

    def attendance_chart(self, language: Language | str = "zh") -> Chart:
        """Return attendance over the sessions, in percent of the members expected, as a chart.

        At each session the members expected are those active on its date
        (`members_on`), as in `socialwork.metrics.services.group_attendance`; a
        session with no member expected has no point.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> group = station_month().groups[0]
            >>> group.attendance_chart("en")
            Chart('Group attendance: 夕阳红老年互助小组')
            >>> values = group.attendance_chart().to_dict()["data"]["values"]
            >>> values[0]["attended"], values[0]["expected"], values[0]["value"]
            (9, 10, 90.0)
        """
        script = canonical_language(language)
        values = []
        for session in sorted(self.sessions, key=lambda s: s.on):
            expected = len(self.members_on(session.on))
            attended = len(session.attended)
            values.append(
                {
                    "on": session.on.isoformat(),
                    "topic": session.topic or "",
                    "attended": attended,
                    "expected": expected,
                    "value": round(100 * attended / expected, 4) if expected else None,
                }
            )
        share = select_language(script, "出勤率 (%)", "Attendance (%)")
        day = select_language(script, "活动日期", "Session", "活動日期")
        title = select_language(script, "小组出勤", "Group attendance", "小組出勤")
        return Chart.vega_lite(
            f"{title}: {self.name}",
            script,
            width=420,
            data={"values": values},
            mark={"type": "line", "point": True},
            encoding={
                "x": {"field": "on", "type": "temporal", "title": day, "axis": {"format": "%m-%d"}},
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": share,
                    "scale": {"domain": [0, 100]},
                },
                "tooltip": [
                    {"field": "on", "type": "temporal", "title": day},
                    {"field": "topic", "title": select_language(script, "主题", "Topic", "主題")},
                    {
                        "field": "attended",
                        "title": select_language(script, "出席", "Attended"),
                    },
                    {
                        "field": "expected",
                        "title": select_language(script, "应到", "Expected", "應到"),
                    },
                ],
            },
        )

    def members_on(self, day: date) -> tuple[GroupMember, ...]:
        """The members who belong to the group on ``day``.

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        """
        day = require_day(day, "day")
        return tuple(m for m in self.members if active_on(m.joined_on, m.left_on, day))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_unique("Group", "members", (m.member_id for m in self.members))
        for index, session in enumerate(self.sessions):
            if session.on < self.started_on:
                break_rule(
                    "Group",
                    ("sessions", index, "on"),
                    "dated_before_opening",
                    "{day} must not be before the group started on {opened}",
                    session.on,
                    day=session.on,
                    opened=self.started_on,
                )
            active = {m.member_id for m in self.members_on(session.on)}
            for position, attendee in enumerate(session.attended):
                if attendee not in active:
                    break_rule(
                        "Group",
                        ("sessions", index, "attended", position),
                        "attendee_not_member",
                        "attendees must be members on the session date {day}; {attendee} is not",
                        attendee,
                        day=session.on,
                        attendee=attendee,
                    )
        return self
