"""A spaced "a. m." is an abbreviation, not two sentence ends: a short real report is not a word salad."""

from storytrace.clean.quality import not_an_article

# A short report as some scrapes and tokenised corpora space it ("5: 40 p. m."), with no other sentence end.
SPACED = ("Night watchman raises alarm as fire spreads along Garrow ferry pier\n\nMay 3, 2013 at 7: 31 AM ET "
          "Updated 5: 40 p. m. ET Early Friday morning, around 1: 30 a. m., a 61 - year - old night watchman "
          "raised alarms as fire spread from storage sheds to Garrow's old ferry pier in Kessick, Mass.")


def test_spaced_letters_with_dots_are_not_sentence_ends():
    assert len(SPACED.split()) >= 40  # long enough for the word-order statistics to be weighed at all
    assert not_an_article(SPACED) is None
