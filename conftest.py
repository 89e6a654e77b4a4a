"""Shared fixtures: a small organisation, one person per role, and a real browser.

The base organisation follows the seeds: two divisions of 区長 that each hold
personal information, so every module can test that one division cannot see
the other's records.
"""

import os
import shutil

import pytest

from hogo.core.choices import Role

CHROMIUM = os.environ.get("HOGO_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct-horse-battery-staple"


def pytest_configure(config):
    _flush_around_audit_triggers()


def _flush_around_audit_triggers():
    """Let the test suite's flush empty the append-only audit table.

    Transactional tests (live_server, browser tests) flush every table after each
    test: DELETE on SQLite, TRUNCATE on PostgreSQL, both refused by the audit
    triggers. Only here, the flush drops the triggers first and recreates them
    after, so production keeps them and each test still runs with them.
    """
    from django.db.backends.postgresql.base import DatabaseWrapper as PostgresqlWrapper
    from django.db.backends.sqlite3.base import DatabaseWrapper as SqliteWrapper

    from hogo.audit import db_protection

    def wrap(sql_flush):
        def flush_without_triggers(self, style, tables, **kwargs):
            statements = sql_flush(self, style, tables, **kwargs)
            if db_protection.TABLE not in tables:
                return statements
            vendor = self.connection.vendor
            return [*db_protection.FLUSH_DROP[vendor], *statements, *db_protection.FLUSH_CREATE[vendor]]

        return flush_without_triggers

    for operations in (SqliteWrapper.ops_class, PostgresqlWrapper.ops_class):
        operations.sql_flush = wrap(operations.sql_flush)


@pytest.fixture
def organisation(db):
    from hogo.core.models import Agency, Department, Division, Municipality

    municipality = Municipality.current()
    municipality.name = "世田谷区"
    municipality.ordinance_sensitive_categories = "国籍\nドメスティック・バイオレンス"
    municipality.save()
    mayor = Agency.objects.create(name="区長", order=1)
    education = Agency.objects.create(name="教育委員会", order=2)
    setagaya = Department.objects.create(agency=mayor, name="世田谷総合支所保健福祉センター")
    kitazawa = Department.objects.create(agency=mayor, name="北沢総合支所保健福祉センター")
    general = Department.objects.create(agency=mayor, name="総務部")
    school = Department.objects.create(agency=education, name="教育委員会事務局")
    return {
        "municipality": municipality,
        "mayor": mayor,
        "education": education,
        "own": Division.objects.create(department=setagaya, name="健康づくり課",
                                       full_name="世田谷総合支所保健福祉センター健康づくり課"),
        "other": Division.objects.create(department=kitazawa, name="健康づくり課",
                                         full_name="北沢総合支所保健福祉センター健康づくり課"),
        "privacy_office": Division.objects.create(department=general, name="区政情報課",
                                                  full_name="総務部区政情報課"),
        "school": Division.objects.create(department=school, name="学務課", full_name="教育委員会事務局学務課"),
    }


def _user(username, role, division=None):
    from hogo.core.models import User

    user = User(username=username, role=role, division=division, last_name=username)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def staff(organisation):
    """Division staff of 世田谷総合支所保健福祉センター健康づくり課 (the owner division)."""
    return _user("staff1", Role.DIVISION_STAFF, organisation["own"])


@pytest.fixture
def other_staff(organisation):
    """Division staff of another division (北沢)."""
    return _user("staff2", Role.DIVISION_STAFF, organisation["other"])


@pytest.fixture
def privacy(organisation):
    return _user("privacy", Role.PRIVACY_OFFICE, organisation["privacy_office"])


@pytest.fixture
def council(organisation):
    """A council member: read-only."""
    return _user("council", Role.COUNCIL_VIEWER)


# ---------------------------------------------------------------- browser tests

@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("HOGO_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's test
    # database calls from the same thread are safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP",
                                  base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, username, password=PASSWORD):
    """Log in through the real login form."""
    page.goto("/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(password)
    page.get_by_role("button", name="ログイン").click()
    page.wait_for_url("**/")


@pytest.fixture
def browser_login():
    return login
