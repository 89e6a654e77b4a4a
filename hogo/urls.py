from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hogo.core import views as core_views

admin.site.site_header = "Hogo 管理"
admin.site.site_title = "Hogo"

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", include("hogo.audit.urls")),
    path("scanner/", include("hogo.publication.urls")),
    path("jobs/", include("hogo.jobs.urls")),
    path("incidents/", include("hogo.incidents.urls")),
    path("registers/", include("hogo.registers.urls")),
    path("requests/", include("hogo.disclosure.urls")),
    path("admin/", admin.site.urls),
]
