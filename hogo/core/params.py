"""Numbers read from a query string (``?year=``), checked before they reach date arithmetic.

``?year=0`` or ``?year=99999999999999999999`` must not become a 500: a value
outside what Hogo computes with is ignored and the user is told so.
"""

from django.contrib import messages

from hogo.lib.municipal_calendar import FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY, is_supported_fiscal_year

FISCAL_YEAR_RANGE_TEXT = f"{FIRST_SUPPORTED_DAY.year}〜{LAST_SUPPORTED_DAY.year - 1}年度"


def fiscal_year_param(request, name="year"):
    """The fiscal year in ``request.GET[name]``, or None when it is absent or out of range (with a message)."""
    text = request.GET.get(name, "").strip()
    if not text:
        return None
    # Five digits at most keeps int() cheap and far from overflowing anything.
    if text.isdigit() and len(text) <= 5 and is_supported_fiscal_year(int(text)):
        return int(text)
    messages.warning(request, f"年度は{FISCAL_YEAR_RANGE_TEXT}の西暦（例：2024）で指定してください。"
                              "指定を無視して表示しています。")
    return None
