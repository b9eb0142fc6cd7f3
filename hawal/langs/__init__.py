"""Languages hawal knows: one package per language (`hawal/langs/<code>/`), each holding that
language's facts (its `LanguageSpec`) and its per-language rules (key statements in
`statements.py`). Everything else asks this registry instead of naming languages itself."""
