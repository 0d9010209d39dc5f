"""Analysis: sentences, entities, attribution, time expressions and the lead embedding, as spaCy components.

Every module here works on spaCy objects, so the package imports spaCy first, through `import_spacy`, which
keeps thinc from importing torch that nothing here uses (see analyze/nlp.py).
"""

from storytrace.analyze.nlp import import_spacy

import_spacy()
