"""Keeping each municipality's editors to their own pages when one install serves several.

Wagtail's page permissions already limit the page explorer. The AVP admin views that list
rows across pages (the dashboard panel, the action items report, expressions of interest,
resident comments) use ``Scope``: on an installation with more than one site, a user sees
only rows that belong to pages the user holds a page permission on (add, edit, publish,
...). Superusers see everything, and so does everyone on a single-site installation (one
municipality: nothing to keep apart).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Subquery
from django.db.models.functions import Cast

PAGE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def permitted_pages(user):
    """Pages the user holds a page permission on (with everything below them)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().instances_user_has_any_permission_for(user, PAGE_ACTIONS)


def several_sites():
    """Whether the installation serves more than one site (from Wagtail's cached roots)."""
    from wagtail.models import Site

    return len({root.site_id for root in Site.get_site_root_paths()}) > 1


def unrestricted(user):
    return user.is_superuser or not several_sites()


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
        else:
            page_id = getattr(instance, f"{self.lookup}_id")
        return str(page_id) in permitted_page_ids(user)


# Pages themselves (action items, plans): the page is the row.
PAGE_SCOPE = Scope("page_ptr")


class ScopedViewMixin:
    """For Wagtail's generic admin views: listings show, and single-object views open,
    only rows within ``scope`` for the current user (others: permission denied, which
    Wagtail answers with a redirect to the dashboard and an error message)."""

    scope = None

    def get_base_queryset(self):
        return self.scope.filter(super().get_base_queryset(), self.request.user)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.scope.contains(instance, self.request.user):
            raise PermissionDenied
        return instance


def scoped(view_class, scope):
    """``view_class`` limited to ``scope`` (see ``ScopedViewMixin``)."""
    return type(f"Scoped{view_class.__name__}", (ScopedViewMixin, view_class), {"scope": scope})


def limit_page_chooser(pages, request):
    """``construct_page_chooser_queryset`` hook: on a multi-site install, the page chooser
    does not offer another municipality's AVP pages (action items to link from a meeting,
    plans for a block...). Other page types are left as Wagtail shows them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    user = request.user
    if unrestricted(user):
        return pages
    # Concrete ids: the chooser's search backend filters on content_type, not on its fields.
    avp_types = list(
        ContentType.objects.filter(app_label="avp_wagtail").values_list("pk", flat=True)
    )
    others = Q(content_type__in=avp_types) & ~Q(pk__in=permitted_pages(user).values("pk"))
    return pages.exclude(others)


SCOPED_VIEWS = (
    "index_view_class",
    "edit_view_class",
    "delete_view_class",
    "inspect_view_class",
    "history_view_class",
    "usage_view_class",
)


def scope_viewset(scope):
    """Class decorator for a Wagtail ``ModelViewSet``/``SnippetViewSet``: every view that
    lists or opens rows keeps to ``scope``."""

    def decorate(viewset_class):
        for name in SCOPED_VIEWS:
            view_class = getattr(viewset_class, name, None)
            if view_class is not None:
                setattr(viewset_class, name, scoped(view_class, scope))
        return viewset_class

    return decorate
