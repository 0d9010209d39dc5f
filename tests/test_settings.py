"""Settings from the environment, and the stance backend chosen by configuration."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from storytrace.errors import StorytraceError
from storytrace.link.claims import load_claim_models
from storytrace.link.stance import TrainedStance
from storytrace.settings import Settings


def test_environment_overrides_defaults_by_type():
    settings = Settings.from_env({"STORYTRACE_N_PROCESS": "1", "STORYTRACE_LANGUAGES": "en, de",
                                  "STORYTRACE_CLAIM_SEMANTIC_CHECK": "off", "STORYTRACE_STORY_EVIDENCE": "-0.5",
                                  "HOME": "/elsewhere"})
    assert settings.n_process == 1 and settings.languages == ("en", "de")
    assert settings.claim_semantic_check is False and settings.story_evidence == -0.5
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize("variable, value, message", [
    ("STORYTRACE_N_PROCES", "1", "STORYTRACE_N_PROCES: no such setting"),
    ("STORYTRACE_N_PROCESS", "two", "STORYTRACE_N_PROCESS: 'two' is not a valid int"),
    ("STORYTRACE_CLAIM_SEMANTIC_CHECK", "maybe", "is not true or false"),
])
def test_a_bad_environment_value_is_an_error_naming_the_variable(variable, value, message):
    with pytest.raises(StorytraceError, match=message):
        Settings.from_env({variable: value})


class _ChatServer(BaseHTTPRequestHandler):
    """A chat-completions endpoint that answers every stance question with 'against'."""

    asked: list[dict] = []

    def do_POST(self):  # noqa: N802 - the http.server hook name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).asked.append(body)
        answer = json.dumps({"choices": [{"message": {"content": "Against."}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def _no_vectors(texts):
    return np.zeros((len(texts), 384), dtype=np.float32)


def test_a_configured_chat_endpoint_replaces_the_packaged_stance_model():
    assert isinstance(load_claim_models(_no_vectors, Settings()).stance, TrainedStance)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChatServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/v1"
        models = load_claim_models(_no_vectors, Settings(stance_endpoint=url, stance_endpoint_model="tiny"))
        [row] = models.stance_proba([("Arendt proposed a liaison office", "No such proposal was made")])
    finally:
        server.shutdown()
    assert row[list(models.stance.labels).index("against")] == 1.0 and row.sum() == 1.0
    [asked] = _ChatServer.asked
    assert asked["model"] == "tiny" and "No such proposal was made" in asked["messages"][0]["content"]
