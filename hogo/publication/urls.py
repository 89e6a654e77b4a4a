from django.urls import path

from hogo.publication import views

app_name = "publication"
urlpatterns = [
    path("", views.check_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.check_detail, name="detail"),
    path("<int:pk>/complete/", views.complete, name="complete"),
    path("<int:pk>/masked/", views.download_masked, name="masked"),
    path("findings/<int:pk>/decide/", views.decide, name="decide"),
]
