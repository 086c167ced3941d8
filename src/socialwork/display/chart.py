"""Charts: a Vega-Lite v5 specification that shows itself in a notebook.

A `Chart` holds a Vega-Lite v5 spec. JupyterLab draws it with its built-in
Vega-Lite renderer, and VS Code with the "Jupyter Notebook Renderers"
extension that comes with its Jupyter extension (the bundle's
``application/vnd.vegalite.v5+json``); in an HTML page made by nbconvert,
which has no Vega-Lite renderer, the bundle's Markdown (a ``<div>`` and a
script that loads vega-embed from jsDelivr) draws the same spec. JupyterLab
ranks Vega-Lite above Markdown, so it never shows that fallback; it ranks
HTML and JavaScript above Vega-Lite, which is why the bundle carries neither.
Where no script runs (VS Code's Markdown renderer, without that extension)
the fallback's ``<div>`` shows the chart's title.
``to_dict()`` gives the spec for those who want it, ``to_altair()`` an
Altair chart when Altair is installed. No plotting library is needed to
make a chart.

Examples:
    >>> chart = Chart.vega_lite("覆盖率", "zh", mark="bar", data={"values": []})
    >>> chart.title, chart.to_dict()["mark"]
    ('覆盖率', 'bar')
    >>> sorted(chart._repr_mimebundle_())
    ['application/vnd.vegalite.v5+json', 'text/markdown', 'text/plain']
"""

from __future__ import annotations

import hashlib
import html
import importlib
import json
from collections.abc import Mapping
from typing import Any

from attrs import field, frozen

from socialwork.errors import ArgumentError
from socialwork.labels import Language, canonical_language

__all__ = [
    "VEGA_LITE_MIME",
    "VEGA_LITE_SCHEMA",
    "Chart",
]

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
"""The ``$schema`` every chart of socialwork declares."""

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"
"""The MIME type under which notebooks draw a Vega-Lite v5 chart."""

FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
"""The font list of every chart, CJK fonts first."""

_CDN = "https://cdn.jsdelivr.net/npm/"
_SCRIPTS = ("vega@5", "vega-lite@5", "vega-embed@6")


