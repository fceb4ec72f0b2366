"""System checks name each missing or wrong comment setting."""

from django.test import override_settings

from avp_wagtail.comments.checks import check_comment_settings


def _ids():
    return [(error.id, error.msg) for error in check_comment_settings()]


def test_example_site_configuration_passes():
    assert _ids() == []


@override_settings(COMMENTS_XTD_SALT=b"")
def test_missing_salt_is_an_error():
    assert [e for e in _ids() if e[0] == "avp_comments.E005"]


@override_settings(COMMENTS_XTD_MODEL="django_comments_xtd.models.XtdComment")
def test_wrong_model_is_named():
    assert any("COMMENTS_XTD_MODEL" in msg for _, msg in _ids())


@override_settings(COMMENTS_XTD_THREADED_EMAILS=True)
def test_threaded_emails_are_refused():
    assert any("COMMENTS_XTD_THREADED_EMAILS" in msg for _, msg in _ids())


def test_missing_comment_urls_are_named_by_the_checks(settings):
    """Without the app's URLs every page with a discussion would be a server error."""
    from avp_wagtail.comments.checks import check_comment_urls

    assert check_comment_urls() == []
    settings.ROOT_URLCONF = "tests.urls_without_comments"
    (error,) = check_comment_urls()
    assert error.id == "avp_comments.E008"
    assert 'include("avp_wagtail.comments.urls")' in error.hint
