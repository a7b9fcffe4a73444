from django.contrib import admin
from django.urls import include, path

from agreements.views import home

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("agreements.api.urls")),
]
