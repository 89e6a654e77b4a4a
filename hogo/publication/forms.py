from django import forms

from hogo.core.forms import NoControlCharactersMixin
from hogo.core.uploads import upload_problem

ALLOWED_SUFFIXES = (".txt", ".csv", ".docx", ".xlsx", ".pdf")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class UploadForm(forms.Form):
    files = MultipleFileField(label="公開予定の文書", widget=MultipleFileInput(
        attrs={"accept": ",".join(ALLOWED_SUFFIXES)}))
    division = forms.ModelChoiceField(queryset=None, label="所管課", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from hogo.core.models import Division

        self.user = user
        if user.sees_all_divisions:
            self.fields["division"].queryset = Division.objects.all()
            self.fields["division"].required = True
        else:
            del self.fields["division"]

    def chosen_division(self):
        return self.cleaned_data.get("division") or self.user.division


def file_problem(upload):
    """A Japanese message when an uploaded file must not be scanned, else None."""
    return upload_problem(upload, ALLOWED_SUFFIXES)


class DismissForm(NoControlCharactersMixin, forms.Form):
    reason = forms.CharField(label="マスクしない理由", max_length=300,
                             error_messages={"required": "マスクしない理由を入力してください。"})
