from django.urls import path

from hogo.registers import views

app_name = "registers"

urlpatterns = [
    path("", views.index, name="index"),
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/new/<str:criterion>/", views.review_create, name="review_create"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("files/", views.register_list, {"kind": "files"}, name="file_list"),
    path("files/new/", views.register_create, {"kind": "files"}, name="file_create"),
    path("files/<int:pk>/", views.register_detail, {"kind": "files"}, name="file_detail"),
    path("files/<int:pk>/edit/", views.register_edit, {"kind": "files"}, name="file_edit"),
    path("activities/", views.register_list, {"kind": "activities"}, name="activity_list"),
    path("activities/new/", views.register_create, {"kind": "activities"}, name="activity_create"),
    path("activities/<int:pk>/", views.register_detail, {"kind": "activities"}, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.register_edit, {"kind": "activities"}, name="activity_edit"),
    path("uses/", views.register_list, {"kind": "uses"}, name="use_list"),
    path("uses/new/", views.register_create, {"kind": "uses"}, name="use_create"),
    path("uses/<int:pk>/", views.register_detail, {"kind": "uses"}, name="use_detail"),
    path("uses/<int:pk>/edit/", views.register_edit, {"kind": "uses"}, name="use_edit"),
    path("export/<str:kind>.xlsx", views.export, name="export"),
    path("import/", views.import_view, name="import"),
    path("import/<int:job>/", views.import_result, name="import_result"),
    path("reports/reviews/", views.review_report_view, name="review_report"),
    path("reports/reviews/download.<str:fmt>", views.review_report_download, name="review_report_download"),
    path("reports/registers/", views.register_report_view, name="register_report"),
    path("reports/registers/download.<str:fmt>", views.register_report_download, name="register_report_download"),
    path("reports/issue/<str:kind>/", views.issue_report, name="issue_report"),
    path("reports/issued/", views.issued_list, name="issued_list"),
    path("reports/issued/<int:pk>.<str:fmt>", views.issued_download, name="issued_download"),
    path("public/files/", views.public_files, name="public_files"),
]
