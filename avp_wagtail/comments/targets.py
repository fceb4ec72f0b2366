"""Discussions on objects that are not pages: the ``avp_discussion_targets`` protocol.

A page's discussion hangs on the page that holds its translation group's thread
(``threads.thread_page``). Another feature may let residents discuss its own objects (the
ideas app: one discussion per idea) without the comments app importing it: it registers,
under ``avp_discussion_targets`` (``avp_wagtail.core.plugins.DISCUSSION_TARGET_HOOK``), a
*target*: an object with the attributes and methods of :class:`DiscussionTarget` below
(it need not subclass it; the feature may not import this app).

The object is the comments' ``content_object`` (one discussion per object, shared by every
language version of the page that shows it). Everything else comes from its *host page*,
the page whose sub-URL shows the object (an idea: its action plan):

- the Site (municipality), hence the moderation setting (``CommentSettings``), who
  moderates it (a page permission on the host page, as for the host page's own comments),
  the admin's multi-site scope and the erasure scope;
- the language versions a resident may write on (the host page's translations, each
  live and, under a view restriction, passed by the visitor: ``core.visibility``);
- the language of forms, messages and e-mails (of the version she wrote on).

Members of a target:

``model``
    The model class whose rows take discussions.
``get(pk)``
    The object with primary key ``pk`` (text from a form), or None.
``host_page(obj)``
    The specific page hosting ``obj`` (any of its language versions), or None.
``is_shown(obj)``
    Whether the public may see ``obj`` at all (an idea: only once public). A hidden object
    takes no comment and shows no discussion; posting to it answers as for a page that does
    not exist.
``closed_reason(obj)``
    None while ``obj`` takes comments, else a sentence saying why not (its discussion stays
    readable).
``url_on(obj, page_url)``
    The object's URL under the URL of one language version of its host page (relative or
    absolute, as ``page_url`` is).
``title(obj)``
    What e-mails and the admin call it ("you commented on <title>").
``host_ids(pages)``
    A queryset of the ids of the objects hosted by ``pages`` (a page queryset): the
    admin's multi-site scope.
``host_page_of(object_id)``
    An expression (e.g. a ``Subquery``) for the id of the host page of the object whose id
    is ``object_id`` (an ``OuterRef``-based expression of the comment's ``object_pk`` as an
    integer): the erasure scope (``retention.with_host_page``).
``render(obj, page, request)``
    The object's own page on host version ``page`` (a response), used to show a rejected
    comment again, with its text and errors, where it was written.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.models import Page

from avp_wagtail.core.plugins import DISCUSSION_TARGET_HOOK


class DiscussionTarget:
    """The protocol, with the defaults a feature may rely on (see the module docstring)."""

    model: Any = None

    def get(self, pk: Any) -> Any:
        from avp_wagtail.core.cleaning import parse_id

        return self.model._default_manager.filter(pk=parse_id(pk) or 0).first()

    def host_page(self, obj: Any) -> Any:
        raise NotImplementedError

    def is_shown(self, obj: Any) -> bool:
        return True

    def closed_reason(self, obj: Any) -> Any:
        return None

    def url_on(self, obj: Any, page_url: str) -> str:
        raise NotImplementedError

    def title(self, obj: Any) -> str:
        return str(obj)

    def host_ids(self, pages: Any) -> Any:
        raise NotImplementedError

    def host_page_of(self, object_id: Any) -> Any:
        raise NotImplementedError

    def render(self, obj: Any, page: Any, request: Any) -> Any:
        raise NotImplementedError


def all_targets() -> list[Any]:
    """Every registered target (read from the hook registry each time: cheap)."""
    targets = hooks.get_hooks(DISCUSSION_TARGET_HOOK)
    for target in targets:
        _announce(target.model)
    return targets


def target_for_model(model: Any) -> Any:
    """The target registered for ``model`` (a class or instance), or None (pages too)."""
    if model is None:
        return None
    if not isinstance(model, type):
        model = type(model)
    if issubclass(model, Page):
        return None
    for target in all_targets():
        if issubclass(model, target.model):
            return target
    return None


def target_for_content_type(content_type_id: Any) -> Any:
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, TypeError, ValueError, OverflowError):
        return None
    return target_for_model(model)


def target_content_types() -> list[ContentType]:
    """The content types of the registered targets' models (no query once cached)."""
    return [ContentType.objects.get_for_model(target.model) for target in all_targets()]


def host_page(holder: Any) -> Any:
    """The page a discussion holder belongs to: the page itself, or an object's host page
    (None for an object of no registered target)."""
    if holder is None or isinstance(holder, Page):
        return holder
    target = target_for_model(holder)
    return target.host_page(holder) if target is not None else None


# Functions called once for each target's model when the targets are first read
# (``apps.AvpCommentsConfig.ready`` adds the one that deletes an object's discussion with
# the object: ``retention.connect_deletion``).
_model_callbacks: list[Any] = []
_seen_models: set[Any] = set()


def on_target_model(callback: Any) -> None:
    """Call ``callback(model)`` for each target's model once the targets are read."""
    _model_callbacks.append(callback)
    for model in _seen_models:
        callback(model)


def _announce(model: Any) -> None:
    if model in _seen_models:
        return
    _seen_models.add(model)
    for callback in _model_callbacks:
        callback(model)
