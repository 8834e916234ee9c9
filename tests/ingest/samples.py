"""Texts, pages and feeds written for the ingestion and CLI tests."""

ARTICLE_TEXT = (
    "The friendship between the two presidents turned into open rivalry over several wars, "
    "according to diplomats who followed the talks for years.\n\n"
    "Back in 2015 the air force of one shot down a bomber of the other near the border, "
    "and the answer came as sanctions on tomatoes and tourism."
)

PAGE = """<!DOCTYPE html><html><head><title>Two capitals drift apart | The Daily Observer</title>
<meta property="og:title" content="Two capitals drift apart">
<meta property="article:published_time" content="2020-10-20T08:00:00Z">
<link rel="canonical" href="https://observer.example.org/world/two-capitals">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article><h1>Two capitals drift apart</h1>
<p>The friendship between the two presidents turned into open rivalry over several wars,
according to diplomats who followed the talks closely for many years.</p>
<p>Back in 2015 the air force of one shot down a bomber of the other near the border,
and the answer came as sanctions on tomatoes and tourism.</p>
<p>The following year the two leaders reconciled, and daily phone calls resumed between
the capitals as a new pipeline was agreed.</p>
<div class="share">Share on Facebook Share on Twitter</div>
</article>
<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment">
<div class="comment-author">reader42 says:</div>
<p>Great article, the author is right about every single thing said here!</p></li></ol></div>
<section class="comments"><h3>Leave a comment</h3>
<p>You must login or register to add a new comment.</p></section>
<footer>Copyright 2020 The Daily Observer. All rights reserved.</footer>
</body></html>
"""

MENU_PAGE = """<html><head><title>Index</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<footer>Copyright 2020 The Daily Observer</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Observer World</title><link>http://example.org/</link>
<description>World news</description>
<item><title>Ministers meet in Geneva</title><link>http://example.org/a/1</link>
<pubDate>Tue, 20 Oct 2020 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The foreign ministers met in Geneva and agreed to &lt;b&gt;resume&lt;/b&gt; talks on the
disputed border next month.&lt;/p&gt;</description></item>
<item><title>Empty entry</title><link>http://example.org/a/2</link>
<pubDate>Wed, 21 Oct 2020 08:00:00 GMT</pubDate><description></description></item>
<item><title>Troops withdraw</title><link>http://example.org/a/3</link>
<pubDate>Thu, 22 Oct 2020 09:30:00 GMT</pubDate>
<description>The troops withdrew from the northern province after the ceasefire took hold.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Observer Atom</title>
<id>urn:uuid:observer</id><updated>2021-03-05T10:00:00Z</updated>
<entry><title>Envoys trade accusations</title><id>urn:uuid:1</id>
<link href="http://example.org/b/1"/><published>2021-03-04T10:00:00Z</published>
<updated>2021-03-05T10:00:00Z</updated>
<content type="html">&lt;p&gt;The two envoys accused each other of breaking the truce.&lt;/p&gt;
&lt;p&gt;Share on Facebook&lt;/p&gt;</content></entry>
</feed>
"""
