"""Planning tools (计划工具): SWOT/TOWS, risk registers, needs, resources and work plans."""

__all__: list[str] = []
