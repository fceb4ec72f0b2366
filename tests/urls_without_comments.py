"""A host's urls.py that forgot the comment URLs (tests/comments/test_checks.py)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
