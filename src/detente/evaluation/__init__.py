"""Score Detente's event coding against a gold file (`detente eval`).

``read_gold(path)`` -> gold items; ``predict(items, nlp)`` -> predicted events per
item; ``score(items, predictions)`` -> ``Report``; ``render_table``/``render_json``.
"""

from .gold import GoldEvent, GoldItem, read_gold
from .predict import PredictedEvent, predict
from .scoring import Report, score

__all__ = ["GoldEvent", "GoldItem", "PredictedEvent", "Report", "predict", "read_gold", "score"]
