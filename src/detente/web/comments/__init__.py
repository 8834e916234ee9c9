"""Detente's comments: django-contrib-comments with replies and an edit window.

``COMMENTS_APP = "detente.web.comments"`` makes django_comments use the model
and form returned here.
"""


def get_model():
    # waits for Django: django_comments asks for these once the apps are loaded
    from .models import DetenteComment

    return DetenteComment


def get_form():
    # waits for Django: django_comments asks for these once the apps are loaded
    from .forms import DetenteCommentForm

    return DetenteCommentForm
