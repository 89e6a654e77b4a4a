import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from hogo.core.passwords import SimpleSequenceValidator

VALIDATOR = SimpleSequenceValidator()


@pytest.mark.parametrize("password", [
    "abcdefghijkl",
    "ABCDEFGHIJKL",
    "lkjihgfedcba",
    "123456789012",
    "210987654321",
    "aaaaaaaaaaaa",
    "abababababab",
    "qwertyuiopas",
    "asdfghjkl;'z",
    "1qaz2wsx3edc",
    "あいうえおかきくけこさし",
    "アイウエオカキクケコサシ",
    "abcd1234abcd",
])
def test_it_refuses_simple_sequences_and_repetitions(password):
    with pytest.raises(ValidationError) as error:
        VALIDATOR.validate(password)
    assert "パスワード" in error.value.messages[0] or "繰り返し" in error.value.messages[0]


@pytest.mark.parametrize("password", [
    "correct-horse-battery-staple",
    "Kq7#mZ2!vR9x",
    "世田谷区の個人情報を守る2026",
    "tsukimi-dango-8",
    "abc-Kq7#mZ2!vR9x",  # a short run inside a strong password is fine
])
def test_it_accepts_passwords_that_are_not_sequences(password):
    VALIDATOR.validate(password)


def test_it_is_part_of_the_password_policy(db):
    with pytest.raises(ValidationError) as error:
        validate_password("qwertyuiopas")
    assert any("並び" in message for message in error.value.messages)
    with pytest.raises(ValidationError) as error:
        validate_password("Kq7#mZ2!vR9")
    assert any("12" in message for message in error.value.messages)
    validate_password("Kq7#mZ2!vR9x-staple")
