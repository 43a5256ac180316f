"""Speech verbs of the languages the product reads, one table (nlp/quotes.SPEECH_VERBS): a French,
German, Spanish or Italian quotation gets its speaker from its own frame ("», a déclaré le maire",
"“, sagte er"), not only from an English one (issue 17, session 19). Two versions in one language
other than English are compared by the same detectors as English ones, quotes and speakers included."""
from datetime import date

import pytest

from storytrace.model import Article


def quotes(extractor, text):
    a = extractor.process(Article(id="r", source_path="", original_text=text, published=date(2024, 3, 14)))
    return [(q.text, q.speaker) for q in a.quotes]


@pytest.mark.parametrize("text,speaker", [
    ("« Nous sommes prêts à fermer le pont demain », a déclaré le maire Jean Dupont.", "Jean Dupont"),
    ("Jean Dupont a déclaré : « Nous sommes prêts à fermer le pont demain. »", "Jean Dupont"),
    ("«Estamos listos para cerrar el puente mañana», dijo el alcalde Juan Pérez.", "Juan Pérez"),
    ("«Siamo pronti a chiudere il ponte domani», ha detto Mario Rossi, il sindaco.", "Mario Rossi"),
])
def test_the_frame_of_another_language_names_the_speaker(extractor, text, speaker):
    found = quotes(extractor, text)
    assert len(found) == 1 and found[0][1] == speaker, found


@pytest.mark.parametrize("text,speaker", [
    ("Le maire Jean Dupont a pris la parole lundi. « Nous sommes prêts à fermer le pont demain », a-t-il déclaré.",
     "Jean Dupont"),
    ("Le maire Jean Dupont a pris la parole lundi. « Nous sommes prêts à fermer le pont demain », dit-il.", "Jean Dupont"),
    ("Bürgermeister Hans Müller sprach am Montag. „Wir sind bereit, die Brücke morgen zu schließen“, sagte er.",
     "Hans Müller"),
])
def test_a_pronoun_of_another_language_resolves(extractor, text, speaker):
    found = quotes(extractor, text)
    assert len(found) == 1 and found[0][1] == speaker, found

