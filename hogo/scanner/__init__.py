"""Hogo's scanner: find personal and sensitive information in Japanese text.

    from hogo.scanner import analyze
    for f in analyze("奥沢在住の母・花子は糖尿病です"):
        print(f.start, f.end, f.label, f.reason)

Plain Python (no Django); see docs/scanner.md.
"""

from .analyzer import Analyzer, analyze, get_analyzer
from .finding import ALL_LABELS, IDENTIFIER_LABELS, SENSITIVE_LABELS, Finding
from .registry import RecognizerRegistry

__all__ = [
    "ALL_LABELS",
    "IDENTIFIER_LABELS",
    "SENSITIVE_LABELS",
    "Analyzer",
    "Finding",
    "RecognizerRegistry",
    "analyze",
    "get_analyzer",
]
