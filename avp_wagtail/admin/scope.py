"""Keeping each municipality's editors to their own pages when one install serves several.

Wagtail's page permissions already limit the page explorer. The AVP admin views that list
rows across pages (the dashboard panel, the action items report, expressions of interest,
resident comments) use ``Scope``: on an installation with more than one site, a user sees
only rows that belong to pages the user holds a page permission on (add, edit, publish,
...). Superusers see everything, and so does everyone on a single-site installation (one
municipality: nothing to keep apart).
"""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db.models import CharField, Q, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail.admin.views.pages import bulk_actions
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

PAGE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def permitted_pages(user):
    """Pages the user holds a page permission on (with everything below them)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, PAGE_ACTIONS)


def several_sites():
    """Whether the installation serves more than one site (from Wagtail's cached roots)."""
    return len({root.site_id for root in Site.get_site_root_paths()}) > 1


def unrestricted(user):
    """Superuser, or single-site install (fetched once per request's user object)."""
    value = getattr(user, "_avp_unrestricted", None)
    if value is None:
        value = user.is_superuser or not several_sites()
        # AnonymousUser and friends may refuse attributes.
        with contextlib.suppress(AttributeError):
            user._avp_unrestricted = value
    return value


def permitted_page_ids(user):
    """``permitted_pages`` as a set of ids (text), fetched once per request's user object."""
    ids = getattr(user, "_avp_permitted_page_ids", None)
    if ids is None:
        ids = {str(pk) for pk in permitted_pages(user).values_list("pk", flat=True)}
        user._avp_permitted_page_ids = ids
    return ids


class Scope:
    """How a model's rows belong to pages: through a page foreign key (``lookup``, e.g.
    "call"), or as comments do, through ``object_pk`` holding the page id as text."""

    def __init__(self, lookup=None, object_pk=False):
        self.lookup = lookup
        self.object_pk = object_pk

    def filter(self, queryset, user):
        if unrestricted(user):
            return queryset
        pages = permitted_pages(user)
        if self.object_pk:
            ids = pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text")
            return queryset.filter(object_pk__in=Subquery(ids))
        return queryset.filter(**{f"{self.lookup}__in": pages.values("pk")})

    def contains(self, instance, user):
        if unrestricted(user):
            return True
        if self.object_pk:
            page_id = instance.object_pk
        elif self.lookup == "pk":
            page_id = instance.pk
        else:
            page_id = getattr(instance, f"{self.lookup}_id")
        return str(page_id) in permitted_page_ids(user)


# Pages themselves (action items, plans): the page is the row.
PAGE_SCOPE = Scope("page_ptr")
# Rows of Wagtail's own Page model (its bulk actions): the row is the page.
WAGTAIL_PAGE_SCOPE = Scope("pk")


class ScopedViewMixin:
    """For Wagtail's generic admin views: listings show, and single-object views open,
    only rows within ``scope`` for the current user (others: permission denied, which
    Wagtail answers with a redirect to the dashboard and an error message).

    Querysets of other models (a history view's log entries, a usage view's references)
    belong to the object the view opened, which ``get_object`` has already checked."""

    scope = None

    def _scope_rows(self, queryset):
        model = getattr(self, "model", None)
        if model is not None and issubclass(queryset.model, model):
            return self.scope.filter(queryset, self.request.user)
        return queryset

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        # A create view's "object" is None (or a new, unsaved instance for its preview).
        if (
            instance is not None
            and instance.pk is not None
            and not self.scope.contains(instance, self.request.user)
        ):
            raise PermissionDenied
        return instance


class _ScopedBaseQueryset:
    def get_base_queryset(self):
        return self._scope_rows(super().get_base_queryset())


class _ScopedQueryset:
    def get_queryset(self, *args, **kwargs):
        return self._scope_rows(super().get_queryset(*args, **kwargs))


def scoped(view_class, scope):
    """``view_class`` limited to ``scope`` (see ``ScopedViewMixin``): its rows
    (``get_base_queryset``, or ``get_queryset`` where the view has no base queryset) and
    the object it opens (``get_object``). A view with none of these cannot be scoped, and
    is refused rather than registered unscoped."""
    if issubclass(view_class, ScopedViewMixin):
        return view_class
    bases = [ScopedViewMixin]
    if hasattr(view_class, "get_base_queryset"):
        bases.insert(0, _ScopedBaseQueryset)
    elif hasattr(view_class, "get_queryset") and not hasattr(view_class, "get_object"):
        # (Where get_object reads get_queryset, its check answers "permission denied"
        # rather than a 404, as for every other object view.)
        bases.insert(0, _ScopedQueryset)
    elif not hasattr(view_class, "get_object"):
        raise ImproperlyConfigured(
            f"{view_class.__name__} neither lists nor opens rows: admin_scope cannot scope it."
        )
    return type(
        f"Scoped{view_class.__name__}",
        (*bases, view_class),
        {"scope": scope, "__module__": __name__},
    )


class ScopedBulkActionMixin:
    """For bulk actions (Wagtail's ``BulkAction``) on a scoped model: the confirmation page
    and the action itself see only rows within ``scope``; ids of other rows are as absent
    as ids that do not exist (404 when none is left). ``permission_policy`` (if any) must
    grant ``bulk_permission`` at all, or the whole view is a permission error: without it,
    the confirmation page would list the rows the user "has no access to", with their text.
    """

    scope = None
    bulk_permission = "view"

    def dispatch(self, request, *args, **kwargs):
        policy = getattr(self, "permission_policy", None)
        if policy is not None and not policy.user_has_permission(
            request.user, self.bulk_permission
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self, model, object_ids):
        # An instance method on purpose: the base class's classmethod has no request. Every
        # id list passes here, also "select all in listing" (?id=all).
        try:
            rows = model._default_manager.filter(pk__in=list(object_ids))
            return get_list_or_404(self.scope.filter(rows, self.request.user))
        except (ValueError, TypeError, ValidationError) as error:  # ?id=abc
            raise Http404 from error


def limit_page_chooser(pages, request):
    """``construct_page_chooser_queryset`` hook: on a multi-site install, the page chooser
    does not offer another municipality's AVP pages (action items to link from a meeting,
    plans for a block...). Other page types are left as Wagtail shows them."""
    user = request.user
    if unrestricted(user):
        return pages
    # Concrete ids: the chooser's search backend filters on content_type, not on its fields.
    avp_types = list(
        ContentType.objects.filter(app_label="avp_wagtail").values_list("pk", flat=True)
    )
    others = Q(content_type__in=avp_types) & ~Q(pk__in=permitted_pages(user).values("pk"))
    return pages.exclude(others)


def scope_page_bulk_actions():
    """Wagtail's page bulk actions (delete, move, publish, unpublish), kept to the pages the
    user holds a permission on when the install serves several municipalities. Wagtail lists
    the pages of a selection the user may not act on by title: another municipality's draft
    titles, for any admin user who guesses ids. Registered after Wagtail's own (hook order),
    so these replace them."""
    return [
        type(
            action.__name__,
            (ScopedBulkActionMixin, action),
            {"scope": WAGTAIL_PAGE_SCOPE, "__module__": __name__},
        )
        for action in (getattr(bulk_actions, name) for name in bulk_actions.__all__)
    ]


def scope_viewset(scope, chooser=False):
    """Class decorator for a Wagtail ``ModelViewSet``/``SnippetViewSet``: every view class
    the viewset has (each ``*_view_class`` attribute, so a view a later Wagtail adds is
    included) keeps to ``scope``. A snippet viewset's chooser (``/admin/snippets/choose/
    ...``), which Wagtail opens to every admin user, is not registered unless ``chooser``
    says the viewset scopes it itself."""

    def decorate(viewset_class):
        for name in dir(viewset_class):
            view_class = getattr(viewset_class, name, None)
            if name.endswith("_view_class") and isinstance(view_class, type):
                setattr(viewset_class, name, scoped(view_class, scope))
        if not chooser and hasattr(viewset_class, "register_chooser_viewset"):
            viewset_class.register_chooser_viewset = _no_chooser
        viewset_class.scope = scope
        return viewset_class

    return decorate


def _no_chooser(viewset):
    """``register_chooser_viewset`` of a scoped snippet viewset: nothing to choose from."""
