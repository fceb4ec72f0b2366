import ast
import functools
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from demo.builder import build_demo


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo(db):
    """The demo programme page, with everything under it built by ``load_demo``: only for
    tests of the demo itself. Other tests build their data with ``tests.factories``."""
    return build_demo(translate=False)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.ee", "pw")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (the comment rate limit counts in it)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def english_ui():
    """The test runs with English active, for modules that check messages in English
    (Django's own validators speak the active language); a module asks for it with
    ``pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_ui")]``."""
    with translation.override("en"):
        yield


# -- the core without the optional comments app (config.settings.test_core) ---------------
# A test needs the comments app when it lives in tests/comments/, when its module imports the
# app at module level (avp_wagtail.comments, django_comments...), when its own source names
# the app (a function-local import, a reverse("avp_comments:...")) or a helper from
# tests/comments/ (directly or through a helper of its module), or when it is marked
# ``@pytest.mark.comments``. Every such test carries the ``comments`` marker (``-m comments``
# selects them) and runs in the normal configuration; with the comments app absent
# (scripts/test_core.sh) their modules are not even imported and the marked tests are skipped.
COMMENTS_INSTALLED = apps.is_installed("avp_wagtail.comments")
_NAMES_COMMENTS = ("avp_wagtail.comments", "django_comments", "avp_comments:")
COMMENT_TESTS = Path(__file__).parent / "comments"


def _names_comments(text):
    return any(name in text for name in _NAMES_COMMENTS)


@functools.cache
def _module_needs_comments(path):
    """tests/comments/ and modules importing the comments app at module level."""
    path = Path(path)
    if path == COMMENT_TESTS or COMMENT_TESTS in path.parents:
        return True
    if path.suffix != ".py" or not path.is_file():
        return False
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Import | ast.ImportFrom) and _names_comments(ast.unparse(node))
        for node in tree.body
    )


@functools.cache
def _comment_helpers(path):
    """Names a module imports from tests/comments/ (helpers that post or read comments), and
    its own helper functions that use them."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tests.comments"):
            names.update(alias.asname or alias.name for alias in node.names)
    helpers = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("test_")
    ]
    changed = bool(names)
    while changed:
        changed = False
        for node in helpers:
            used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            if node.name not in names and used & names:
                names.add(node.name)
                changed = True
    return frozenset(names)


def _test_needs_comments(item):
    if _module_needs_comments(item.path) or item.get_closest_marker("comments"):
        return True
    function = getattr(item, "function", None)
    try:
        source = inspect.getsource(function) if function is not None else ""
    except (OSError, TypeError):
        return False
    if _names_comments(source):
        return True
    helpers = _comment_helpers(item.path) if item.path.suffix == ".py" else ()
    return any(re.search(rf"\b{re.escape(name)}\b", source) for name in helpers)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "comments: needs the optional comments app (skipped without it)"
    )


def pytest_ignore_collect(collection_path, config):
    if not COMMENTS_INSTALLED and _module_needs_comments(collection_path):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _test_needs_comments(item):
            item.add_marker(pytest.mark.comments)
            if not COMMENTS_INSTALLED:
                item.add_marker(pytest.mark.skip(reason="needs the comments app (test_core)"))
