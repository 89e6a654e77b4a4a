from django.urls import path

from hogo.incidents import views

app_name = "incidents"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("new/", views.incident_create, name="create"),
    path("fiscal-year/", views.fiscal_year_list, name="fiscal_year"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("<int:pk>/edit/", views.incident_edit, name="edit"),
    path("<int:pk>/timeline/", views.timeline_add, name="timeline_add"),
    path("<int:pk>/reports/", views.report_add, name="report_add"),
    path("reports/<int:pk>/delete/", views.report_delete, name="report_delete"),
    path("<int:pk>/measures/", views.measure_add, name="measure_add"),
    path("measures/<int:pk>/done/", views.measure_done, name="measure_done"),
    path("<int:pk>/council-report/allocate/", views.council_allocate, name="council_allocate"),
    path("<int:pk>/ppc-report/", views.ppc_report, name="ppc_report"),
    path("<int:pk>/council-report/", views.council_report, name="council_report"),
    path("<int:pk>/summary/", views.case_summary, name="summary"),
]
