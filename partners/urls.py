"""Public pages about partner organizations and people (under a language prefix)."""

from django.urls import path

from partners import views

urlpatterns = [
    path("partners/", views.organization_list, name="organization-list"),
    path("partners/<slug:slug>/", views.organization_detail, name="organization-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
