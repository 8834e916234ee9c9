"""`detente serve` and `detente demo`: options, and finding the samples."""

from __future__ import annotations

import json

import pytest

from detente.cli import build_parser
from detente.cli.serve import check_server_options
from detente.errors import InputError, OptionError
from detente.ingest import iter_articles
from detente.web import demo


@pytest.mark.parametrize("argv,expected", [
    (["serve"], ("127.0.0.1", 8000, 8)),
    (["serve", "--host", "0.0.0.0", "--port", "8080", "--threads", "4"], ("0.0.0.0", 8080, 4)),
    (["demo", "--port", "9000"], ("127.0.0.1", 9000, 8)),
])
def test_server_options_parse(argv, expected):
    args = build_parser().parse_args(argv)
    assert (args.host, args.port, args.threads) == expected


@pytest.mark.parametrize("argv", [["serve", "--port", "0"], ["serve", "--port", "70000"], ["demo", "--threads", "0"]])
def test_bad_server_options_are_refused(argv):
    with pytest.raises(OptionError):
        check_server_options(build_parser().parse_args(argv))


def test_demo_sources_carry_the_index_dates(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Text A.")
    (articles / "b.txt").write_text("Text B.")
    (articles / "index.jsonl").write_text(json.dumps({"file": "a.txt", "date": "2020-10-20", "title": "A"}) + "\n")
    (tmp_path / "corpus.jsonl").write_text("")
    sources = demo.demo_sources(tmp_path)
    assert [(s.path.rsplit("/", 1)[-1], s.date, s.title) for s in sources] == [
        ("a.txt", "2020-10-20", "A"), ("b.txt", None, ""), ("corpus.jsonl", None, "")]


@pytest.mark.db
@pytest.mark.django_db
def test_stored_sample_gets_the_title_and_source_of_its_index(tmp_path, options):
    from detente.model import Article as Text
    from detente.store.writing import store_analysis

    path = tmp_path / "a.txt"
    path.write_text("Ankara and Moscow talked again.\n")
    article = next(iter_articles(str(path), options))
    stored = store_analysis(Text(text=article.text), []).article
    demo.label_article(options, demo.DemoSource(str(path), None, "Talks resume", "samples"))
    stored.refresh_from_db()
    assert (stored.title, stored.source) == ("Talks resume", "samples")


def test_missing_samples_give_an_error_that_says_where_to_run(monkeypatch, tmp_path):
    import detente

    monkeypatch.setattr(detente, "__file__", str(tmp_path / "a" / "b" / "detente" / "__init__.py"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="pip install -e"):
        demo.samples_dir()


@pytest.mark.db
@pytest.mark.django_db
def test_demo_staff_user_is_staff_with_the_printed_password():
    from django.contrib.auth.models import User

    name, password = demo.create_staff_user("demo-analyst")
    user = User.objects.get(username=name)
    assert user.is_staff and user.check_password(password)


@pytest.mark.db
@pytest.mark.django_db
@pytest.mark.parametrize(("path", "status"), [
    ("/admin/", 200), ("/admin/detente_comments/detentecomment/?flagged=yes", 200),
    ("/admin/store/event/", 200), ("/admin/store/article/", 200), ("/admin/detente_comments/detentecommentflag/", 200),
    ("/admin/auth/user/", 403), ("/admin/auth/group/", 403)])
def test_demo_staff_user_opens_the_moderation_queue_the_docs_point_to(client, path, status):
    name, password = demo.create_staff_user("demo-analyst")
    response = client.post("/admin/login/", {"username": name, "password": password, "next": "/admin/"})
    assert response.status_code == 302
    assert client.get(path).status_code == status


@pytest.mark.db
@pytest.mark.django_db
def test_demo_staff_user_can_hide_a_flagged_comment_from_the_admin(client):
    from django.contrib.contenttypes.models import ContentType

    from detente.web.comments.models import DetenteComment

    from .seed import seed_site

    site = seed_site()
    article = site["rivalry"]
    comment = DetenteComment.objects.create(content_type=ContentType.objects.get_for_model(article),
                                            object_pk=str(article.pk), site_id=1, comment="Spam.")
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username=demo.create_staff_user("demo-analyst")[0]))
    client.post("/admin/detente_comments/detentecomment/", {"action": "hide_comments", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.is_public is False
