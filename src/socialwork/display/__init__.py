"""How results show themselves: a small document model and charts that display themselves.

The toolkit at the bottom of the library: it imports nothing from the
rooms above it. A result builds its own `Document` of blocks (`Heading`,
`Paragraph`, `Items`, `Table`, `Chart`) in its own room and inherits
`Displayable`, which writes the document as Markdown, HTML (a fragment for
a notebook, a styled page for the command line) or plain text, every text
escaped, and shows it in Jupyter with each chart as an output of its own.
A `Chart` is a Vega-Lite v5 spec that shows itself in JupyterLab, VS Code
and nbconvert's HTML.

Text is in Simplified Chinese by default; each method takes a ``language``
(see `socialwork.labels.Language`).

Examples:
    >>> doc = Document([Heading("月报", 1), Table(["指标", "本期"], [["覆盖率", "85.0%"]])])
    >>> print(doc.to_markdown())
    # 月报
    <BLANKLINE>
    | 指标 | 本期 |
    |---|---|
    | 覆盖率 | 85.0% |
    >>> Chart.vega_lite("覆盖率", mark="bar").title
    '覆盖率'
"""

from socialwork.display.chart import VEGA_LITE_MIME, VEGA_LITE_SCHEMA, Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Items, Paragraph, Table

__all__ = [
    "VEGA_LITE_MIME",
    "VEGA_LITE_SCHEMA",
    "Chart",
    "Displayable",
    "Document",
    "Heading",
    "Items",
    "Paragraph",
    "Table",
]
