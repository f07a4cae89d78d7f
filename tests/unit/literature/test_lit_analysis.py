from __future__ import annotations

import subprocess
import sys

from cdss.literature.analysis import MixedAnalyzer, analyze


def test_english_is_lowercased_stop_listed_and_stemmed():
    assert analyze("Effects of Metformin in Patients with Diabetic Nephropathy") == [
        "effect", "metformin", "patient", "diabet", "nephropathi"]


def test_chinese_uses_the_medical_dictionary_and_adds_sub_words_at_index_time():
    index_terms = analyze("二甲双胍治疗糖尿病肾病")
    assert "二甲双胍" in index_terms  # jieba alone splits it into 二甲 / 双 / 胍
    assert "糖尿病肾病" in index_terms and "糖尿病" in index_terms and "肾病" in index_terms
    assert analyze("二甲双胍治疗糖尿病肾病", mode="query") == ["二甲双胍", "治疗", "糖尿病肾病"]


def test_chinese_function_words_are_dropped():
    assert "的" not in analyze("患者的肾功能")


def test_positions_are_shared_by_sub_words_and_chars_point_into_the_text():
    text = "急性心肌梗死 running"
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in MixedAnalyzer()(text, positions=True, chars=True)]
    positions = {word: pos for word, pos, _s, _e in tokens}
    assert positions["心肌"] == positions["心肌梗死"] == positions["急性"] + 1
    assert positions["run"] == positions["心肌梗死"] + 1
    assert all(text[start:end].lower().startswith(word[:2]) for word, _p, start, end in tokens)


def test_jieba_is_lazy_and_silent():
    code = ("import sys, cdss.literature.analysis as a, cdss.literature.index, cdss.literature.search; "
            "assert 'jieba' not in sys.modules; a.analyze('english only'); assert 'jieba' not in sys.modules; "
            "a.analyze('中文'); assert 'jieba' in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
