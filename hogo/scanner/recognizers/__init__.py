"""The built-in recognisers, in the order the Analyzer runs them.

Order matters only for the context step: the sensitive recogniser comes last
because it looks for the persons and ages the others found.
"""

from .address import AddressRecognizer
from .base import Pattern, PatternRecognizer, Recognizer
from .dates import AgeRecognizer, BirthDateRecognizer
from .identifiers import (
    EmailRecognizer,
    FinancialRecognizer,
    IdNumberRecognizer,
    MyNumberRecognizer,
    PhoneRecognizer,
    PostalCodeRecognizer,
)
from .person import PersonRecognizer
from .sensitive import SensitiveRecognizer
from .tables import TableRecognizer

DEFAULT_RECOGNIZERS = (
    PersonRecognizer,
    TableRecognizer,
    AddressRecognizer,
    PhoneRecognizer,
    EmailRecognizer,
    PostalCodeRecognizer,
    BirthDateRecognizer,
    AgeRecognizer,
    MyNumberRecognizer,
    IdNumberRecognizer,
    FinancialRecognizer,
    SensitiveRecognizer,
)

__all__ = ["DEFAULT_RECOGNIZERS", "Pattern", "PatternRecognizer", "Recognizer"] + [r.__name__ for r in DEFAULT_RECOGNIZERS]
