from django.urls import path

from hogo.contractors import views

app_name = "contractors"
urlpatterns = [
    path("", views.contract_list, name="list"),
    path("new/", views.contract_create, name="contract_create"),
    path("yearly/", views.yearly_list, name="yearly"),
    path("clauses/", views.clauses, name="clauses"),
    path("forms/<str:name>.<str:fmt>", views.blank_form, name="blank_form"),
    path("<int:pk>/", views.contract_detail, name="contract_detail"),
    path("<int:pk>/edit/", views.contract_edit, name="contract_edit"),
    path("<int:pk>/checklist/", views.checklist_answer, name="checklist_answer"),
    path("<int:pk>/checklist/approve/", views.checklist_approve, name="checklist_approve"),
    path("<int:pk>/sign/", views.contract_sign, name="contract_sign"),
    path("<int:pk>/subcontracts/", views.subcontract_add, name="subcontract_add"),
    path("<int:pk>/incidents/", views.incident_link, name="incident_link"),
    path("<int:pk>/reports/new/", views.report_create, name="report_create"),
    path("<int:pk>/inspections/new/", views.inspection_create, name="inspection_create"),
    path("<int:pk>/inspections/import/", views.inspection_import, name="inspection_import"),
    path("<int:pk>/documents/<str:name>/", views.contract_document, name="contract_document"),
    path("<int:pk>/sheets/<str:kind>/", views.contract_blank_inspection, name="contract_blank_inspection"),
    path("reports/<int:pk>/document/", views.report_document, name="report_document"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views.inspection_edit, name="inspection_edit"),
    path("inspections/<int:pk>/follow-up/", views.inspection_follow_up, name="inspection_follow_up"),
    path("inspections/<int:pk>/attachment/", views.inspection_attachment, name="inspection_attachment"),
    path("inspections/<int:pk>/document.<str:fmt>", views.inspection_document, name="inspection_document"),
    path("contractors/", views.contractor_list, name="contractor_list"),
    path("contractors/new/", views.contractor_create, name="contractor_create"),
    path("contractors/<int:pk>/", views.contractor_detail, name="contractor_detail"),
    path("contractors/<int:pk>/edit/", views.contractor_edit, name="contractor_edit"),
]
