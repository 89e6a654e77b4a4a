"""Optimistic locking for records edited through a form: nobody silently undoes another's change.

Each editable model has a ``version`` field. The edit form carries the version the
user loaded in a hidden field; the update action claims that version inside its
transaction (``claim_version``) and the claim fails when someone saved in between.
The view then shows the form again, bound to the user's input and to the record as
it now is, with a table of the fields where the two differ.
"""

from django import forms
from django.db import models
from django.db.models import F

CONFLICT_MESSAGE = ("他の利用者が先に更新しました。あなたの入力は保存されていません（画面には残っています）。"
                    "下の表で現在の登録内容と比べ、必要なら直してからもう一度保存してください。")


def version_field():
    """The ``version`` field of an editable model (not in forms: the form mixin adds it as a hidden field)."""
    return models.PositiveIntegerField("版", default=1, editable=False,
                                       help_text="保存のたびに増え、同時に修正した内容の上書きを防ぎます。")


class EditConflict(Exception):
    """The record changed after the user loaded the form; ``current`` is the record as stored now."""

    def __init__(self, current):
        super().__init__(f"{current._meta.label} {current.pk} changed")
        self.current = current

    def resubmission(self, data):
        """The user's form data carrying the current version, so that saving again is a deliberate overwrite."""
        data = data.copy()
        data["version"] = str(self.current.version)
        return data


def claim_version(obj, seen):
    """Take the next version of ``obj`` if it is still at ``seen``; call inside the update's transaction.

    The conditional UPDATE locks the row until the transaction ends, so of two
    concurrent saves of the same version exactly one succeeds.
    """
    model = type(obj)
    if not model.objects.filter(pk=obj.pk, version=seen).update(version=F("version") + 1):
        raise EditConflict(model.objects.get(pk=obj.pk))
    obj.version = seen + 1


def _shown(field, value):
    """A value as the user reads it: choice labels, はい/いいえ, several values joined."""
    value = field.prepare_value(value)
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    if isinstance(field, forms.BooleanField):
        return "はい" if values[0] in (True, "on", "true", "True") else "いいえ"
    if hasattr(field, "choices"):
        labels = {str(key): str(label) for key, label in field.choices}
        values = [labels.get(str(item), item) for item in values]
    text = "、".join(str(item) for item in values if item not in (None, ""))
    return text or "（空欄）"


class VersionedFormMixin:
    """A ModelForm mixin: a hidden ``version`` field, and the conflict table when a save came too late."""

    conflict_rows = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a new record has nothing to conflict with
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1,
                                                        initial=self.instance.version)

    def show_conflict(self):
        """Call on a form bound to the user's data with the current record as its instance."""
        self.conflict_rows = [
            (self[name].label, _shown(self.fields[name], self[name].value()),
             _shown(self.fields[name], self[name].initial))
            for name in self.changed_data if name != "version"
        ]
        self.add_error(None, CONFLICT_MESSAGE)
