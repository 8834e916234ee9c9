"""Forms: registration, article submission, an analyst's correction."""

from __future__ import annotations

import socket
from urllib.parse import urlparse

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User

from detente.ingest.fetch import is_public_address

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
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(is_public_address(a) for a in addresses)


class SubmitForm(forms.Form):
    title = forms.CharField(max_length=300, required=False)
    date = forms.DateField(required=False, help_text="Publication date, YYYY-MM-DD (relative dates resolve against it)")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(required=False, help_text="A .txt or .html file")
    url = forms.URLField(required=False, assume_scheme="https")

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
    cameo = forms.RegexField(regex=r"^\d{2,4}$", max_length=4, label="CAMEO code",
                             error_messages={"invalid": "A CAMEO code is 2 to 4 digits, e.g. 111."})
    note = forms.CharField(max_length=500, required=False)


class RejectForm(forms.Form):
    note = forms.CharField(max_length=500, required=False)
