"""Interactive exploration in JupyterLab: filter quotes by outlet, voice type,
speaker and text, and see the quote table, the voice-share chart and the article.

``Explorer(analysis)`` displays ipywidgets controls when a kernel is running. Its
display also carries a static HTML rendering of the unfiltered view, which is
what an exported HTML report shows (the offline template renders that fallback
instead of an empty widget), so the notebook degrades to static output instead
of breaking.

Example:
    >>> import newsvoices
    >>> from newsvoices.config import SEEDS_DIR
    >>> a = newsvoices.analyze(SEEDS_DIR)
    >>> len(filter_quotes(a.quotes, search="zzz-no-such-text"))
    0
"""

from __future__ import annotations

import pandas as pd

ALL = "(all)"


def _norm(x) -> str:
    return "" if x is None or (isinstance(x, float) and x != x) else str(x)


def filter_quotes(quotes: pd.DataFrame, outlet: str | None = None, voice: str | None = None,
                  speaker: str | None = None, search: str | None = None) -> pd.DataFrame:
    """Quotes matching every given filter (``None``, ``""`` or ``"(all)"`` means no filter).

    Args:
        quotes: the quotes table.
        outlet: exact outlet (case-insensitive).
        voice: voice type (``"unattributed"`` matches quotes without one).
        speaker: part of the speaker's name (case-insensitive).
        search: text the quote contains (case-insensitive, plain text, not a pattern).
    """
    q = quotes
    keep = pd.Series(True, index=q.index)
    if outlet and outlet != ALL:
        keep &= q["outlet"].map(_norm).str.casefold() == outlet.casefold()
    if voice and voice != ALL:
        v = q["voice_type"].map(_norm).replace("", "unattributed")
        keep &= v == voice
    if speaker and speaker != ALL:
        keep &= q["speaker"].map(_norm).str.casefold().str.contains(speaker.strip().casefold(), regex=False)
    if search and search.strip():
        keep &= q["text"].map(_norm).str.casefold().str.contains(search.strip().casefold(), regex=False)
    return q[keep]


def quote_table(quotes: pd.DataFrame, max_rows: int = 50) -> str:
    """The matching quotes as an HTML table (speaker, voice type, kind, words, text)."""
    from .report import html_table, voice_label

    q = quotes.sort_values(["article_id", "start"])
    show = pd.DataFrame({
        "article": q["article_id"], "outlet": q["outlet"].map(_norm), "speaker": q["speaker"].map(_norm).replace("", "unattributed"),
        "voice type": q["voice_type"].map(voice_label), "kind": q["kind"], "words": q["n_words"],
        "quote": [t if len(t) <= 220 else t[:217] + "…" for t in q["text"].map(_norm)],
    })
    return html_table(show, caption=f"{len(q):,} matching quotes", max_rows=max_rows)


