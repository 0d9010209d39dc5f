"""Analysis: sentences, entities, attribution, time expressions and the lead embedding, as spaCy components.

Modules here work on spaCy objects. spaCy itself is imported by `analyze.nlp.import_spacy`, which the model
loader calls first, so that thinc never imports torch (nothing here uses it); the stage module imports no
spaCy at all, so a command that analyses nothing (re-adding stored files) never pays for it.
"""
