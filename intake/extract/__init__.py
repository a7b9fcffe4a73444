"""Rule-based extraction of proposals from a news article (pure Python over a gazetteer)."""

from intake.extract.engine import extract_article
from intake.extract.gazetteer import Gazetteer

__all__ = ["Gazetteer", "extract_article"]
