"""Check-digit rules, pure functions on digit strings."""


def my_number_is_valid(digits: str) -> bool:
    """個人番号 (My Number): 11 digits + check digit.

    Rule from 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
    第8条 / 総務省令: weights Qn = n+1 for n<=6, n-5 for n>=7, counted from
    the digit next to the check digit; remainder r = sum mod 11; check digit is
    0 when r <= 1, otherwise 11 - r.
    """
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = digits[:11]
    total = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    check = 0 if r <= 1 else 11 - r
    return check == int(digits[11])


def luhn_is_valid(digits: str) -> bool:
    """Luhn (ISO/IEC 7812) for payment card numbers."""
    if not digits.isdigit() or not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def driving_licence_is_valid(digits: str) -> bool:
    """運転免許証番号: 12 digits, the 11th is a modulus-11 check digit over
    the first ten with weights 5,4,3,2,7,6,5,4,3,2 (remainder 0 or 1 -> 0)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(digits[:10], weights))
    r = total % 11
    check = 0 if r <= 1 else 11 - r
    return check == int(digits[10])


def my_number_check_digit(body: str) -> int:
    """The check digit for an 11-digit body (used by tests and fixtures)."""
    for d in "0123456789":
        if my_number_is_valid(body + d):
            return int(d)
    raise ValueError(body)
