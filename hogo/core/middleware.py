"""Response headers that keep personal data out of caches and injected scripts out of pages;
a Japanese 503 instead of a 500 when the database stays locked."""

import logging

from django.db import OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# Every script, stylesheet and image comes from Hogo's own static files (htmx
# included, through django-htmx); templates carry no inline scripts or styles.
# data: images: the empty favicon of base.html and the QR code of TOTP enrolment.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every response; ``Cache-Control: no-store`` on every signed-in one.

    Signed-in pages and downloads show personal data, which must not stay in a
    shared browser's cache or a proxy's. Static files never reach this
    middleware (WhiteNoise answers them first), so they stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def _is_lock_timeout(exception):
    """SQLite's "database is locked" / "database table is locked" after the busy timeout, or a lock wait cut off."""
    if not isinstance(exception, OperationalError):
        return False
    message = str(exception).lower()
    return "is locked" in message or "busy" in message or "lock timeout" in message


class DatabaseBusyMiddleware:
    """A write that waited its whole busy timeout for the database answers 503 with a Japanese page, not 500.

    Its transaction has been rolled back, so nothing was half saved and the user
    can simply send the form again. See docs/performance.md for when this starts
    to happen on SQLite and PostgreSQL is needed.
    """

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _is_lock_timeout(exception):
            return None
        logger.warning("Database busy, answered 503: %s %s (%s)", request.method, request.path, exception)
        response = render(request, "core/database_busy.html", status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response
