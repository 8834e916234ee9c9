"""Forms: registration, article submission, an analyst's correction."""

from __future__ import annotations

import socket
from urllib.parse import urlparse

from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.core.validators import URLValidator

from detente.ingest.fetch import SCHEMES, PrivateAddressError, public_addresses

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class RegisterForm(UserCreationForm):
    email = forms.EmailField(required=True, help_text="Used only for password resets.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")


def is_public_url(url: str) -> bool:
    """True when every address the URL's host resolves to is a public one (no fetching of
    the server's own network: loopback, private, link-local or reserved addresses).
    An early, friendly check: the fetch itself checks every address it connects to."""
    host = urlparse(url).hostname
    if not host:
        return False
    try:
        return bool(public_addresses(host, None))
    except (PrivateAddressError, socket.gaierror, UnicodeError, ValueError):
        return False


class HTTPURLField(forms.URLField):
    """A URL field that accepts http and https only (Django's default also takes ftp and ftps)."""

    default_validators = [URLValidator(schemes=list(SCHEMES))]


class SubmitForm(forms.Form):
    title = forms.CharField(max_length=300, required=False)
    date = forms.DateField(required=False, help_text="Publication date, YYYY-MM-DD (relative dates resolve against it)")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(required=False, help_text="A .txt or .html file")
    url = HTTPURLField(required=False, assume_scheme="https")

    def clean_text(self):
        text = self.cleaned_data.get("text") or ""
        limit = settings.DETENTE_OPTIONS.submit_max_chars
        if len(text) > limit:
            raise forms.ValidationError(f"The text is longer than {limit:,} characters; submit a shorter one.")
        return text

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB.")
        return upload

    def clean_url(self):
        url = self.cleaned_data.get("url")
        if url and not is_public_url(url):
            raise forms.ValidationError("Only pages on the public internet can be fetched.")
        return url

    def clean(self):
        data = super().clean()
        given = [name for name in ("text", "file", "url") if data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError("Give exactly one of: pasted text, a file, or a URL.")
        return data


class CorrectionForm(forms.Form):
    """An analyst's correction: any of a new code, source, target or date (empty = unchanged)."""

    cameo = forms.RegexField(regex=r"^\d{2,4}$", max_length=4, label="CAMEO code", required=False,
                             error_messages={"invalid": "A CAMEO code is 2 to 4 digits, e.g. 111."})
    source = forms.CharField(max_length=200, required=False,
                             help_text="A country (RUS, Turkey), an actor code (TURGOV) or a stored name")
    target = forms.CharField(max_length=200, required=False)
    date = forms.CharField(max_length=30, required=False, help_text="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
    note = forms.CharField(max_length=500, required=False)

    CHANGES = ("cameo", "source", "target", "date")

    def clean(self):
        data = super().clean()
        if not self.errors and not any((data.get(name) or "").strip() for name in self.CHANGES):
            raise forms.ValidationError("Give a new CAMEO code, source, target or date.")
        return data

    def changes(self) -> dict:
        """The keyword arguments of ``store.corrections.correct_event`` (only what was given)."""
        data = self.cleaned_data
        given = {name: (data.get(name) or "").strip() or None for name in self.CHANGES}
        return {"code": given["cameo"], "source": given["source"], "target": given["target"],
                "date": given["date"], "note": data.get("note", "")}


class RejectForm(forms.Form):
    note = forms.CharField(max_length=500, required=False)
