"""The Jinja2 environment of a site's page templates, one per language, built for speed.

- Interface strings without arguments (`_("Archive")`) are translated when a template is
  compiled (`FoldedGettext`): each language has its own environment and bytecode cache.
- gettext and ngettext with arguments are plain functions with Jinja's newstyle behaviour.
- Calls of plain functions skip Jinja's look-up for context-taking callables
  (`DirectCallContext`).
- Templates are loaded once per environment (`auto_reload` off, an unbounded cache): a build
  does not ask the disk whether a template changed before each page.
- `{{ value }}` escapes through `fast_escape` (MarkupSafe's result, without its Python-level
  `Markup.__new__` on each of the hundred escapes a page makes).
- `{% call cached("name", key, …) %}…{% endcall %}` renders a fragment once per environment
  and key (`FragmentCache`): the page frame (navigation, footer) is the same on thousands of pages.
The output is the same, byte for byte, as Jinja's standard set-up gives.
"""
from __future__ import annotations

import gettext
import types
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template
from jinja2.ext import Extension
from jinja2.lexer import Token
from jinja2.runtime import Context
from markupsafe import Markup, escape
from markupsafe import _escape_inner  # the C function behind `escape`


def fast_escape(s, _str=str, _new=str.__new__, _inner=_escape_inner, _markup=Markup, _escape=escape) -> Markup:
    """`markupsafe.escape`, the same result: a plain string escaped into Markup without calling
    `Markup.__new__` (Python), Markup (immutable, already safe) as it is, anything else by MarkupSafe."""
    kind = type(s)
    if kind is _str:
        return _new(_markup, _inner(s))
    if kind is _markup:
        return s
    return _escape(s)


class SiteTemplate(Template):
    """A compiled template whose `{{ … }}` escape with `fast_escape`."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        template = super()._from_namespace(environment, namespace, globals)
        namespace["escape"] = fast_escape           # the module's functions read it from here
        return template


def site_environment(templates_dir: Path, bytecode_dir: Path, catalog: gettext.NullTranslations) -> Environment:
    """An environment for one language: its catalog installed, strings folded at compile time."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        bytecode_cache=FileSystemBytecodeCache(str(bytecode_dir)),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False, cache_size=-1,
        extensions=["jinja2.ext.i18n", FoldedGettext], undefined=StrictUndefined,
    )
    env.context_class = DirectCallContext
    env.template_class = SiteTemplate
    env.globals["cached"] = FragmentCache().fragment
    env.install_gettext_translations(catalog, newstyle=True)
    env.hawal_gettext = catalog.gettext
    plain_gettext, plain_ngettext = _plain_gettext(catalog)
    env.globals.update(gettext=plain_gettext, _=plain_gettext, ngettext=plain_ngettext)
    return env


class FragmentCache:
    """`{% call cached("name", key, …) %}body{% endcall %}`: the body rendered once per
    environment (one language, one build), name and key, then the same markup pasted wherever the
    same name and key come again. (A plain `call` block, so `pybabel extract` reads the templates
    with no extension of ours.)

    The key must determine everything the body shows besides the environment's globals (the
    language, its words, the site title): a fragment that shows a page's own values must not be
    cached, or must name them in its key. Links: `link_scope` (a page's depth and first two
    folders, `render.link_scope`) determines what `link()` and `asset()` give for targets at most
    two folders deep (`en/archive/`, `static/fonts/OFL.txt`), and nothing deeper."""

    def __init__(self) -> None:
        self._made: dict[tuple, str] = {}

    def fragment(self, name: str, *key, caller) -> str:
        found = self._made.get((name, key))
        if found is None:
            found = self._made[(name, key)] = caller()
        return found


class FoldedGettext(Extension):
    """Translates `_("…")` and `gettext("…")` calls with a literal and no arguments when a
    template is compiled: the page gets the translated words as text, with no call at render
    time. The result is exactly what the newstyle gettext call returns (safe markup, `%%` kept
    as the call would format it); calls with arguments are left to the runtime functions."""

    def filter_stream(self, stream):
        translate = getattr(self.environment, "hawal_gettext", None)
        if translate is None:
            return stream
        tokens = list(stream)
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if (t.type == "name" and t.value in ("_", "gettext") and i + 3 < len(tokens)
                    and tokens[i + 1].type == "lparen" and tokens[i + 2].type == "string"
                    and tokens[i + 3].type == "rparen" and not (out and out[-1].type == "dot")):
                try:
                    text = str(Markup(translate(tokens[i + 2].value)) % {})
                except (KeyError, TypeError, ValueError):
                    text = None                 # left to the runtime call, which fails the same way
                if text is not None:
                    line = t.lineno
                    out += [Token(line, "lparen", "("), Token(line, "string", text), Token(line, "pipe", "|"),
                            Token(line, "name", "safe"), Token(line, "rparen", ")")]
                    i += 4
                    continue
            out.append(t)
            i += 1
        return iter(out)


_PLAIN_CALLABLES = frozenset({types.FunctionType, types.BuiltinFunctionType, types.MethodType, partial,
                              types.MethodWrapperType, types.MethodDescriptorType})


class DirectCallContext(Context):
    """A template context whose calls of plain functions (no `pass_context` and kin) go straight
    to the function: the same result as Jinja's `Context.call`, without its look-ups for
    context-taking callables on each of the hundreds of thousands of calls a build makes."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        if type(__obj) in _PLAIN_CALLABLES and getattr(__obj, "jinja_pass_arg", None) is None:
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a"
                                                    " StopIteration exception")
        return Context.call(__self, __obj, *args, **kwargs)


def _plain_gettext(catalog: gettext.NullTranslations):
    """gettext and ngettext for templates, as Jinja's newstyle functions behave (markup-safe,
    always %-formatted) but without a template context, so a call costs one function call."""
    memo: dict[str, Markup] = {}

    def plain_gettext(__string: str, **variables) -> str:
        found = memo.get(__string)
        if found is None:
            found = memo[__string] = Markup(catalog.gettext(__string))
        return found % variables

    def plain_ngettext(__singular: str, __plural: str, __num: int, **variables) -> str:
        variables.setdefault("num", __num)
        return Markup(catalog.ngettext(__singular, __plural, __num)) % variables

    return plain_gettext, plain_ngettext


