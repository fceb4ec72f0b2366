"""Comment URLs. Include them *outside* ``i18n_patterns``::

path("comments/", include("avp_wagtail.comments.urls")),
"""

from django.urls import path

from avp_wagtail.comments.views.confirmation import confirm_comment
from avp_wagtail.comments.views.flagging import flag_comment
from avp_wagtail.comments.views.posting import post_comment
from avp_wagtail.comments.views.unsubscribe import unsubscribe

app_name = "avp_comments"

urlpatterns = [
    path("post/", post_comment, name="post"),
    path("confirm/<str:token>/", confirm_comment, name="confirm"),
    path("flag/<int:comment_id>/", flag_comment, name="flag"),
    path("unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
]
