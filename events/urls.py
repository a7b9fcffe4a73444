"""Public pages about events (under a language prefix)."""

from django.urls import path

from events import views

urlpatterns = [
    path("events/", views.event_list, name="event-list"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
]
