from django.urls import path

from hogo.records import views

app_name = "records"
urlpatterns = [
    path("", views.index, name="index"),
    path("series/new/", views.series_create, name="series_create"),
    path("series/<int:pk>/", views.series_detail, name="series_detail"),
    path("series/<int:pk>/edit/", views.series_edit, name="series_edit"),
    path("files/new/", views.file_create, name="file_create"),
    path("files/import/", views.file_import, name="file_import"),
    path("files/<int:pk>/", views.file_detail, name="file_detail"),
    path("files/<int:pk>/edit/", views.file_edit, name="file_edit"),
    path("files/<int:pk>/holds/", views.hold_add, name="hold_add"),
    path("disposals/new/", views.disposal_create, name="disposal_create"),
    path("disposals/<int:pk>/", views.disposal_detail, name="disposal_detail"),
    path("disposals/<int:pk>/files/", views.disposal_files, name="disposal_files"),
    path("disposals/<int:pk>/propose/", views.disposal_propose, name="disposal_propose"),
    path("disposals/<int:pk>/approve/", views.disposal_approve, name="disposal_approve"),
    path("disposals/<int:pk>/return/", views.disposal_return, name="disposal_return"),
    path("disposals/<int:pk>/privacy-check/", views.disposal_privacy_check, name="disposal_privacy_check"),
    path("disposals/<int:pk>/record/", views.disposal_record, name="disposal_record"),
    path("disposals/<int:pk>/certificate/", views.disposal_certificate, name="disposal_certificate"),
    path("holding/new/", views.holding_create, name="holding_create"),
    path("holding/<int:pk>/", views.holding_detail, name="holding_detail"),
    path("holding/<int:pk>/edit/", views.holding_edit, name="holding_edit"),
    path("holding/<int:pk>/destroy/", views.holding_destroy, name="holding_destroy"),
    path("media/new/", views.medium_create, name="medium_create"),
    path("media/<int:pk>/", views.medium_detail, name="medium_detail"),
    path("media/<int:pk>/edit/", views.medium_edit, name="medium_edit"),
    path("media/<int:pk>/take-out/", views.medium_take_out, name="medium_take_out"),
    path("media/<int:pk>/lost/", views.medium_lost, name="medium_lost"),
    path("media/<int:pk>/incident/", views.medium_link_incident, name="medium_link_incident"),
    path("carryouts/<int:pk>/return/", views.carryout_return, name="carryout_return"),
    path("report/", views.report, name="report"),
]
