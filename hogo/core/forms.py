"""What every form of Hogo shares."""

from django import forms
from django.core.exceptions import ValidationError

from hogo.lib.safe_text import find_control_character


def validate_no_control_characters(value):
    """Refuse C0 control characters: they break the .xlsx and .docx handed to the council."""
    character = find_control_character(value)
    if character:
        raise ValidationError(
            f"使用できない制御文字（{character}）が含まれています。文字を削除してから入力し直してください。",
            code="control_character")


class NoControlCharactersMixin:
    """Adds ``validate_no_control_characters`` to every text field of the form.

    Put it first among the bases: ``class IncidentForm(NoControlCharactersMixin, forms.ModelForm)``.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_control_characters)
