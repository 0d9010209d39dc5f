"""Paragraph breaks as sentence starts, set before the parser runs.

spaCy's small English parser often runs a sentence on across a paragraph break: a subtitle without a full stop
("Letter carried by special envoy is said to offer ...") becomes the start of the lead sentence, whose "said"
then takes the subtitle as what was said and loses the lead's own content and source. A blank line, or a line
break after a sentence's closing punctuation, always starts a new sentence; a single line break inside a
sentence (hard-wrapped text) does not.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_CLOSING = (".", "!", "?", '"', "”", "'", "’", ")")


@Language.component("storytrace_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    # The break itself opens the new sentence: forcing the start on the first word instead makes the parser
    # take that word for a sentence of its own ("President | Arendt proposed ...").
    for token in doc[1:]:
        if token.is_space and "\n" in token.text and (
                token.text.count("\n") >= 2 or doc[token.i - 1].text.endswith(_CLOSING)):
            token.is_sent_start = True
    return doc
