"""Comment counts of many pages at once: the action plan page's table lists every item's
discussion (its marks and how many residents' comments the municipality has answered) in
two queries, however many items there are."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Min, OuterRef, Q
from wagtail.models import Page

from avp_wagtail.comments.models import AvpComment
from avp_wagtail.comments.threads import MarkCounts, visible


def counts_for_pages(pages):
    """Comment counts per page, keyed by translation key, in two queries for any number of
    pages (the action plan page lists them per item), with how many residents' comments
    the municipality has answered."""
    pages = list(pages)
    if not pages:
        return {}
    roots = dict(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        .order_by()  # Page's default ordering (path) would split each group by language
        .values("translation_key")
        .annotate(root=Min("id"))
        .values_list("translation_key", "root")
    )
    content_types = {ContentType.objects.get_for_model(page) for page in pages}
    # A top-level comment of a resident; answered: a visible official response is in its
    # thread (xtd's thread_id is the top-level comment's id), as CommentThread counts them.
    answerable = Q(level=0, is_official_response=False)
    response_below = visible(AvpComment.objects.all()).filter(
        thread_id=OuterRef("thread_id"), is_official_response=True, level__gt=0
    )
    rows = (
        visible(AvpComment.objects.all())
        .filter(
            content_type__in=content_types,
            object_pk__in=[str(root) for root in roots.values()],
        )
        .order_by()
        .values("object_pk", "mark")
        .annotate(
            n=Count("id"),
            answerable=Count("id", filter=answerable),
            answered=Count("id", filter=answerable & Q(Exists(response_below))),
        )
    )
    by_root = {}
    for row in rows:
        counts = by_root.setdefault(row["object_pk"], MarkCounts(key=f"p{row['object_pk']}"))
        counts.total += row["n"]
        counts.by_mark[row["mark"]] = row["n"]
        counts.answerable += row["answerable"]
        counts.answered += row["answered"]
    return {key: by_root.get(str(root), MarkCounts(key=f"p{root}")) for key, root in roots.items()}
