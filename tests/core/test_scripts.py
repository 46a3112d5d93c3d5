"""Articles in other scripts: Chinese and Japanese, written without spaces between words, read by
pairs of characters; Russian words met in any case; sentences and paragraphs that end with other
scripts' stops and open with their capitals."""

from __future__ import annotations

from pathlib import Path

from tui.core import align_story, load_story
from tui.core.features import paragraph_features
from tui.core.model import Ref
from tui.core.weights import RELATED

A = [
    "普京访问朝鲜",
    "俄罗斯总统普京周三在平壤与金正恩签署了全面战略伙伴关系条约。",
    "双方承诺在遭受侵略时相互提供援助。",
    "当天天气晴朗，市民在街头挥舞旗帜。",
]
B = [
    "普京与金正恩签约",
    "普京与金正恩周三在平壤签署全面战略伙伴关系条约。",
    "市场反应平淡，股价小幅下跌。",
    "两国承诺在一方遭受侵略时提供援助。",
]


def _story(tmp_path: Path):
    for name, paragraphs in (("a", A), ("b", B)):
        (tmp_path / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return load_story([tmp_path])


def test_chinese_paragraphs_are_body_text_not_subheadings(tmp_path: Path) -> None:
    """A paragraph ending in "。" is a sentence: body text, aligned, not a crosshead or footer."""
    story = _story(tmp_path)
    for article in story.articles:
        roles = [p.role for p in article.paragraphs]
        assert roles == ["headline", "body", "body", "body"], roles


def test_chinese_paragraphs_that_report_one_fact_match(tmp_path: Path) -> None:
    """The treaty paragraphs and the assistance paragraphs match each other; the weather and the
    markets match nothing."""
    alignment = align_story(_story(tmp_path))
    pairs = {
        frozenset(((m.a.article, m.a.paragraph), (m.b.article, m.b.paragraph)))
        for m in alignment.matches
    }
    assert frozenset((("a", 1), ("b", 1))) in pairs
    assert frozenset((("a", 2), ("b", 3))) in pairs
    touched = {ref for pair in pairs for ref in pair}
    assert ("a", 3) not in touched and ("b", 2) not in touched


def test_a_chinese_run_is_read_as_overlapping_pairs_and_latin_words_stay_whole() -> None:
    pf = paragraph_features(Ref("a", 0), "G7峰会在东京举行。")
    words = [pf.text[t.start : t.end] for t in pf.tokens]
    assert words == ["G7", "峰会", "会在", "在东", "东京", "京举", "举行"]


def test_chinese_sentences_are_told_apart() -> None:
    pf = paragraph_features(Ref("a", 0), "普京抵达平壤。双方签署条约！")
    assert len(pf.sentences) == 2


def test_sentences_of_other_scripts_open_with_their_own_capitals() -> None:
    """A Russian sentence opens with a Cyrillic capital (no A–Z to look for); an abbreviation
    followed by a lower-case word ("т. е.") ends none."""
    text = (
        "Путин прибыл в Пхеньян. Он встретился с Ким Чен Ыном, т. е. с лидером. "
        "«Это прорыв», сказал он."
    )
    pf = paragraph_features(Ref("a", 0), text)
    assert len(pf.sentences) == 3


def test_a_hindi_paragraph_ending_in_a_danda_is_body_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "शिखर सम्मेलन\n\nपुतिन प्योंगयांग पहुंचे।\n\nदोनों नेताओं ने समझौते पर हस्ताक्षर किए।\n",
        encoding="utf-8",
    )
    roles = [p.role for p in load_story([tmp_path]).articles[0].paragraphs]
    assert roles == ["headline", "body", "body"]


def test_guillemets_and_corner_brackets_quote_a_statement() -> None:
    """« » (French, Russian, German) and 「 」 (Japanese) open and close a quote as “ ” do."""
    from tui.core.features import find_quotes

    for text, quoted in (
        ("Il a déclaré : « nous ne céderons jamais aux menaces », selon l'agence.",
         "nous ne céderons jamais aux menaces"),
        ("«Это настоящий прорыв», — сказал Путин.", "Это настоящий прорыв"),
        ("首相は「日本は決して屈しない」と述べた。", "日本は決して屈しない"),
    ):
        assert [text[s:e] for s, e in find_quotes(text)] == [quoted]


def test_russian_words_in_other_cases_are_one_term() -> None:
    """Cyrillic words are cut to a prefix, so cases of one word meet ("Пхеньян", "Пхеньяне",
    "Пхеньяна"); "ё" is read as "е", as Russian often writes it."""
    from tui.core.features import stem

    assert len({stem(w) for w in ("пхеньян", "пхеньяне", "пхеньяна")}) == 1
    assert len({stem(w) for w in ("договор", "договора", "договоре")}) == 1
    a = paragraph_features(Ref("a", 0), "Партнёрство")
    b = paragraph_features(Ref("b", 0), "партнерство")
    assert a.terms == b.terms


def test_russian_paragraphs_that_say_one_thing_in_other_cases_match(tmp_path: Path) -> None:
    """"взаимной помощи … агрессии против одной из сторон" and "взаимную помощь при агрессии
    против одной из сторон": one clause of the pact, in other cases."""
    texts = {
        "a": ["Саммит в Пхеньяне",
              "Северокорейский лидер Ким Чен Ын встретил российского президента в аэропорту "
              "Пхеньяна и обнял его на красной ковровой дорожке.",
              "Стороны подписали соглашение о взаимной помощи в случае агрессии против одной из "
              "сторон.",
              "Цены на нефть выросли на фоне новостей из Персидского залива."],
        "b": ["Путин в КНДР",
              "В аэропорту Пхеньян российский президент был встречен Ким Чен Ыном, который обнял "
              "гостя на красной ковровой дорожке.",
              "Погода в столице оставалась солнечной всю неделю, сообщили синоптики.",
              "Соглашение предусматривает взаимную помощь при агрессии против одной из сторон, "
              "заявили лидеры."],
        "c": ["Визит Путина",
              "Школьники разучили песни к визиту, рассказали учителя местной школы.",
              "Ким Чен Ын и российский президент подписали соглашение о взаимной помощи.",
              "Футбольный клуб объявил о новом тренере."],
    }
    for name, paragraphs in texts.items():
        (tmp_path / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    # (at the fitted shown floor: a story of three short articles with few strong matches
    # raises its own threshold above it, `align.shown_threshold`)
    alignment = align_story(load_story([tmp_path]), related=RELATED)
    pairs = {
        frozenset(((m.a.article, m.a.paragraph), (m.b.article, m.b.paragraph)))
        for m in alignment.matches
    }
    assert frozenset((("a", 2), ("b", 3))) in pairs
    touched = {ref for pair in pairs for ref in pair}
    assert not touched & {("a", 3), ("b", 2), ("c", 1), ("c", 3)}
