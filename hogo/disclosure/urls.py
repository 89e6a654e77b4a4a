from django.urls import path

from hogo.disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("statistics/", views.statistics_view, name="statistics"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_edit, name="edit"),
    path("<int:pk>/pauses/", views.pause_start, name="pause_start"),
    path("pauses/<int:pk>/end/", views.pause_end, name="pause_end"),
    path("<int:pk>/extension/", views.extend, name="extend"),
    path("<int:pk>/special-extension/", views.special_extend, name="special_extend"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/notice.docx", views.decision_notice, name="decision_notice"),
    path("decisions/<int:pk>/appeals/new/", views.appeal_create, name="appeal_create"),
    path("appeals/<int:pk>/edit/", views.appeal_edit, name="appeal_edit"),
    path("<int:pk>/appeals/inaction/", views.inaction_appeal_create, name="inaction_appeal_create"),
    path("appeals/<int:pk>/consultation-notice.docx", views.consultation_notice, name="consultation_notice"),
    path("<int:pk>/third-parties/new/", views.third_party_create, name="third_party_create"),
    path("third-parties/<int:pk>/edit/", views.third_party_edit, name="third_party_edit"),
    path("third-parties/<int:pk>/letter.docx", views.third_party_letter, name="third_party_letter"),
    path("decisions/<int:pk>/execution/", views.execution_edit, name="execution_edit"),
]
