"""django-comments' own posting signals, sent by our posting and confirmation views.

Our views replace django-comments(-xtd)'s (see docs/comments.md, "Which parts of
django-comments-xtd we use"), but keep their documented extension points: before a comment
is stored, ``comment_will_be_posted`` (a receiver returning False refuses the comment; a
``CommentModerator`` registered with ``django_comments.moderation.moderator`` may keep it
unpublished), after it, ``comment_was_posted``. Both are sent with the comment model as
sender, never xtd's ``TmpXtdComment``, so xtd's own confirmation e-mail is not triggered.
"""

from django_comments.signals import comment_was_posted, comment_will_be_posted


def will_be_posted(comment, request):
    """Whether every receiver of ``comment_will_be_posted`` lets ``comment`` be stored."""
    responses = comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    return all(response is not False for _receiver, response in responses)


def was_posted(comment, request):
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
