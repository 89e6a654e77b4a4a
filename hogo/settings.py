"""Django settings for Hogo.

Everything that differs between a laptop demo and a production server is read
from the environment through the small helpers below, which fail loudly with
ImproperlyConfigured instead of silently falling back.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from hogo.lib.client_ip import parse_networks

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("HOGO_DEBUG", False)

# The demo and the tests run without SECRET_KEY; a real deployment must set it
# (hogo.core.checks refuses to run with the demo key when DEBUG is off and
# HOGO_DEMO is not set).
DEMO_SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", DEMO_SECRET_KEY)
HOGO_DEMO = env_bool("HOGO_DEMO", False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hogo.audit.admin_app.AuditedAdminConfig",  # django.contrib.admin, every admin read and write audited
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "hogo.core",
    "hogo.audit",
    "hogo.publication",
    "hogo.disclosure",
    "hogo.incidents",
    "hogo.registers",
    "hogo.jobs",
    "hogo.contractors",
    "hogo.safety",
    "hogo.records",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hogo.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "hogo.core.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "hogo.urls"
WSGI_APPLICATION = "hogo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hogo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hogo.core.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://... selects PostgreSQL.
VAR_DIR = BASE_DIR / "var"
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)  # so a fresh checkout can migrate without a set-up step
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hogo.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file. WAL lets pages be read while another
    # request writes; IMMEDIATE takes the write lock when a transaction begins, so it
    # never fails half-way upgrading a read lock; a writer waits its turn (up to the
    # timeout, in seconds) instead of failing. docs/performance.md has the load figures.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("HOGO_SQLITE_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out users before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hogo.core.passwords.SimpleSequenceValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): five failures on one user name, from any
# addresses, lock that name; five failures from one address, on any names, lock
# that address; each for 15 minutes (docs/security.md, "Login throttling").
AXES_FAILURE_LIMIT = env_int("HOGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "hogo.audit.log.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# A success does not wipe the counters: with per-address counting it would let
# anyone holding one account reset their address between guesses at another.
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False
# Two-factor login (TOTP) is optional for the privacy office and administrators;
# true makes it compulsory for them (they enrol at their next login).
HOGO_TOTP_REQUIRED = env_bool("HOGO_TOTP_REQUIRED", False)

SESSION_COOKIE_AGE = env_int("HOGO_SESSION_SECONDS", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Production transport security; the demo on http://127.0.0.1 turns it off.
HTTPS = env_bool("HOGO_HTTPS", not DEBUG and not HOGO_DEMO)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("HOGO_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("HOGO_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("HOGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks,
# comma-separated); empty trusts nobody. The client address of the audit log
# and of login throttling comes from hogo.lib.client_ip.
HOGO_TRUSTED_PROXIES = env_list("HOGO_TRUSTED_PROXIES")
try:
    parse_networks(HOGO_TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(f"HOGO_TRUSTED_PROXIES: {error}")

# Uploads: everything above this size is refused by the upload forms.
HOGO_MAX_UPLOAD_BYTES = env_int("HOGO_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Scans and imports run in the worker (`hogo run-jobs`), each in a child process
# under these limits; see docs/jobs.md.
HOGO_JOB_SECONDS = env_int("HOGO_JOB_SECONDS", 600)
HOGO_JOB_MEMORY_MB = env_int("HOGO_JOB_MEMORY_MB", 1024)
HOGO_SCAN_MAX_TEXT_CHARS = env_int("HOGO_SCAN_MAX_TEXT_CHARS", 2_000_000)
HOGO_SCAN_MAX_PART_MB = env_int("HOGO_SCAN_MAX_PART_MB", 32)
HOGO_IMPORT_MAX_ROWS = env_int("HOGO_IMPORT_MAX_ROWS", 50_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語")]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "hogo" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("HOGO_LOG_LEVEL", "WARNING")},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the apps in the demo too; collectstatic still works
