"""Time-based one-time passwords (RFC 6238) for the two-factor login, through pyotp.

Plain functions on a secret and a clock; the device row and the audit live in
``hogo.core.actions``. Codes are six digits in 30-second steps; one step either
side is accepted for clock drift, and a step already used is refused.
"""

import hmac
import re

import pyotp
import segno

ISSUER = "Hogo"
STEP_SECONDS = 30
CODE = re.compile(r"^\d{6}$")


def new_secret():
    return pyotp.random_base32()


def provisioning_uri(secret, username):
    """The otpauth:// URI an authenticator app reads (typed in, or from the QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_code_data_uri(uri):
    """The URI as a QR code in an SVG data: URI, for an <img> (allowed by the CSP's img-src data:)."""
    return segno.make(uri, error="m").svg_data_uri(scale=4)


def grouped_secret(secret):
    """``ABCD EFGH …``: easier to type into an app by hand."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def matching_step(secret, code, now, last_used_step=0):
    """The time step whose code is ``code`` (now or one step either side), or None.

    A step at or before ``last_used_step`` never matches, so a code works once.
    ``now`` is an aware datetime.
    """
    code = (code or "").strip().replace(" ", "")
    if not CODE.match(code):
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // STEP_SECONDS
    for step in (current - 1, current, current + 1):
        if step > last_used_step and hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def code_at(secret, when):
    """The code an authenticator shows at ``when`` (tests and the demo)."""
    return pyotp.TOTP(secret).at(when)
