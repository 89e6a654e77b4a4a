"""Concurrent writes through the real forms: N clients creating and editing requests for D seconds.

    python bench/load/run.py                         # 20 clients, 60 s, a fresh SQLite file
    python bench/load/run.py --clients 4 --seconds 5 # smoke size
    DATABASE_URL=postgres://hogo@127.0.0.1:55433/hogo_load python bench/load/run.py

It migrates the database and loads the demo (HOGO_DEMO=1), starts gunicorn as the
README's production set-up does (3 workers, bound to 127.0.0.1 on a free port), logs
each client in as a division member and has it register a disclosure request and
then edit it through the edit form, again and again until the time is up. It prints
the writes, the errors (any answer other than the redirect after a save) and the audit
rows against the records written; it exits 1 unless there were no errors and the
counts agree. Only the loopback address is ever contacted.
"""

import argparse
import http.cookiejar
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HOGO = [PYTHON, str(ROOT / "manage.py")]
USERS = ["staff1", "staff2"]  # demo division staff; the password is the demo's hogo-demo-<name>
GUNICORN_WORKERS = 3  # as in the README
MAX_ROUNDS = 100_000  # per client: a bound on the loop whatever the clock does

COUNT_SCRIPT = """
import json, sys
import django
django.setup()
from hogo.audit.models import AuditEntry
from hogo.disclosure.models import Request
audit = AuditEntry.objects.filter(record_type="disclosure.Request")
print(json.dumps({"requests": Request.objects.count(),
                  "audit_create": audit.filter(action="create").count(),
                  "audit_update": audit.filter(action="update").count()}))
"""


class FormReader(HTMLParser):
    """The values a browser would submit from each POST form of a page."""

    def __init__(self):
        super().__init__()
        self.forms, self.fields = [], None
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.fields = {}
            self.forms.append(self.fields)
        if self.fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            if attrs.get("type") not in ("submit", "button"):
                self.fields[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in attrs or self._select not in self.fields):
            self.fields[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.fields = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def read_form(html):
    """The page's main form: the POST form with the most fields (not the header's logout button)."""
    reader = FormReader()
    reader.feed(html)
    return max(reader.forms, key=len, default={})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One signed-in browser: its own cookies, no redirects followed."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)

    def send(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def submit(self, path, changes):
        """GET the form at ``path``, change some fields, POST it; returns (status, Location, seconds the POST took)."""
        status, _, html = self.send(path)
        if status != 200:
            return status, "", 0.0
        started = time.monotonic()
        status, headers, _ = self.send(path, {**read_form(html), **changes})
        return status, headers.get("Location", ""), time.monotonic() - started


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.creates = self.updates = 0
        self.errors = {}
        self.seconds = []

    def add(self, kind, seconds):
        with self.lock:
            setattr(self, kind, getattr(self, kind) + 1)
            self.seconds.append(seconds)

    def percentile(self, share):
        ordered = sorted(self.seconds) or [0.0]
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def error(self, what):
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


def run_client(number, base, deadline, tally):
    client = Client(base)
    username = USERS[number % len(USERS)]
    status, _, _ = client.submit("/login/", {"username": username, "password": f"hogo-demo-{username}"})
    if status != 302:
        tally.error(f"login {status}")
        return
    for round_ in range(MAX_ROUNDS):
        if time.monotonic() > deadline:
            return
        try:
            status, location, seconds = client.submit("/requests/new/", {
                "kind": "disclosure", "received_on": time.strftime("%Y-%m-%d"), "capacity": "self",
                "requester_name": f"負荷 試験{number}", "subject": f"負荷試験 {number}-{round_} の記録"})
            if status != 302:
                tally.error(f"create {status}")
                continue
            tally.add("creates", seconds)
            path = urllib.parse.urlparse(location).path
            status, _, seconds = client.submit(f"{path}edit/", {"subject": f"負荷試験 {number}-{round_} の記録（修正）"})
            if status != 302:
                tally.error(f"edit {status}")
                continue
            tally.add("updates", seconds)
        except OSError as error:
            tally.error(type(error).__name__)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, server, seconds=60):
    for _ in range(seconds * 10):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(base + "/login/", timeout=2):
                return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer")


def counts(env):
    output = subprocess.run([PYTHON, "-c", COUNT_SCRIPT], env=env, cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(clients, seconds, database_url=None, workers=GUNICORN_WORKERS, log=print):
    """Run the load; returns the figures as a dict (also printed through ``log``)."""
    workdir = tempfile.mkdtemp(prefix="hogo-load-")
    # DJANGO_SETTINGS_MODULE and PYTHONPATH from the caller are kept: a settings module that
    # imports hogo.settings and changes one thing measures that change.
    env = {**os.environ, "HOGO_DEMO": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "hogo.settings"),
           "DATABASE_URL": database_url or os.environ.get("DATABASE_URL")
           or f"sqlite:///{Path(workdir) / 'hogo.sqlite3'}"}
    engine = env["DATABASE_URL"].split(":", 1)[0]
    for command in (["migrate", "--noinput"], ["demo"]):
        subprocess.run(HOGO + command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    before = counts(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--forwarded-allow-ips=127.0.0.1", "hogo.wsgi"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(Path(workdir) / "gunicorn.log", "w"))
    try:
        wait_until_up(base, server)
        tally = Tally()
        deadline = time.monotonic() + seconds
        threads = [threading.Thread(target=run_client, args=(n, base, deadline, tally)) for n in range(clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 120)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    after = counts(env)
    figures = {
        "database": engine, "clients": clients, "seconds": round(elapsed, 1),
        "writes": tally.creates + tally.updates, "creates": tally.creates, "updates": tally.updates,
        "errors": sum(tally.errors.values()), "error_kinds": tally.errors,
        "median_s": round(tally.percentile(0.5), 3), "p95_s": round(tally.percentile(0.95), 3),
        "max_s": round(tally.percentile(1.0), 3),
        "records_created": after["requests"] - before["requests"],
        "audit_create": after["audit_create"] - before["audit_create"],
        "audit_update": after["audit_update"] - before["audit_update"],
    }
    figures["audit_rows"] = figures["audit_create"] + figures["audit_update"]
    figures["counts_agree"] = (figures["records_created"] == figures["audit_create"] == tally.creates
                               and figures["audit_update"] == tally.updates)
    log(f"{engine}, {clients} clients, {figures['seconds']} s (gunicorn, {workers} workers)")
    log(f"writes: {figures['writes']} ({tally.creates} requests registered, {tally.updates} edits), "
        f"{figures['writes'] / elapsed:.1f}/s; a save took {figures['median_s']} s (median), "
        f"{figures['p95_s']} s (95th percentile), {figures['max_s']} s (longest)")
    log(f"errors: {figures['errors']} {tally.errors or ''}".rstrip())
    log(f"audit rows: {figures['audit_rows']} ({figures['audit_create']} 登録, {figures['audit_update']} 更新) "
        f"vs records written: {figures['records_created']} requests, {tally.updates} edits "
        f"-> {'equal' if figures['counts_agree'] else 'NOT EQUAL'}")
    log(f"gunicorn log: {Path(workdir) / 'gunicorn.log'}")
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=GUNICORN_WORKERS, help="gunicorn workers (the README: 3)")
    args = parser.parse_args(argv)
    figures = run(args.clients, args.seconds, workers=args.workers)
    return 0 if figures["errors"] == 0 and figures["counts_agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
