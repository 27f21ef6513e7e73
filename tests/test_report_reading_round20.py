"""Defects found by reading the reports of real corpora (lead, 27 Nov evening): the publication naming
itself ("the Guardian's investigation" in a Guardian article) was listed among the actors discussed but
never quoted; Politico's "Story Continued Below" and wire credits ("The Associated Press contributed to
this report.") were read as a discussed actor and as reported speech. Made-up articles only.
"""

from __future__ import annotations

from newsvoices import analyze, measures
from newsvoices.corpus import Article

GAZETTE = ("Port plan\n\nA year-long investigation by the Daily Gazette found the port broke safety rules. "
           "The Gazette asked the Harbour Board for comment.\n\nThe Daily Gazette also wrote to Ada Pellworth, "
           "the harbour master. The Harbour Board declined to comment.\n\n"
           "\"We are proud of our record,\" said Ben Harrowgate, a port director.")


def test_the_outlet_naming_itself_is_not_an_actor_kept_silent():
    res = analyze([Article(id="g1", text=GAZETTE, outlet="The Daily Gazette (Online News)")], workers=1)
    s = measures.silence(res.mentions, res.quotes, res.articles, res.speakers)
    own = s.loc[s["own_outlet"], "name"].tolist()
    assert own and all(measures.outlet_key(n) == "daily gazette" for n in own)
    summary = measures.silence_summary(s)
    assert not any(measures.outlet_key(n) == "daily gazette" for n in summary["name"])
    # the actors that are discussed and do not speak stay listed
    assert "Harbour Board" in set(summary["name"]) and "Ada Pellworth" in set(summary["name"])
    # another outlet's name is an actor like any other
    res2 = analyze([Article(id="g2", text=GAZETTE, outlet="Evening Post")], workers=1)
    s2 = measures.silence(res2.mentions, res2.quotes, res2.articles, res2.speakers)
    assert not s2["own_outlet"].any()
    # without an outlet column nothing is flagged
    s3 = measures.silence(res.mentions, res.quotes, res.articles.drop(columns=["outlet"]), res.speakers)
    assert not s3["own_outlet"].any()


STORY = ("Deal stalls\n\nThe bill stalled again on Monday, aides said.\n\nStory Continued Below\n\n"
         "\"We are not giving up,\" said Ada Pellworth, a senator.\n\n"
         "Ben Harrowgate and The Associated Press contributed to this report.")


def test_page_furniture_story_continued_and_wire_credits():
    res = analyze([Article(id="p1", text=STORY)], workers=1)
    names = set(res.mentions["name"])
    assert "Story Continued Below" not in names
    assert "Associated Press" not in names and "Ben Harrowgate" not in names
    q = res.quotes
    assert not q["text"].str.contains("contributed to this report").any()
    assert set(q.loc[q["kind"] == "direct", "speaker"]) == {"Ada Pellworth"}


OPENERS = ("Border deal\n\nThe talks failed on Monday.\n\nYet Ada Pellworth said the deal was close. \"We will try "
           "again,\" Pellworth said.\n\nFormer Florida Gov. Ben Harrowgate said the bill was dead.\n\n"
           "Neither Carla Dunmore nor her aides replied. Perhaps Dan Oakfield will call.\n\n"
           "CLOSE President Ada Pellworth speaks at a rally.\n\nYet Oakfield said he was busy.\n\n"
           "Acting Homeland Security Secretary Eva Lindqvist said the wall works.")


def test_sentence_openers_modifiers_and_captions_open_no_name():
    # "Yet Trump", "Neither David", "Perhaps Pat", "CLOSE President Donald Trump", "Freshman Sen. Jo Roe",
    # "Former Florida Gov. Jeb Bush": names of AllSides speakers, now the person the article names
    res = analyze([Article(id="o1", text=OPENERS)], workers=1)
    names = set(res.mentions["name"])
    assert {"Ada Pellworth", "Ben Harrowgate", "Carla Dunmore", "Dan Oakfield", "Eva Lindqvist"} <= names
    assert not any(n.split()[0] in ("Yet", "Neither", "Perhaps", "CLOSE", "Former", "Acting", "Florida")
                   for n in names), names
    q = res.quotes
    assert set(q["speaker"].dropna()) == {"Ada Pellworth", "Ben Harrowgate", "Dan Oakfield", "Eva Lindqvist"}


def test_openers_stay_inside_names_elsewhere():
    # an opener is only dropped at the start of a sentence; a modifier only at the front of a name
    from newsvoices.entities import NameFinder

    def runs(text):
        return [r.text for r in NameFinder().runs(text, [(0, len(text))])]

    assert runs("He told the Today programme that Ada Pellworth agreed.") == ["Today", "Ada Pellworth"]
    assert runs("Still Ada Pellworth agreed.") == ["Ada Pellworth"]
    assert runs("The writer Yet Oakfield agreed.") == ["Yet Oakfield"]


OWNER = ("Try row\n\nEngland's Josh Lewsey has claimed he scored. \"I touched it down,\" Lewsey told the radio.\n\n"
         "Stanford University's Keith Humphreys said the study was weak.\n\n"
         "\"It is weak,\" said the Women's Institute. The Trade Representative's Office said it would appeal.")


def test_a_possessive_owner_before_a_name_is_the_organisation_not_part_of_the_name():
    # UK and AllSides speakers were labelled "England's Josh Lewsey", "Celtic's Neil Lennon", "Stanford
    # University's Keith Humphreys": an id of their own per owner, so one person was several speakers
    res = analyze([Article(id="w1", text=OWNER)], workers=1)
    sp = res.speakers.set_index("speaker_id")
    assert {"josh-lewsey", "keith-humphreys"} <= set(sp.index)
    assert sp.loc["josh-lewsey", "organisation"] == "England"
    assert sp.loc["keith-humphreys", "organisation"] == "Stanford University"
    # an organisation whose own name holds a possessive stays whole
    assert {"Women's Institute", "Trade Representative's Office"} <= set(sp["name"])
    assert not any("'s " in n for n in sp.loc[["josh-lewsey", "keith-humphreys"], "name"])
    # the mentions table has the person, also where the owner's name comes first
    assert "Josh Lewsey" in set(res.mentions["name"])


AGENCIES = ("Border row\n\nU.S. Immigration and Customs Enforcement detained 40 people on Monday. ICE said the raids "
            "would go on.\n\nHomeland Security said it would appeal. The Department of Homeland Security has "
            "sued before.\n\nA Customs and Border Protection officer was hurt.")


def test_the_immigration_agencies_are_one_organisation_each():
    # "Customs Enforcement" (a "person" with surname mentions "Enforcement"), "Border Protection" and
    # "Homeland Security" were apart from ICE, CBP and DHS in the silence table of 2,774 AllSides articles
    res = analyze([Article(id="i1", text=AGENCIES)], workers=1)
    ids = dict(zip(res.mentions["name"], res.mentions["entity_id"]))
    assert ids["Immigration and Customs Enforcement"] == "immigration-customs-enforcement"
    assert ids["Homeland Security"] == ids["Department of Homeland Security"] == "department-homeland-security"
    assert "Customs and Border Protection" in ids
    assert not {"Customs Enforcement", "Border Protection", "Immigration"} & set(ids)
    q = res.quotes
    assert set(q["speaker_id"].dropna()) == {"immigration-customs-enforcement", "department-homeland-security"}
