"""Indicators (指标): rates with their provenance, targets, survey statistics and reports."""

__all__: list[str] = []
