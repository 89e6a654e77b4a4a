import pytest

from hogo.scanner.checkdigits import driving_licence_is_valid, luhn_is_valid, my_number_is_valid, my_number_check_digit


@pytest.mark.parametrize(
    "digits, valid",
    [
        ("123456789018", True),
        ("123456789012", False),  # wrong check digit
        ("000000000000", True),
        ("12345678901", False),  # 11 digits
        ("1234567890123", False),  # 13 digits
        ("12345678901a", False),
    ],
)
def test_it_checks_my_number(digits, valid):
    assert my_number_is_valid(digits) is valid


def test_it_computes_my_number_check_digit():
    assert my_number_check_digit("12345678901") == 8


@pytest.mark.parametrize(
    "digits, valid",
    [("4111111111111111", True), ("4111111111111112", False), ("378282246310005", True), ("123", False)],
)
def test_it_checks_luhn(digits, valid):
    assert luhn_is_valid(digits) is valid


@pytest.mark.parametrize("digits, valid", [("301234567810", True), ("301234567890", False), ("30123456781", False)])
def test_it_checks_driving_licence(digits, valid):
    assert driving_licence_is_valid(digits) is valid
