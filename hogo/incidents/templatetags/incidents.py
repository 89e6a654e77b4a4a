from django import template

register = template.Library()


@register.filter
def fields(form, names):
    """The bound fields of ``form`` named in the space-separated ``names``, in that order."""
    return [form[name] for name in names.split()]
