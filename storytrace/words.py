"""The one home of stop words: the function words that every stage drops or counts.

Two lists, because they serve two purposes that one list cannot:

- `FUNCTION_WORDS` (several languages) tells prose from menus and word salads in clean/: prose in any of
  the languages the corpora hold is full of them. Its counts are features of the packaged page-line model
  (clean.lines, meta-lines-v1.npz), so changing it needs that model retrained.
- `ENGLISH_STOPWORDS` are the English words that carry no content when texts are compared (stance, claims,
  story placement). It is the feature vocabulary of the packaged stance model (link.stance_features,
  stance-v1.npz), so changing it needs that model retrained. Negators are not in it: "not" is content for
  stance (link.stance_features.NEGATORS drops them where they are not).
"""

from __future__ import annotations

from typing import Final

# Function words of the languages the corpora hold most (English, German, then French, Spanish,
# Italian, Dutch): prose is full of them, menus and headline lists are not.
FUNCTION_WORDS: Final[frozenset[str]] = frozenset(
    """a an the and or but of to in on at for with from by as is are was were be been has have had it its
    this that these those he she they we you i not no so if than then there their his her our who which
    what when will would can could said says also about after over into more up out
    der die das den dem des ein eine einer einen eines einem und oder aber zu im in am an auf für mit von
    vom bei nach aus ist sind war waren wird werden wurde wurden hat haben hatte sich nicht auch es er sie
    wir ihr ich man dass daß wie als noch nur schon so wenn um bis über unter durch zum zur sein seine ihre
    dieser diese dieses kann können muss soll sei
    le la les un une des du de et ou est sont dans pour par sur avec que qui ne pas il elle ce cette au aux
    el los las y o es en por con para que se no lo su al del una
    il lo gli e di da per con che non è una della dei delle nel
    de het een en van in op met voor dat die niet is zijn er ook aan""".split()
)

# English function words, reporting verbs and news fillers ("said", "mr", "year") that make unrelated texts
# look alike.
ENGLISH_STOPWORDS: Final[frozenset[str]] = frozenset("""
a about above after again against all am an and any are as at be because been before being below between
both but by can did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves also its s t said says
say new one two year years us mr ms
""".split())
