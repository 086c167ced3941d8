"""The docs site's search finds Chinese words as well as English ones.

The site is built once per test session into a temporary folder; the tests
read its search index (``search/search_index.json``) and split each text as
the browser's search does, with the index's own separator. Chinese has no
spaces: jieba cuts it into words at build time (marking each cut with a
zero-width space), or a Chinese word would be found only when it starts a
run of Chinese text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.docs_site import built_site


@pytest.fixture(scope="session")
def search_index(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = built_site(tmp_path_factory)
    index: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return index


def tokens(index: dict[str, Any], text: str) -> set[str]:
    """Split ``text`` the way the search does: markup out, the separator, lower case."""
    separator = re.compile(index["config"]["separator"])
    plain = re.sub(r"<[^>]+>", " ", text)
    return {token.lower() for token in separator.split(plain) if token}


def pages_with(index: dict[str, Any], word: str) -> set[str]:
    """The pages (location without its anchor) whose title or text holds ``word`` as a token."""
    return {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if word in tokens(index, doc["title"]) | tokens(index, doc["text"])
    }


def test_the_index_is_built_for_chinese_and_english(search_index: dict[str, Any]) -> None:
    assert sorted(search_index["config"]["lang"]) == ["en", "zh"]
    # The browser adds a wildcard to every query word, and lunr does not stem
    # wildcard words: with a stemmer, "consolidation*" missed the stem "consolid".
    assert "stemmer" not in search_index["config"]["pipeline"]
    # jieba ran: Chinese text carries its word cuts.
    assert any("\u200b" in doc["text"] for doc in search_index["docs"])


@pytest.mark.parametrize(
    ("word", "page"),
    [
        ("老人", "glossary/"),  # inside 独居老人, 空巢老人, 高龄老人
        ("风险登记册", "howto/risk-register/"),  # one word, from docs/search-words.txt
        ("社区", "glossary/"),
        ("个案", "glossary/"),
        ("risk", "howto/risk-register/"),
        ("register", "howto/risk-register/"),
        ("consolidation", "howto/launch-to-consolidation/"),
        ("deprecation", "versioning/"),
        # The translated pages: Chinese at the root, English under en/.
        ("阶段", "explanation/stages/"),
        ("退出", "explanation/stages/"),
        ("exit", "en/explanation/stages/"),
        ("百分点", "explanation/indicators/"),
        ("denominator", "en/explanation/indicators/"),
        ("安装", "getting-started/"),
        ("install", "en/getting-started/"),
        ("独居", "en/glossary/"),
    ],
)
def test_a_word_is_a_token_of_its_page(search_index: dict[str, Any], word: str, page: str) -> None:
    assert page in pages_with(search_index, word)


def test_code_names_split_into_their_parts(search_index: dict[str, Any]) -> None:
    # socialwork.models.StationRecords is found by "StationRecords", "station" or "records".
    assert tokens(search_index, "socialwork.models.StationRecords") == {
        "socialwork",
        "models",
        "station",
        "records",
    }
    assert tokens(search_index, "独居\u200b老人、风险登记册。") == {"独居", "老人", "风险登记册"}


def test_a_page_written_once_is_indexed_once(search_index: dict[str, Any]) -> None:
    locations = {doc["location"].split("#")[0] for doc in search_index["docs"]}
    assert "howto/risk-register/" in locations
    assert "en/howto/risk-register/" not in locations
    assert {"glossary/", "en/glossary/"} <= locations
