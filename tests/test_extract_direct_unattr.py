"""Direct quotations that news conventions attribute but the first rules left without a speaker
(issue 3: quoted words with no speaker). Every article here is made up."""

from __future__ import annotations

from newsvoices.extract import extract
from newsvoices.model import Article


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    ex = extract(Article("t", text))
    out = []
    for q in ex.quotes:
        if q.kind != "direct":
            continue
        ent = ex.entity(q.entity)
        out.append((q.text, ent.name if ent else None, q.attribution))
    return out


def _speaker_of(text: str, start: str) -> str | None:
    for quote, name, _how in _speakers(text):
        if quote.startswith(start):
            return name
    raise AssertionError(f"no direct quote starting {start!r} in {_speakers(text)}")


# ------------------------------------------------------------------ post-position cues
def test_manner_verb_after_quote():
    text = ("The council met on Monday to vote on the harbour plan.\n\n"
            "\u201cWe will not back down on this plan, not now,\u201d Jo Roe shot back.\n\n"
            "\u201cThat is a promise you cannot keep,\u201d Al Poe wailed.")
    assert _speaker_of(text, "We will not") == "Jo Roe"
    assert _speaker_of(text, "That is a promise") == "Al Poe"


def test_ambiguous_verb_after_quote():
    text = ("The county filed its answer last week.\n\n"
            "\"The plaintiff has shown no harm from the new rule at all,\" county lawyer Jo Roe states. "
            "\"The case should be dismissed.\"")
    speakers = _speakers(text)
    assert [s[1] for s in speakers] == ["Jo Roe", "Jo Roe"]
    assert [s[2] for s in speakers] == ["post", "split"]


def test_short_lower_case_subject_after_quote():
    text = ("Jo Roe, 12, was in the gym when the alarm went off.\n\n"
            "\u201cShe could not breathe, she was having an asthma attack,\u201d her mom added. "
            "\u201cI did not even know where to find her.\u201d\n\n"
            "\"The plan was to block the road with two trucks at dawn,\" authorities said in a release.\n\n"
            "\u201cAll I want is a place where I can work and raise my son,\u201d the 36-year-old said.")
    speakers = dict((q, n) for q, n, _ in _speakers(text))
    assert speakers["She could not breathe, she was having an asthma attack,"] == "her mom"
    assert speakers["I did not even know where to find her."] == "her mom"
    assert speakers["The plan was to block the road with two trucks at dawn,"] == "authorities"
    assert _speaker_of(text, "All I want") is not None


def test_contracted_pronoun_and_trailing_adverb():
    text = ("Mary Major lost her job in March.\n\n"
            "\"I don't know what I am going to do next,\" she'd said earlier. \"I cannot go back.\"\n\n"
            "Olivia Roe was attacked on Friday. \"Go home now, you do not belong here,\" her attacker reportedly said.")
    assert _speaker_of(text, "I don't know") == "Mary Major"
    assert _speaker_of(text, "I cannot go back") == "Mary Major"
    assert _speaker_of(text, "Go home now") is not None and _speaker_of(text, "Go home now") != "Olivia Roe"


def test_inverted_capitalised_cue_after_quote():
    text = ("The border station was quiet on Sunday.\n\n"
            "\"We remain concerned that many people pay smugglers to cross here,\" shot back Deputy Al Poe.")
    assert _speaker_of(text, "We remain concerned").endswith("Al Poe")


def test_no_post_cue_without_punctuation_or_on_a_noun():
    # a headline run-on: the words after a bare closing mark are a new clause
    text = ("Jo Roe responds to Al Poe: 'Here in Dover we actually read the law' "
            "City chief demands apology from Roe\n\nThe row went on for a week.")
    assert _speaker_of(text, "Here in Dover") != "City chief"
    # "state" is a noun before a name, not a post-only verb
    text = ("\"What we are dealing with right now are two groups of people,\" Ohio state Sen. Mary Major said.")
    assert _speaker_of(text, "What we are dealing") == "Mary Major"
    # a quotation closing a sentence, then a new sentence with a manner verb and more words
    text = ("Early on, Al Poe attacked Jo Roe, calling him \u201ca failed candidate.\u201d Roe fired back in March, "
            "attacking Poe for \u201cthe greed and the showing off\u201d of his campaign.")
    assert _speaker_of(text, "a failed candidate") != "Jo Roe"


# ------------------------------------------------------------------ headings and round-ups
def test_heading_with_colon_and_quotes_in_one_paragraph():
    text = ("Leaders spoke after the storm.\n\n"
            "Harbour Governor Jo Roe:\n\n"
            "\"There are too many cars on the coast road.\" \"There is too much noise in town.\" "
            "\"I have asked for new rules on it.\"\n\n"
            "Senator Al Poe:\n\n"
            "\"I believe we can fix this problem very soon.\"")
    speakers = _speakers(text)
    assert [s[1] for s in speakers] == ["Jo Roe", "Jo Roe", "Jo Roe", "Al Poe"]


