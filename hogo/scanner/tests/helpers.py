"""What a test sees of an analysis: (text, label) pairs, as a reader would."""

from hogo.scanner import analyze


def found_by_label(text, label=None):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if label is None or f.label == label]


def private_by_label(text, label=None):
    """Findings about private persons: officials left out."""
    return [(text[f.start : f.end], f.label) for f in analyze(text) if not f.official and (label is None or f.label == label)]


def found_with_officials(text, official=False):
    return [(text[f.start : f.end], f.label) for f in analyze(text) if official or not f.official]


def labels_of(text):
    return {label for _, label in found_with_officials(text)}
