"""The kinds of plan a station writes (计划类型), each with a template and a risk catalogue."""

from __future__ import annotations

from socialwork.labels import LabelledEnum

__all__ = ["PlanKind"]


class PlanKind(LabelledEnum):
    """The five kinds of station plan that have a template and a risk catalogue."""

    COMMUNITY_ANNUAL = (
        "community_annual",
        "社区年度工作计划",
        "Community annual plan",
        "社區年度工作計劃",
    )
    YOUTH = "youth", "青少年成长支持计划", "Youth growth support plan", "青少年成長支持計劃"
    ELDERLY_HOME_CARE = (
        "elderly_home_care",
        "居家养老服务拓展计划",
        "Elderly home-care plan",
        "居家養老服務拓展計劃",
    )
    OUTREACH = "outreach", "新媒体宣传推广计划", "Outreach and new-media plan", "新媒體宣傳推廣計劃"
    TEAM_BUILDING = (
        "team_building",
        "人才培养与团队建设计划",
        "Talent and team-building plan",
        "人才培養與團隊建設計劃",
    )
