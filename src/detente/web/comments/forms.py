"""The comment form: the author comes from the session, replies name a parent."""

from __future__ import annotations

import warnings

from django import forms

with warnings.catch_warnings():
    # django_comments declares forms.URLField without assume_scheme (Django 5.2 warns about
    # the coming default); Detente hides that field, so the scheme never matters.
    warnings.filterwarnings("ignore", message="The default scheme will be changed", category=DeprecationWarning)
    from django_comments.forms import CommentForm

from .models import DetenteComment


class DetenteCommentForm(CommentForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, target_object, data=None, initial=None, **kwargs):
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        for name in ("name", "email", "url"):
            self.fields[name].required = False
            self.fields[name].widget = forms.HiddenInput()
        self.fields["comment"].label = "Comment (Markdown or plain text)"

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = DetenteComment.objects.filter(pk=parent_id, object_pk=str(self.target_object.pk)).first()
        if parent is None:
            raise forms.ValidationError("The comment you reply to does not exist on this page.")
        return parent.parent or parent  # replies nest one level: a reply to a reply joins its thread

    def get_comment_model(self):
        return DetenteComment

    def get_comment_create_data(self, site_id=None):
        data = super().get_comment_create_data(site_id=site_id)
        data["parent"] = self.cleaned_data.get("parent")
        return data


class CommentEditForm(forms.ModelForm):
    class Meta:
        model = DetenteComment
        fields = ["comment"]
        labels = {"comment": "Comment (Markdown or plain text)"}
