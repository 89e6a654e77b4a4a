from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hogo.core import views as core_views

admin.site.site_header = "Hogo 管理"
admin.site.site_title = "Hogo"

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("login/", core_views.LoginView.as_view(), name="login"),
    path("login/code/", core_views.login_totp, name="login_totp"),
    path("account/two-factor/", core_views.two_factor, name="two_factor"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", include("hogo.audit.urls")),
    path("scanner/", include("hogo.publication.urls")),
    path("jobs/", include("hogo.jobs.urls")),
    path("incidents/", include("hogo.incidents.urls")),
    path("registers/", include("hogo.registers.urls")),
    path("requests/", include("hogo.disclosure.urls")),
    path("contractors/", include("hogo.contractors.urls")),
    path("safety/", include("hogo.safety.urls")),
    path("records/", include("hogo.records.urls")),
    # One login for everything: the admin's own login form would skip the two-factor step.
    path("admin/login/", core_views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
]
