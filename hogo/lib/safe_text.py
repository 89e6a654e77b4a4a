"""Text that cannot do harm where Hogo writes it: forms, spreadsheets, CSV, Word.

Plain Python: no Django. Two dangers are handled here, once for every writer:

- C0 control characters (U+0000–U+001F other than tab, line feed and carriage
  return, and U+007F). XML 1.0 forbids them, so python-docx and openpyxl fail on
  them, and no record has a use for them. Forms and imports refuse them; writers
  drop them from data stored before that rule.
- Formula injection: a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
  tab or carriage return before one) is run as a formula by spreadsheet tools
  that open a CSV. CSV cells get a leading apostrophe, as OWASP recommends;
  .xlsx cells are written as text cells (see ``hogo.lib.spreadsheets``).
"""

import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def find_control_character(text):
    """The first forbidden control character in ``text`` as ``U+000B``, or None."""
    match = CONTROL_CHARACTERS.search(text or "")
    return f"U+{ord(match.group()):04X}" if match else None


def without_control_characters(text):
    """``text`` with every forbidden control character removed."""
    return CONTROL_CHARACTERS.sub("", text)


def printable(value):
    """A value for a document: None becomes "", text loses its control characters."""
    if value is None:
        return ""
    return without_control_characters(str(value))


def inert_csv_cell(value):
    """A CSV cell that a spreadsheet tool shows as text instead of running it as a formula."""
    text = printable(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text
