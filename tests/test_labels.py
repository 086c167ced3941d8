"""Every public enum member carries a Chinese and an English label."""

from __future__ import annotations

import importlib
import pkgutil
from enum import Enum

import pytest

import socialwork
from socialwork.errors import UnknownLanguageError
from socialwork.labels import LANGUAGES, LabelledEnum
from socialwork.models import CaseStatus, ClientCategory, GoalLifecycleStatus


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
    assert info.value.language == "fr"
    assert info.value.supported == LANGUAGES
    assert "'fr'" in str(info.value)
