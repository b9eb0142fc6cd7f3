"""Source readers registered by file suffix: the two built in, and a third format as one more class."""
from __future__ import annotations

import datetime as dt

import pytest

from hawal import readers
from hawal.readers import MarkdownReader, Reader, WireReader, reader_for, register_reader, source_suffixes
from hawal.sources import Article, SourceLoader, SourceLoadError, _Invalid, folder_date, load_sources


def test_markdown_and_wire_copy_are_two_readers_by_suffix(tmp_path):
    assert source_suffixes() == (".md", ".markdown", ".txt")
    assert isinstance(reader_for(tmp_path / "a.md"), MarkdownReader)
    assert isinstance(reader_for(tmp_path / "a.markdown"), MarkdownReader)
    assert isinstance(reader_for(tmp_path / "a.txt"), WireReader)
    with pytest.raises(_Invalid, match=r"no reader for \.rst files \(sources are \.md, \.markdown, \.txt\)"):
        reader_for(tmp_path / "a.rst")


def test_a_suffix_has_one_reader():
    class Other(Reader):
        suffixes = (".md",)

    with pytest.raises(ValueError, match=r"\.md files already have a reader: MarkdownReader"):
        register_reader(Other)
    assert isinstance(readers.READERS[".md"], MarkdownReader)


class NoteReader(Reader):
    """A made-up format: the headline on the first line, the body after a blank line."""

    suffixes = (".note",)
    kind = "note"

    def read(self, loader, path, rel, text, translations, default_date=None) -> Article:
        title, _, body = text.partition("\n\n")
        if not body.strip():
            raise _Invalid(1, "a note needs a body after a blank line")
        lang = loader.language({}, body, 3)
        day = folder_date(rel) or default_date
        return Article(path=rel, slug=path.stem, lang=lang, date=day,
                       published=dt.datetime(day.year, day.month, day.day, tzinfo=loader.timezone),
                       title=title.strip(), body=body.strip(), body_line=3, kind=self.kind,
                       translations=translations)


@pytest.fixture
def note_reader():
    register_reader(NoteReader)
    try:
        yield
    finally:
        for suffix in NoteReader.suffixes:
            readers.READERS.pop(suffix)


def test_a_third_format_is_one_more_class(note_reader, make_project):
    config = make_project({
        "2026/11/24/bridge.note": "Bridge reopens\n\nThe old bridge in Zakho reopened to traffic on Tuesday morning.\n",
        "2026/11/24/bridge.ar.md": "---\ntitle: إعادة فتح الجسر\n---\nأعيد فتح الجسر القديم في زاخو أمام حركة المرور صباح الثلاثاء.\n",
        "2026/11/24/empty.note": "Nothing here\n",
    })
    result = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    [article] = result.articles
    assert (article.kind, article.lang, article.title, article.date) == ("note", "en", "Bridge reopens",
                                                                          dt.date(2026, 11, 24))
    assert [t.lang for t in article.translations] == ["ar"]          # an editor's translation finds a .note original
    assert [str(e) for e in result.errors] == ["content/2026/11/24/empty.note:1: a note needs a body after a blank line"]


def test_a_file_of_no_known_format_is_an_error_when_loaded_by_itself(make_project):
    config = make_project({"2026/11/24/story.rst": "Title\n=====\n"})
    loader = SourceLoader(config.content_dir, config.root, config.language_codes, config.timezone)
    assert loader.source_paths() == []                                # not a source: the walk skips it
    with pytest.raises(SourceLoadError, match=r"story.rst:1: no reader for \.rst files"):
        loader.load_file(config.content_dir / "2026/11/24/story.rst")
