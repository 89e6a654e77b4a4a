"""System checks for settings a deployment must get right."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY and not settings.HOGO_DEMO:
        return [Error(
            "SECRET_KEY is the demo-only key.",
            hint="Set the SECRET_KEY environment variable to a long random value.",
            id="core.E001",
        )]
    return []