def share_chart(quotes: pd.DataFrame, title: str | None = None):
    """Voice-share chart (share of directly quoted words by voice type) of some quotes."""
    from . import charts, measures

    d = quotes[quotes["kind"] == "direct"]
    if d.empty:
        return None
    outlets = d["outlet"].dropna().nunique()
    if outlets > 1:
        group = "outlet"
        if outlets > 12:  # the 12 outlets with most direct quotes
            counts = d["outlet"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
            d = d[d["outlet"].isin(counts.index[:12])]
            title = title or "Who gets the quoted words (12 outlets with most quotes)"
    elif d["article_id"].nunique() <= 12:
        group = "article_id"
    else:
        d = d.assign(scope="all matching articles")
        group = "scope"
    from .report import legend_below

    space = measures.voice_space(d, by=[group])
    groups_fn = getattr(charts, "voice_share_groups", None)
    if groups_fn is not None:
        return legend_below(groups_fn(space, group, title=title or "Who gets the quoted words (official outlined)"))
    return legend_below(charts.voice_share_bar(space, group=group, title=title))


def article_view(analysis, article_id: str, quotes: pd.DataFrame) -> str:
    """One article with the given quotes highlighted (see :func:`newsvoices.report.annotate_article`)."""
    from .report import annotate_article

    a = analysis.articles.set_index("id")
    if article_id not in a.index:
        return "<p class='nv-note'>No article to show.</p>"
    paras = analysis.paragraphs[analysis.paragraphs["article_id"] == article_id].sort_values("paragraph")
    heads = paras["is_headline"].astype(bool).tolist()
    meta = " · ".join(x for x in (_norm(a.at[article_id, "outlet"]), _norm(a.at[article_id, "date"])) if x)
    return annotate_article(a.at[article_id, "text"], quotes[quotes["article_id"] == article_id],
                            title=article_id + (f" — {meta}" if meta else ""),
                            paragraphs=list(zip(paras["start"], paras["end"])) or None,
                            headline_first=bool(heads and heads[0]))


class Explorer:
    """Widgets (outlet, voice type, speaker, search, article) driving a quote table,
    the voice-share chart and an article view.

    Display it as the last expression of a cell. Without ipywidgets or a kernel it
    shows :meth:`static_html`.
    """

    def __init__(self, analysis, max_rows: int = 50):
        self.analysis = analysis
        self.max_rows = max_rows
        q = analysis.quotes
        self.outlets = sorted({_norm(o) for o in q["outlet"] if _norm(o)})
        self.voices = sorted({_norm(v) or "unattributed" for v in q["voice_type"]})
        self.speakers = sorted({_norm(s) for s in q["speaker"] if _norm(s)})
        self.widget = None
        try:
            self._build_widgets()
        except ImportError:  # no ipywidgets: static output only
            self.widget = None

    # -- state
    def current(self) -> dict:
        """The filter values currently selected (all empty without widgets)."""
        if self.widget is None:
            return {"outlet": None, "voice": None, "speaker": None, "search": None}
        return {"outlet": self.w_outlet.value, "voice": self.w_voice.value,
                "speaker": self.w_speaker.value, "search": self.w_search.value}

    def matching(self, **filters) -> pd.DataFrame:
        return filter_quotes(self.analysis.quotes, **(filters or self.current()))

    def _article_choices(self, quotes: pd.DataFrame) -> list[tuple[str, str]]:
        arts = self.analysis.articles.set_index("id")
        ids = list(dict.fromkeys(quotes.sort_values(["article_id", "start"])["article_id"])) or list(arts.index[:1])
        return [(f"{_norm(arts.at[i, 'title'])[:70] or i} ({i})", i) for i in ids[:500]]

    # -- rendering
    def static_html(self) -> str:
        """The unfiltered view as self-contained HTML: table, chart and first article."""
        from .report import figure_html

        q = self.analysis.quotes
        parts = ['<div class="nv-explorer-static"><p class="nv-note">Static view: the interactive controls '
                 '(outlet, voice type, speaker, search) need a running kernel; open '
                 '<code>notebooks/06_explore.ipynb</code> in JupyterLab to use them. '
                 'Shown here: all quotes.</p>', quote_table(q, self.max_rows)]
        fig = share_chart(q)
        if fig is not None:
            parts.append(figure_html(fig, "Share of directly quoted words by voice type"))
        choices = self._article_choices(q)
        if choices:
            parts.append(article_view(self.analysis, choices[0][1], q))
        parts.append("</div>")
        return "".join(parts)

    def _build_widgets(self) -> None:
        import ipywidgets as w

        self.w_outlet = w.Dropdown(options=[ALL] + self.outlets, value=ALL, description="Outlet")
        self.w_voice = w.Dropdown(options=[ALL] + self.voices, value=ALL, description="Voice type")
        self.w_speaker = w.Combobox(options=self.speakers, value="", placeholder="any speaker", description="Speaker",
                                    ensure_option=False)
        self.w_search = w.Text(value="", placeholder="words in the quote", description="Search", continuous_update=False)
        self.w_article = w.Dropdown(options=self._article_choices(self.analysis.quotes), description="Article",
                                    layout=w.Layout(width="95%"))
        self.out_table, self.out_chart, self.out_article = w.Output(), w.Output(), w.Output()
        for c in (self.w_outlet, self.w_voice, self.w_speaker, self.w_search):
            c.observe(self._on_filter, names="value")
        self.w_article.observe(lambda _c: self._draw_article(), names="value")
        tabs = w.Tab(children=[self.out_table, self.out_chart, self.out_article])
        for i, name in enumerate(["Quotes", "Voice share", "Article"]):
            tabs.set_title(i, name)
        self.widget = w.VBox([w.HBox([self.w_outlet, self.w_voice]), w.HBox([self.w_speaker, self.w_search]),
                              self.w_article, tabs])
        self._on_filter(None)

    def _on_filter(self, _change) -> None:
        q = self.matching()
        choices = self._article_choices(q)
        if [c[1] for c in choices] != [c[1] for c in self.w_article.options]:
            self.w_article.options = choices
        self._draw(q)

    def _draw(self, q: pd.DataFrame) -> None:
        import matplotlib.pyplot as plt
        from IPython.display import HTML, display

        self.out_table.clear_output(wait=True)
        with self.out_table:
            display(HTML(quote_table(q, self.max_rows)))
        self.out_chart.clear_output(wait=True)
        with self.out_chart:
            f = self.current()
            fig = share_chart(filter_quotes(self.analysis.quotes, outlet=f["outlet"], search=f["search"]),
                              title="Share of quoted words by voice type (outlet and search filters)")
            if fig is None:
                display(HTML("<p>No direct quotes match.</p>"))
            else:
                display(fig)
                plt.close(fig)
        self._draw_article(q)

    def _draw_article(self, q: pd.DataFrame | None = None) -> None:
        from IPython.display import HTML, display

        q = self.matching() if q is None else q
        self.out_article.clear_output(wait=True)
        with self.out_article:
            if self.w_article.value is not None:
                display(HTML(article_view(self.analysis, self.w_article.value, q)))

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/plain": f"Explorer: {len(self.analysis.quotes)} quotes", "text/html": self.static_html()}
        if self.widget is not None:
            wb = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
            bundle.update({k: v for k, v in wb.items() if k != "text/plain"})
        return bundle
