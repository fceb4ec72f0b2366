"""Comment URLs. Include them *outside* ``i18n_patterns``::

path("comments/", include("avp_wagtail.comments.urls")),
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from avp_wagtail.comments.views.confirmation import confirm_comment
from avp_wagtail.comments.views.flagging import flag_comment
from avp_wagtail.comments.views.posting import post_comment
from avp_wagtail.comments.views.unsubscribe import unsubscribe

app_name = "avp_comments"

# Every answer here is one person's (a form with her CSRF token, her link's token): never
# kept by a shared cache (docs/deployment.md, "A CDN or caching proxy").
urlpatterns = [
    path("post/", never_cache(post_comment), name="post"),
    path("confirm/<str:token>/", never_cache(confirm_comment), name="confirm"),
    path("flag/<int:comment_id>/", never_cache(flag_comment), name="flag"),
    path("unsubscribe/<str:token>/", never_cache(unsubscribe), name="unsubscribe"),
]
