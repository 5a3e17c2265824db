"""The lines `nndesk predict` prints per file, pinned in full: images and strokes files share
their head (JSON, an error, no digit), each keeps its own answer line."""

from __future__ import annotations

import json

import pytest

from nndesk.cli.predict_cmd import _print_prediction
from nndesk.cli.strokes_cmd import _print as _print_strokes

_PROBS = [0.0, 0.05, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9, 0.05, 0.0]
_ERROR = {"file": "a\x1bb.png", "label": None, "probabilities": None,
          "error": "not an image\x07 file"}
_NONE = {"file": "blank.png", "label": None, "probabilities": None}


def _strokes(verdict, candidates=None):
    models = {"image": {"label": 7, "probabilities": _PROBS},
              "trajectory": None, "weight": 0.35}
    return {"file": "d.json", "label": 7, "probabilities": _PROBS, "models": models,
            "answer": {"verdict": verdict, "candidates": candidates}}


@pytest.mark.parametrize("print_result", [_print_prediction, _print_strokes])
@pytest.mark.parametrize("result, line", [
    (_ERROR, "a\\x1bb.png: error: not an image\\x07 file"),
    (_NONE, "blank.png: no digit"),
])
def test_both_commands_print_an_error_and_no_digit_alike(print_result, result, line, capsys):
    print_result(result, False)
    assert capsys.readouterr().out == line + "\n"


@pytest.mark.parametrize("print_result", [_print_prediction, _print_strokes])
def test_json_is_one_strict_line_of_the_whole_result(print_result, capsys):
    result = dict(_ERROR, probabilities=[float("nan")] * 2)
    print_result(result, True)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "NaN" not in out
    assert json.loads(out) == {"file": "a\x1bb.png", "label": None,
                               "probabilities": [None, None], "error": "not an image\x07 file"}


@pytest.mark.parametrize("answer, line", [
    (None, "x.png: 7 (90.0%)"),
    ({"verdict": "digit", "candidates": None}, "x.png: 7 (90.0%)"),
    ({"verdict": "unsure", "candidates": [7, 1]}, "x.png: 7 (90.0%); not sure: 7 or 1?"),
    ({"verdict": "not_a_digit", "candidates": None},
     "x.png: 7 (90.0%); not a digit (best guess 7)"),
    # a calibrated model: its calibrated probability, the window's (MNIST test 1241 read
    # "1 (59.2%); not sure" by the command line and "1 or 7? 56% / 44%" by the window)
    ({"verdict": "unsure", "candidates": [7, 1],
      "calibrated_probabilities": [0.0] * 7 + [0.559, 0.0, 0.0]},
     "x.png: 7 (55.9%); not sure: 7 or 1?"),
])
def test_an_image_files_answer_line(answer, line, capsys):
    result = {"file": "x.png", "label": 7, "probabilities": _PROBS}
    if answer is not None:
        result["answer"] = answer
    _print_prediction(result, False)
    assert capsys.readouterr().out == line + "\n"


@pytest.mark.parametrize("verdict, candidates, head", [
    ("digit", None, "7 (90.0%)"),
    ("unsure", [7, 1], "not sure: 7 or 1?"),
    ("not_a_digit", None, "not a digit"),
])
def test_a_strokes_files_answer_line(verdict, candidates, head, capsys):
    _print_strokes(_strokes(verdict, candidates), False)
    assert capsys.readouterr().out == f"d.json: {head}; image 7 (90.0%), pen path -, weight 0.35\n"
