"""newsvoices: measure who gets to speak in the news.

Example:
    >>> import newsvoices
    >>> from newsvoices.config import SEEDS_DIR
    >>> result = newsvoices.analyze(newsvoices.load_corpus(SEEDS_DIR))
    >>> len(result.articles)
    1
"""

from .corpus import Corpus, Skip, load_corpus
from .model import Article
from .pipeline import Analysis, analyze, article_text, analyze_article, load_tables, open_results, write_tables

__all__ = ["Analysis", "Article", "Corpus", "Skip", "analyze", "analyze_article", "article_text", "load_corpus", "load_tables", "open_results", "write_tables"]
__version__ = "0.1.0"