def _canonical(spec: Mapping[str, Any]) -> str:
    if not isinstance(spec, Mapping):
        raise ArgumentError("spec", type(spec).__name__, "a Vega-Lite specification (a dict)")
    try:
        return json.dumps(spec, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise ArgumentError("spec", "not JSON", f"a JSON-ready Vega-Lite spec ({err})") from None


def _loader(spec_json: str) -> str:
    """JavaScript that draws the spec into ``element`` with vega-embed (for nbconvert's HTML).

    It loads vega, vega-lite and vega-embed from jsDelivr, through RequireJS
    when the page has it (nbconvert's pages do) and as plain scripts otherwise.
    """
    urls = json.dumps([f"{_CDN}{name}" for name in _SCRIPTS])
    return (
        "(function (element) {\n"
        f"  var spec = {spec_json};\n"
        f"  var urls = {urls};\n"
        "  function draw(embed) {\n"
        "    embed(element, spec, {actions: false}).catch(function (e) {\n"
        "      element.textContent = 'chart: ' + e; });\n"
        "  }\n"
        "  function fail() { element.textContent = 'chart: vega-embed could not be loaded'; }\n"
        "  if (window.vegaEmbed) { draw(window.vegaEmbed); return; }\n"
        "  if (typeof window.requirejs === 'function') {\n"
        "    window.requirejs.config({paths: {'vega': urls[0] + '?noext',\n"
        "      'vega-lite': urls[1] + '?noext', 'vega-embed': urls[2] + '?noext'}});\n"
        "    window.requirejs(['vega-embed'], draw, fail);\n"
        "    return;\n"
        "  }\n"
        "  function load(i) {\n"
        "    if (i === urls.length) { draw(window.vegaEmbed); return; }\n"
        "    var s = document.createElement('script');\n"
        "    s.src = urls[i]; s.onload = function () { load(i + 1); }; s.onerror = fail;\n"
        "    document.head.appendChild(s);\n"
        "  }\n"
        "  load(0);\n"
        "})(element);"
    )


@frozen
class Chart:
    """A Vega-Lite v5 chart that displays itself; immutable and hashable.

    Examples:
        >>> c = Chart({"$schema": VEGA_LITE_SCHEMA, "title": "t", "mark": "point"})
        >>> c.to_dict()["title"], c == Chart(c.to_dict())
        ('t', True)
    """

    _json: str = field(converter=_canonical, alias="spec")

    @classmethod
    def vega_lite(cls, title: str, language: Language | str = "zh", **body: Any) -> Chart:
        """Return a chart with the library's ``$schema``, title, CJK fonts and number locale.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> Chart.vega_lite("t", "en", mark="bar").to_dict()["config"]["font"] == FONT
            True
        """
        script = canonical_language(language)
        config: dict[str, Any] = {"font": FONT}
        if script != "en":
            config["locale"] = {
                "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]}
            }
        return cls({"$schema": VEGA_LITE_SCHEMA, "title": title, "config": config, **body})

    @property
    def title(self) -> str:
        """The chart's title (its ``text`` when the title is an object), or ``""``.

        Examples:
            >>> Chart({"title": {"text": "风险"}}).title
            '风险'
        """
        title = self.to_dict().get("title", "")
        if isinstance(title, dict):
            title = title.get("text", "")
        return str(title)

    def to_dict(self) -> dict[str, Any]:
        """Return the Vega-Lite spec as a new dict (changing it does not change the chart).

        Examples:
            >>> Chart({"mark": "bar"}).to_dict()
            {'mark': 'bar'}
        """
        spec: dict[str, Any] = json.loads(self._json)
        return spec

    def to_altair(self) -> Any:
        """Return the chart as an Altair chart (needs ``altair``, installed separately).

        Raises:
            ImportError: Altair is not installed; the message says how to install it.

        Examples:
            >>> type(Chart.vega_lite("t", mark="bar", data={"values": []}).to_altair()).__name__
            'Chart'
        """
        try:
            altair = importlib.import_module("altair")
        except ImportError:
            raise ImportError("Chart.to_altair needs Altair: pip install altair") from None
        return altair.Chart.from_dict(self.to_dict())

    def to_html(self) -> str:
        """Return a ``<div>`` and the script that draws the chart in it (for a whole page).

        Examples:
            >>> Chart({"mark": "bar"}).to_html().startswith('<div class="sw-chart"')
            True
        """
        script = _loader(self._json.replace("</", "<\\/"))
        key = hashlib.sha1(self._json.encode("utf-8")).hexdigest()[:12]
        note = html.escape(f"{self.title} (Vega-Lite)")
        return (
            f'<div class="sw-chart" data-sw-chart="{key}" title="{html.escape(self.title)}">'
            f"{note}</div>\n"
            "<script>\n(function () {\n"
            # The first of this spec's divs not drawn yet: front ends that re-create the
            # script elsewhere (VS Code) leave it no longer beside its div.
            f"var found = document.querySelectorAll('div[data-sw-chart=\"{key}\"]');\n"
            "var element = null;\n"
            "for (var i = 0; i < found.length && element === null; i++) {\n"
            "  if (!found[i].hasAttribute('data-drawn')) { element = found[i]; }\n"
            "}\n"
            "if (element === null) { return; }\n"
            "element.setAttribute('data-drawn', '');\n"
            f"{script}\n}})();\n</script>"
        )

    def __repr__(self) -> str:
        """Name the chart by its title; the spec is in `to_dict`."""
        return f"Chart({self.title!r})"

    def _repr_mimebundle_(self, **_: Any) -> dict[str, Any]:
        return {
            VEGA_LITE_MIME: self.to_dict(),
            "text/markdown": self.to_html(),
            "text/plain": repr(self),
        }
