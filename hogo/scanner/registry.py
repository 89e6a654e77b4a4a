"""A registry of recognisers that can be filtered by label."""

from .recognizers import DEFAULT_RECOGNIZERS


class RecognizerRegistry:
    def __init__(self, recognizers=None):
        self.recognizers = list(recognizers) if recognizers is not None else [cls() for cls in DEFAULT_RECOGNIZERS]

    def add(self, recognizer) -> None:
        self.recognizers.append(recognizer)

    def remove(self, name: str) -> None:
        self.recognizers = [r for r in self.recognizers if r.name != name]

    def get(self, labels=None) -> list:
        """Recognisers that support at least one of `labels` (all when None)."""
        if labels is None:
            return list(self.recognizers)
        wanted = set(labels)
        return [r for r in self.recognizers if wanted.intersection(r.labels)]
