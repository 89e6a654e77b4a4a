"""Reading a rendered form back as the data a browser would post."""

from datetime import date


def posted_data(response):
    """The data of ``response``'s form as a browser submits it untouched (hidden version included)."""
    data = {}
    for field in response.context["form"]:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            data[field.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[field.html_name] = [str(item) for item in value]
        elif isinstance(value, date):
            data[field.html_name] = value.isoformat()
        else:
            data[field.html_name] = str(value)
    return data
