"""The key pages exist in Chinese and English, say the same in code, and agree with the enums."""

from __future__ import annotations

import re

import pytest

import socialwork.analysis
import socialwork.calendars
import socialwork.evaluation
import socialwork.metrics
import socialwork.models
import socialwork.plans
import socialwork.stages
import socialwork.team
from socialwork.labels import LabelledEnum
from tests.docs_site import ROOT

DOCS = ROOT / "docs"
TRANSLATED = (
    "index",
    "getting-started",
    "explanation/stages",
    "explanation/indicators",
    "explanation/evaluation",
    "howto/did-the-group-work",
    "glossary",
    "howto/supervision-roster",
    "howto/appraisal-scheme",
)
"""The pages written in both languages, as ``page.zh.md`` and ``page.en.md``."""

LANGUAGES = ("zh", "en")


def code_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", TRANSLATED)
def test_a_translated_page_runs_the_same_code_in_both_languages(page: str) -> None:
    zh, en = ((DOCS / f"{page}.{language}.md").read_text("utf-8") for language in LANGUAGES)
    assert not (DOCS / f"{page}.md").exists()
    assert code_blocks(zh) == code_blocks(en)
    assert code_blocks(zh) or page == "glossary"


@pytest.mark.parametrize("page", TRANSLATED)
def test_a_translated_page_is_written_in_its_language(page: str) -> None:
    zh, en = ((DOCS / f"{page}.{language}.md").read_text("utf-8") for language in LANGUAGES)
    prose = [re.sub(r"```.*?```|\|.*", "", text, flags=re.DOTALL) for text in (zh, en)]
    han = [len(re.findall(r"[\u4e00-\u9fff]", text)) / len(text) for text in prose]
    assert han[0] > 0.2 > han[1], han


def test_no_page_installs_a_release_that_does_not_exist() -> None:
    pages = [ROOT / "README.md", *DOCS.rglob("*.md")]
    for page in pages:
        text = page.read_text("utf-8")
        assert not re.search(r"(pip install|uv add) socialwork\b", text), page
    assert "git+https://github.com/socialwork-dev/socialwork" in (
        DOCS / "getting-started.en.md"
    ).read_text("utf-8")


MODULES = (
    socialwork.models,
    socialwork.stages,
    socialwork.calendars,
    socialwork.analysis,
    socialwork.plans,
    socialwork.metrics,
    socialwork.evaluation,
    socialwork.team,
)


def glossary_rows(language: str) -> list[tuple[str, str, str]]:
    text = (DOCS / f"glossary.{language}.md").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and not set(cells[0]) <= set("-"):
            rows.append((cells[0], cells[1], cells[2]))
    return [row for row in rows if row[0] != "中文"]


def members(code: str) -> list[LabelledEnum]:
    """The enum members a glossary row names in its code column (``ClientCategory.YOUTH``)."""
    found = []
    for cls, member in re.findall(r"`(?:\w+\.)?([A-Z]\w*)\.([A-Z][A-Z0-9_]+)`", code):
        for module in MODULES:
            enum = getattr(module, cls, None)
            if isinstance(enum, type) and issubclass(enum, LabelledEnum):
                found.append(enum[member])
                break
        else:
            raise AssertionError(f"no enum {cls} in {code}")
    return found


def test_the_glossaries_list_the_same_terms() -> None:
    zh, en = (glossary_rows(language) for language in LANGUAGES)
    assert len(zh) > 100
    assert [row[:2] for row in zh] == [row[:2] for row in en]
    names = [re.findall(r"`([^`]+)`", row[2]) for row in zh]
    assert names == [re.findall(r"`([^`]+)`", row[2]) for row in en]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_glossary_term_is_the_label_of_the_member_it_names(language: str) -> None:
    checked = 0
    for chinese, english, code in glossary_rows(language):
        for member in members(code):
            assert chinese == member.label("zh"), (chinese, member)
            assert english.lower() == member.label("en").lower(), (english, member)
            checked += 1
    assert checked >= 40