def test_roundup_name_line_before_each_excerpt():
    text = ("Here is what the columnists wrote this week.\n\n"
            "Dara Lake, Daily Gazette\n\n"
            "\u201cThe evidence is all there for anyone who cares to read it, and the case is plain.\u201d\n\n"
            "Paul Wold, Evening Post\n\n"
            "\u201cNew towns banned the practice and it worked well for every one of them.\u201d")
    speakers = _speakers(text)
    assert [s[1] for s in speakers] == ["Dara Lake", "Paul Wold"]
    assert {s[2] for s in speakers} == {"heading"}


def test_byline_after_excerpt_still_works():
    text = ("The bridge has been closed since May.\n\n"
            "\"The bridge should have been fixed years ago, and everyone in town knows it.\"\n\n"
            "Jane Doe, Dover\n\n"
            "\"We pay our taxes and deserve a road that does not flood every spring.\"\n\n"
            "Al Poe, Kent")
    assert [s[1] for s in _speakers(text)] == ["Jane Doe", "Al Poe"]


def test_sentence_is_no_heading():
    text = ("The doctor wrote about the riots on Monday.\n\n"
            "And Tuesday, he penned an op-ed for the Gazette.\n\n"
            "\"When rioting and looting occur in instances like this, I cannot help but think of the past.\"")
    assert _speaker_of(text, "When rioting") != "And Tuesday"


# ------------------------------------------------------------------ further quotes in a paragraph
def test_adjacent_quote_after_carried_intro():
    text = ("The attacks came weeks after the Dover shooting.\n\n"
            "As the Daily Gazette notes:\n\n"
            "\"The attacks came less than five months after a gunman killed five officers. "
            "\"Ten days later, a man wearing a mask killed three more officers near a gas station.\"")
    speakers = _speakers(text)
    assert len(speakers) == 2
    assert speakers[0][1] == speakers[1][1] == "Daily Gazette"


# ------------------------------------------------------------------ speaker phrases before the quote
def test_appositive_chain_before_cue():
    text = ("Senators reacted on Friday.\n\n"
            "Sen. Mary Major, D-Ark., another vulnerable incumbent, said in a statement that she also is "
            "\"frustrated with the partisanship in Washington and the delays\".\n\n"
            "Jo Roe -- mother of one victim and a survivor of the fire herself -- said that "
            "\"every fiber in my body hurts, and I will never be the same.\"\n\n"
            "Poe, D-N.Y., concluded, \"It was the mayor who single-handedly took away the permits.\"")
    assert _speaker_of(text, "frustrated with") == "Mary Major"
    assert _speaker_of(text, "every fiber") == "Jo Roe"
    assert _speaker_of(text, "It was the mayor") == "Poe"


def test_relative_who_and_control_phrase_before_cue():
    text = ("The plan drew criticism from the mayor's wife, Mary Major, who said over the weekend she "
            "\"hates to see children separated from their families\".\n\n"
            "Jo Roe, whose husband was once governor of the state, went on to write, "
            "\"Our town should not be in the business of locking up children.\"\n\n"
            "The Dover Gazette went on to note that \"emails from the county showed the deal was done early\".")
    assert _speaker_of(text, "hates to see") == "Mary Major"
    assert _speaker_of(text, "Our town") == "Jo Roe"
    assert _speaker_of(text, "emails from the county") == "Dover Gazette"


def test_as_clause_and_inverted_capitalised_cue():
    text = ("The party has a problem with young voters.\n\n"
            "As the conservative blogger Jo Roe so bluntly put it, \"The fastest growing group of voters "
            "is not going to vote for a party that ignores them.\"\n\n"
            "Still, as a retired Army commander told me in an email Monday, \"5,000 troops is a lot of troops.\"\n\n"
            "Even the police seemed surprised. Said one state trooper. \"Can we be peaceful? That is all I am saying.\"\n\n"
            "Tweeted Mary Major @marymajor, \"The magistrate is an example of everything wrong with the courts.\"")
    assert _speaker_of(text, "The fastest growing") == "Jo Roe"
    assert _speaker_of(text, "5,000 troops") == "a retired Army commander"
    assert _speaker_of(text, "Can we be peaceful") == "one state trooper"
    assert _speaker_of(text, "The magistrate") == "Mary Major"


def test_no_subject_across_a_clause():
    # the object of the main clause, not its subject, is the speaker of a "who said" relative clause;
    # a full stop ends the appositive: the speaker is the next sentence's subject
    text = ("Al Poe attacked Mary Major, who said she \"will not step aside for anyone in this town\".\n\n"
            "The senator was angry. Jo Roe, however, said he \"would wait and see what the court decides\".")
    assert _speaker_of(text, "will not step aside") == "Mary Major"
    assert _speaker_of(text, "would wait") == "Jo Roe"


