from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone

from hogo.core import deadlines, totp
from hogo.core.actions import (
    confirmed_totp_device, do_check_totp_login, do_confirm_totp, do_remove_totp, do_start_totp_enrolment,
    may_use_totp, totp_required,
)
from hogo.core.models import TotpDevice, User


def dashboard(request):
    today = timezone.localdate()
    items = deadlines.deadlines_for(request.user, today)
    overdue = [item for item in items if item.is_overdue(today)]
    upcoming = [item for item in items if not item.is_overdue(today)]
    return render(request, "core/dashboard.html", {
        "today": today, "overdue": overdue, "upcoming": upcoming,
    })


# ---------------------------------------------------------------- two-factor login (TOTP)

PENDING_LOGIN = "hogo_pending_login"
PENDING_SECONDS = 5 * 60


class LoginView(auth_views.LoginView):
    """Django's login; a user with a confirmed authenticator (or required to have one) goes on to the code step."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if confirmed_totp_device(user) is None and not totp_required(user):
            return super().form_valid(form)
        # The password was right but the user is not logged in yet: remember who, briefly.
        self.request.session.cycle_key()
        self.request.session[PENDING_LOGIN] = {
            "user": user.pk, "backend": user.backend, "next": self.get_redirect_url(),
            "since": timezone.now().timestamp(),
        }
        return redirect("login_totp")


def _pending_login_user(request):
    pending = request.session.get(PENDING_LOGIN)
    if not pending or timezone.now().timestamp() - pending["since"] > PENDING_SECONDS:
        return None, None
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending


def _totp_context(device, user):
    uri = totp.provisioning_uri(device.secret, user.get_username())
    return {"device": device, "secret": totp.grouped_secret(device.secret), "uri": uri,
            "qr_code": totp.qr_code_data_uri(uri)}


@login_not_required
def login_totp(request):
    """Second login step: the 6-digit code (or, when required and not yet enrolled, enrolment)."""
    user, pending = _pending_login_user(request)
    if user is None:
        request.session.pop(PENDING_LOGIN, None)
        return redirect("login")
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return get_lockout_response(request, credentials=credentials)
    device = confirmed_totp_device(user)
    enrolling = device is None
    if enrolling:
        device = TotpDevice.objects.filter(user=user).first() or do_start_totp_enrolment(request, user)
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "")
        if enrolling:
            accepted = do_confirm_totp(request, device, code)
        else:
            accepted = do_check_totp_login(request, device, code)
        if accepted:
            del request.session[PENDING_LOGIN]
            auth_login(request, user, backend=pending["backend"])
            return redirect(pending["next"] or resolve_url(settings.LOGIN_REDIRECT_URL))
        if AxesProxyHandler.is_locked(request, credentials):
            return get_lockout_response(request, credentials=credentials)
        error = "確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。"
    context = {"enrolling": enrolling, "error": error}
    if enrolling:
        context.update(_totp_context(device, user))
    return render(request, "registration/login_totp.html", context)


@login_not_required
def admin_login(request):
    """The admin's login URL leads to Hogo's own login, which has the two-factor step.

    A signed-in user lands here only when the admin is not for them (not staff):
    sending them to the login page would bounce straight back.
    """
    if request.user.is_authenticated:
        raise PermissionDenied
    query = request.META.get("QUERY_STRING", "")
    return redirect(reverse("login") + (f"?{query}" if query else ""))


def two_factor(request):
    """Enrol or remove one's own authenticator (privacy office and administrators)."""
    if not may_use_totp(request.user):
        raise PermissionDenied
    device = TotpDevice.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        code = request.POST.get("code", "")
        if action == "start" and (device is None or not device.is_confirmed):
            do_start_totp_enrolment(request, request.user)
        elif action == "confirm" and device is not None and not device.is_confirmed:
            if do_confirm_totp(request, device, code):
                messages.success(request, "2要素認証を登録しました。次回のログインから確認コードが必要です。")
            else:
                messages.error(request, "確認コードが正しくありません。")
        elif action == "remove" and device is not None and device.is_confirmed:
            if totp_required(request.user):
                messages.error(request, "この役割では2要素認証が必須のため、解除できません。")
            elif do_remove_totp(request, device, code):
                messages.success(request, "2要素認証を解除しました。")
            else:
                messages.error(request, "確認コードが正しくありません。")
        return redirect("two_factor")
    context = {"required": totp_required(request.user)}
    if device is not None and not device.is_confirmed:
        context.update(_totp_context(device, request.user))
    context["device"] = device
    return render(request, "core/two_factor.html", context)
