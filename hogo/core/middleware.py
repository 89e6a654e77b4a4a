"""Response headers that keep personal data out of caches and injected scripts out of pages."""

from django.utils.cache import add_never_cache_headers

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