def test_excerpts_under_a_heading_keep_its_speaker():
    text = ("What the columnists say.\n\n"
            "Dara Lake, Daily Gazette\n\n"
            "\u201cThe report is plain about one thing: the town was warned years ago.\u201d\n\n"
            "Paul Wold, Evening Post\n\n"
            "At the same time, \u201cthe distance between the harbour and the new estate is growing every year\u2026\n\n"
            "\u201cFloods have hit the coast road three times this spring and nobody in charge seems to care.\u201d\n\n"
            "Ann Fell, Coast News\n\n"
            "\u201cHere was a plan that, in another age, might have been praised by everyone.\u201d")
    speakers = [s[1] for s in _speakers(text)]
    assert speakers == ["Dara Lake", "Paul Wold", "Paul Wold", "Ann Fell"]


def test_quotation_paragraph_after_a_sentence_final_cue():
    text = ("The town is a perfect example, said Mary Major, a history professor at Dover College.\n\n"
            "\"This is what happens when you have massive change in a small place and nobody plans for it.\"\n\n"
            "The court backed conservative members, who argue the mayor acted alone.\n\n"
            "\"Why in the world would we move from that position now?\" Rep. Jo Roe asked reporters on a call.")
    assert _speaker_of(text, "This is what happens") == "Mary Major"
    assert _speaker_of(text, "Why in the world") != "conservative members"


def test_appositive_chain_after_quote():
    text = ("\u201cThe police prepare for a march as if they are preparing for war,\u201d Jo Roe, 29, of Dover, Del., said. "
            "\u201cThere is no need for a state of emergency right now.\u201d\n\n"
            "\u201cAfter the war, something happened to him,\u201d Al Poe, 70, Mary\u2019s uncle, told the Gazette. "
            "\u201cWhen he came back, he was a different person.\u201d\n\n"
            "\"We all knew it would end badly for the town,\" Ann Fell, who was there, and Ben Gray, who was not, said.")
    speakers = dict((q[:12], n) for q, n, _ in _speakers(text))
    assert speakers["The police p"] == "Jo Roe" and speakers["There is no "] == "Jo Roe"
    assert speakers["After the wa"] == "Al Poe" and speakers["When he came"] == "Al Poe"
    assert speakers["We all knew "] not in ("Ann Fell", "Ben Gray")


def test_inverted_asked_after_quote_is_the_speaker():
    text = ("The panel met on Friday.\n\n"
            "\"Would a future governor use the same power against us?\" asked Jo Roe, a lawyer.\n\n"
            "The mayor spoke next, telling Al Poe that the plan has \"failed completely and for good\".")
    assert _speaker_of(text, "Would a future") == "Jo Roe"
    assert _speaker_of(text, "failed completely") != "Al Poe"


def test_inverted_cue_with_short_unlisted_role():
    text = ("Jo Roe's allies are upbeat about the race.\n\n"
            "\u201cThe Senate passed a bill that he was essential to,\u201d said a Roe ally who would be a key part "
            "of any campaign. \u201cThe business groups were for it.\u201d\n\n"
            "\"The plan is fair to everyone,\" Al Poe told \"Morning Show,\" reminding the co-hosts that he won.")
    speakers = [(q[:12], n) for q, n, _ in _speakers(text)]
    assert speakers[0] == ("The Senate p", "a Roe ally") and speakers[1] == ("The business", "a Roe ally")
    assert ("Morning Show", "the co-hosts") not in speakers


def test_with_subject_participle_and_inverted_cue_after_abbreviation():
    text = ("The motive remained unknown, with County Sheriff Jo Roe saying: \"I cannot get into the mind of "
            "a killer at this point.\"\n\n"
            "The campaign declined to comment, with spokesman Al Poe saying, \"By dribbling these out every day "
            "they hope to distract.\"\n\n"
            "The bombings ended with an arrest in Norfolk, Va. Writes Mary Major: \"Radical violence was woven "
            "into the fabric of the decade.\"")
    assert _speaker_of(text, "I cannot get").endswith("Jo Roe")
    assert _speaker_of(text, "By dribbling") == "Al Poe"
    assert _speaker_of(text, "Radical violence") == "Mary Major"


def test_statement_intro_before_colon():
    text = ("The mayor resigned on Friday.\n\n"
            "Here is Mary Major's full statement:\n\n"
            "\"I have had the privilege of serving this town for four years and I leave it proud.\"\n\n"
            "Protesters arrived at dusk.\n\n"
            "Jo Roe has this account of what happened next:\n\n"
            "\"As the night wore on, more protesters arrived and the police moved in.\"\n\n"
            "There it is, in plain language, in Article IV of the Constitution:\n\n"
            "\"The United States shall guarantee to every state a republican form of government.\"")
    assert _speaker_of(text, "I have had") == "Mary Major"
    assert _speaker_of(text, "As the night") == "Jo Roe"
    assert _speaker_of(text, "The United States shall") is None
