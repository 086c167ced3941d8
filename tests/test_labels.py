"""Every public enum member carries Simplified, Traditional and English labels."""

from __future__ import annotations

import importlib
import pkgutil
from enum import Enum

import opencc
import pytest

import socialwork
from socialwork.errors import UnknownLanguageError
from socialwork.labels import LANGUAGES, LabelledEnum, canonical_language
from socialwork.metrics.catalogue import CATALOGUE
from socialwork.models import BilingualText, CaseStatus, ClientCategory, GoalLifecycleStatus
from socialwork.stages import Stage, stage_guide


def public_enums() -> list[type[Enum]]:
    found: dict[str, type[Enum]] = {}
    for info in pkgutil.walk_packages(socialwork.__path__, "socialwork."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, Enum) and value is not LabelledEnum:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


ENUMS = public_enums()


def test_there_are_public_enums() -> None:
    assert ClientCategory in ENUMS
    assert CaseStatus in ENUMS


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_both_labels(enum: type[Enum]) -> None:
    assert issubclass(enum, LabelledEnum), f"{enum.__name__} must be a LabelledEnum"
    for member in enum:
        assert isinstance(member, LabelledEnum)
        zh, en = member.label("zh"), member.label("en")
        assert zh.strip()
        assert en.strip()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), f"{member!r} has no Chinese label"
        assert member.label("zh-Hans") == zh == member.label()


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_codes_are_stable_lowercase_strings(enum: type[Enum]) -> None:
    for member in enum:
        assert member.value == str(member)
        assert member.value == member.value.lower()
        assert enum(member.value) is member


def test_seed_labels() -> None:
    assert ClientCategory.LIVING_ALONE_ELDERLY.label("zh") == "独居老人"
    assert ClientCategory.LIVING_ALONE_ELDERLY.value == "living_alone_elderly"
    assert GoalLifecycleStatus.ON_HOLD.value == "on-hold"


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(UnknownLanguageError) as info:
        ClientCategory.YOUTH.label("fr")
    assert info.value.value == "fr"
    assert info.value.allowed == LANGUAGES
    assert "'fr'" in str(info.value)


TO_TRADITIONAL = opencc.OpenCC("s2t")

DELIBERATE_DIFFERENCES: dict[str, str] = {}
"""Members whose Traditional label is not OpenCC's s2t conversion, with the reason."""


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_traditional_labels_follow_the_simplified_ones(enum: type[Enum]) -> None:
    for member in enum:
        assert isinstance(member, LabelledEnum)
        key = f"{enum.__name__}.{member.name}"
        expected = DELIBERATE_DIFFERENCES.get(key, TO_TRADITIONAL.convert(member.label("zh")))
        assert member.label("zh-Hant") == expected, key
        assert member.label("zh-TW") == member.label("zh-HK") == expected


@pytest.mark.parametrize(
    ("alias", "script"),
    [
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh_CN", "zh-Hans"),
        ("zh-hans", "zh-Hans"),
        ("zh-Hant", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("en", "en"),
        ("en-US", "en"),
        ("EN_us", "en"),
    ],
)
def test_locale_aliases(alias: str, script: str) -> None:
    assert canonical_language(alias) == script


@pytest.mark.parametrize("bad", ["", "fr", "zh-", "english", "zh Hans"])
def test_unknown_aliases_are_refused(bad: str) -> None:
    with pytest.raises(UnknownLanguageError, match="language must be one of the codes"):
        canonical_language(bad)


def test_every_listed_language_is_accepted() -> None:
    assert {canonical_language(code) for code in LANGUAGES} == {"zh-Hans", "zh-Hant", "en"}


def catalogue_texts() -> list[tuple[str, BilingualText]]:
    found = []
    for code, entry in CATALOGUE.items():
        definition = entry.definition
        for part in ("name", "numerator", "denominator", "unit"):
            text = getattr(definition, part)
            if text is not None:
                found.append((f"{code}.{part}", text))
    return found


def guide_texts() -> list[tuple[str, BilingualText]]:
    parts = ("situation", "residents", "guidelines", "tasks", "methods", "cautions")
    return [
        (f"{stage.value}.{part}[{k}]", text)
        for stage in Stage
        for part in parts
        for k, text in enumerate(getattr(stage_guide(stage), part))
    ]


@pytest.mark.parametrize(
    ("where", "text"), catalogue_texts() + guide_texts(), ids=lambda x: str(x)[:40]
)
def test_the_catalogue_and_stage_guides_speak_traditional_chinese(
    where: str, text: BilingualText
) -> None:
    # a zh-Hant report or guide must not fall back to Simplified text
    assert text.zh_hant == TO_TRADITIONAL.convert(text.zh), where
    assert text.text("zh-TW") == text.zh_hant


def test_a_text_without_traditional_falls_back_to_simplified() -> None:
    text = BilingualText(zh="社区", en="community")
    assert (text.text("zh-Hant"), text.text("zh-HK"), text.text("en")) == (
        "社区",
        "社区",
        "community",
    )
    assert BilingualText(zh="社区", en="community", zh_hant="社區").text("zh-Hant") == "社區"
