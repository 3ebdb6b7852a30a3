from newsdesk.domain.article import Article, Source
from newsdesk.domain.diff import content_diff, word_diff
from newsdesk.domain.text import read_minutes, read_time_label, slugify, word_count
from newsdesk.domain.validation import check_article, check_url


def test_570_words_read_as_four_minutes_like_the_site():
    assert read_time_label(570) == "4 Min Read"
    assert read_minutes(1) == 1
    assert read_minutes(0) == 0
    assert read_minutes(600, words_per_minute=200) == 3


def test_word_count_in_arabic_latin_and_mixed_text():
    assert word_count("The trial of the captain began.") == 6
    assert word_count("قال المسؤول، إن المفاوضات؛ مستمرة؟ نعم") == 6
    assert word_count("وقال: data sharing mechanism") == 4
    assert word_count("don't stop — well-known  words") == 4
    assert word_count("![a photo](photo:1234) Two words [link](https://x.org/a)") == 3
    assert word_count("") == 0


def test_diacritics_never_split_a_word():
    assert word_count("تُعقد الجولة المقبلة") == 3  # damma
    assert word_count("مُحَمَّد") == 1  # harakat and shadda
    assert word_count("العـــربية") == 1  # tatweel
    assert word_count("e\u0301cole naïve") == 2  # decomposed and composed accents


def test_slug_keeps_any_script():
    assert slugify("Port talks resume, as fuel runs out!") == "port-talks-resume-as-fuel-runs-out"
    assert slugify("مفاوضات جديدة") == "مفاوضات-جديدة"


def test_word_diff_chunks_join_back_into_both_texts():
    old, new = "The talks resume on Monday.", "The talks resumed late on Monday."
    chunks = word_diff(old, new)
    assert "".join(c.text for c in chunks if c.op != "insert") == old
    assert "".join(c.text for c in chunks if c.op != "delete") == new
    assert ("delete", "resume") in [(c.op, c.text) for c in chunks]


def test_content_diff_covers_every_changed_field():
    a = Article(headline="A", tags=["x"], sources=[Source("S")]).content()
    b = dict(a, headline="B", tags=["x", "y"])
    assert set(content_diff(a, b)) == {"headline", "tags"}


def test_validation_speaks_in_words_and_changes_nothing():
    article = Article(headline="", standfirst="s" * 300, sources=[Source("X", url="ftp//bad")])
    before = article.content()
    problems = {p.field: p.message for p in check_article(article, standfirst_limit=250)}
    assert problems["headline"] == "The headline is empty."
    assert "300 characters; the limit is 250" in problems["standfirst"]
    assert "http://" in problems["sources[0].url"]
    assert article.content() == before
    assert check_url("https://www.haaretz.com/x") is None
    assert check_url("https://nohost") is not None
    assert check_url("") is None
