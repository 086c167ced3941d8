"""Stages of community work (社区工作阶段) and the case lifecycle as checked state machines."""

__all__: list[str] = []
