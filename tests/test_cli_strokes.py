"""`nndesk predict --strokes`: strokes files read by both models, strict JSON, bad files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.cli import main


def _one(tmp_path, name="one.json"):
    """A vertical stroke, as the canvas records a drawn 1 (canvas pixels, ms)."""
    path = tmp_path / name
    path.write_text(json.dumps({"strokes": [[[140, 40, 0], [141, 90, 100], [141, 140, 190],
                                             [142, 190, 300], [142, 240, 420]]]}))
    return path


def test_strokes_json_lines(tmp_path, trajectory_model, capsys):
    one = _one(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"strokes": [[[1, 2, 3], [4, 5]]]}')
    empty = tmp_path / "empty.json"
    empty.write_text('{"strokes": []}')
    code = main(["predict", "--strokes", "--json", "--trajectory-model", str(trajectory_model),
                 str(one), str(bad), str(empty)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1 and len(lines) == 3                 # the bad file fails, the others go on
    first, second, third = (json.loads(line) for line in lines)
    assert first["file"] == str(one) and first["label"] == 1
    assert first["models"]["image"]["label"] == 1 and first["answer"]["verdict"] == "digit"
    assert len(first["models"]["trajectory"]["probabilities"]) == 10
    assert first["models"]["weight"] == 0.5
    assert first["answer"]["not_a_digit_score"] == (
        first["models"]["image"]["answer"]["not_a_digit_score"]) is not None
    assert sum(first["probabilities"]) == pytest.approx(1, abs=1e-5)
    assert "mixes" in second["error"] and second["label"] is None
    assert third["label"] is None and third["models"]["image"] is None


def test_strokes_text_escapes_the_file_name_and_weight_bounds(tmp_path, trajectory_model,
                                                              capsys):
    odd = _one(tmp_path, "one\x1b[31m.json")
    assert main(["predict", "--strokes", "--trajectory-model", str(trajectory_model),
                 "--weight", "0", str(odd)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b" in out
    assert ": 1 (" in out and "image 1 (" in out and "weight 0" in out
    assert main(["predict", "--strokes", "--weight", "2", str(odd)]) == 2
    assert "--weight must be between 0 and 1" in capsys.readouterr().err
    assert main(["predict", "--strokes", "--trajectory-model", "models/default.npz",
                 str(odd)]) == 2
    assert "not a trajectory model" in capsys.readouterr().err


def test_bad_strokes_files_each_one_line(tmp_path, trajectory_model, capsys):
    cases = {"notjson.json": b"{strokes", "latin.json": b"\xff\xfe", "list.json": b"[1, 2]",
             "deep.json": b"[" * 100_000 + b"]" * 100_000,
             "nan.json": b'{"strokes": [[[NaN, 1]]]}'}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    code = main(["predict", "--strokes", "--json", "--trajectory-model", str(trajectory_model),
                 *(str(tmp_path / n) for n in cases)])
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1 and all("error" in r for r in results) and len(results) == len(cases)
    errors = {r["file"].rsplit("/", 1)[-1]: r["error"] for r in results}
    assert "not valid JSON" in errors["notjson.json"] and "UTF-8" in errors["latin.json"]
    assert "expected" in errors["list.json"] and "deep" in errors["deep.json"]
    assert "finite" in errors["nan.json"]


def test_eval_of_a_trajectory_model_reads_pen_paths(trajectory_model, pen_subset, monkeypatch,
                                                     capsys):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(pen_subset))
    assert main(["eval", str(trajectory_model), "--pendigits", "21", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dataset"] == "pendigits" and report["n"] == 60   # writer 21's 60 digits
    assert report["accuracy"] > 0.5 and sum(map(sum, report["confusion"])) == 60
    assert main(["eval", str(trajectory_model), "--pendigits", "21"]) == 0
    assert "of 60 sequences (pen paths as written) of held-out writer 21" in capsys.readouterr().out


def _seven() -> list:
    """A 7 drawn on the canvas (pixels, y down): the bar, then the long stroke down-left."""
    return [[[80.0, 60.0], [200.0, 60.0], [190.0, 100.0], [160.0, 160.0], [130.0, 230.0]]]


def test_strokes_in_any_units_read_alike(tmp_path, trajectory_model, capsys):
    """Canvas pixels are read as drawn (as the canvas reads them); other units are fitted to
    the canvas as pen digits are, so they all read alike, and like the same drawing placed
    70% tall and centred in canvas pixels."""
    seven = np.array(_seven()[0])
    lo, hi = seven.min(0), seven.max(0)
    scale = 0.7 * 280 / (hi - lo).max()
    placed = (seven - lo) * scale + 140 - (hi - lo) * scale / 2      # what fitting gives
    units = {"canvas": seven, "placed": placed, "unit": (seven - 60) / 170,
             "tablet": seven * 3.1 + 2e5, "negative": seven * 0.02 - 1e6,
             "grid28": seven / 10}
    for name, pts in units.items():
        (tmp_path / f"{name}.json").write_text(json.dumps({"strokes": [pts.tolist()]}))
    (tmp_path / "up" / "y.json").parent.mkdir()
    (tmp_path / "up" / "y.json").write_text(json.dumps({"strokes": [(seven * (2, -2)).tolist()]}))
    base = ["predict", "--strokes", "--json", "--trajectory-model", str(trajectory_model)]
    assert main([*base, *(str(tmp_path / f"{n}.json") for n in units)]) == 0
    assert main([*base, "--y-up", str(tmp_path / "up" / "y.json")]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert results[0]["models"]["image"]["label"] == 7                # as drawn
    first = results[1]                                                # placed: the reference
    for r in results[1:]:   # the image model reads each one, as the same drawing
        assert r["models"]["image"] is not None, r["file"]
        assert r["models"]["image"]["probabilities"] == pytest.approx(
            first["models"]["image"]["probabilities"], abs=1e-4), r["file"]
        assert r["probabilities"] == pytest.approx(first["probabilities"], abs=1e-4)


def test_a_dot_is_no_digit_and_bad_points_are_named(tmp_path, trajectory_model, capsys):
    files = {"dot.json": '{"strokes": [[[140, 140, 0]]]}',
             "still.json": '{"strokes": [[[9, 9, 0], [9, 9, 40]], [[9, 9, 90]]]}',
             "inf.json": '{"strokes": [[[1, 2], [3, 4]], [[5, 6], [7, Infinity]]]}',
             "far.json": '{"strokes": [[[1, 2], [3e12, 4]]]}',
             "long.json": '{"strokes": [[[1, 2], [3, 1' + "0" * 400 + ']]]}'}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    code = main(["predict", "--strokes", "--json", "--trajectory-model", str(trajectory_model),
                 *(str(tmp_path / n) for n in files)])
    results = {r["file"].rsplit("/", 1)[-1]: r
               for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert code == 1
    for name in ("dot.json", "still.json"):   # no guess, confident or not
        assert results[name]["label"] is None and "error" not in results[name]
        assert results[name]["models"]["trajectory"] is None
    assert "stroke 2, point 2: y is inf" in results["inf.json"]["error"]
    assert "stroke 1, point 2: x = 3e+12 is beyond" in results["far.json"]["error"]
    assert "stroke 1, point 2: y is inf" in results["long.json"]["error"]


def test_wrong_flags_hint_at_the_right_one(tmp_path, capsys):
    drawing = _one(tmp_path)
    assert main(["predict", "--storkes", str(drawing)]) == 2
    assert "did you mean --strokes?" in capsys.readouterr().err
    assert main(["predict", "--strokes", "--y_up", str(drawing)]) == 2
    assert "did you mean --y-up?" in capsys.readouterr().err
    assert main(["predict", "--y-up", str(drawing)]) == 2
    assert "add --strokes" in capsys.readouterr().err
    assert main(["predict", str(drawing)]) == 1
    assert "add --strokes" in capsys.readouterr().out
    png = tmp_path / "seven.png"
    png.write_bytes(b"\x89PNG")
    assert main(["predict", "--strokes", str(png)]) == 1
    assert "leave out --strokes" in capsys.readouterr().out


def test_a_folder_of_the_other_kind_hints_at_the_flag(tmp_path, capsys):
    (tmp_path / "drawings").mkdir()
    _one(tmp_path / "drawings")
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "seven.png").write_bytes(b"\x89PNG")
    assert main(["predict", str(tmp_path / "drawings")]) == 2
    assert "add --strokes" in capsys.readouterr().err
    assert main(["predict", "--strokes", str(tmp_path / "scans")]) == 2
    assert "leave out --strokes" in capsys.readouterr().err


def test_mistyped_commands_choices_and_names_hint_at_the_right_one(capsys):
    for argv, hint in ((["predcit", "x.json"], "did you mean predict?"),
                       (["insight", "evl"], "did you mean eval?"),
                       (["info", "--preset", "DeepMLp"], "did you mean DeepMLP?"),
                       (["train", "--preset", "DeepMLP", "--optimizer", "Adm", "--out", "x.npz"],
                        "did you mean adam?")):
        assert main(argv) == 2, argv
        assert hint in capsys.readouterr().err, argv


def test_held_out_pen_digits_read_alike_in_any_units(tmp_path, trajectory_model, pen_subset,
                                                      capsys):
    """Writer 21's pen digits (held out) as written in the raw file (tablet units, y up), in
    y-down tablet units, in 0..1 and with a large negative offset: the same answers."""
    from nndesk.data.pendigits import load_pendigits

    digits = [d for d in load_pendigits(pen_subset) if d.writer == 21][:12]
    forms = {"up": lambda s: s * (1, -1), "down": lambda s: s,
             "unit": lambda s: s / 500, "offset": lambda s: s * 0.3 - 4e7}
    for name, form in forms.items():
        (tmp_path / name).mkdir()
        for i, d in enumerate(digits):
            (tmp_path / name / f"{i:02d}.json").write_text(json.dumps(
                {"strokes": [form(s).tolist() for s in d.strokes]}))
    for i in range(len(digits)):  # the raw file's y points up: the JSON says so
        path = tmp_path / "up" / f"{i:02d}.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), "y": "up"}))
    answers = {}
    for name in forms:
        flags = [] if name == "up" else ["--y-down"]
        assert main(["predict", "--strokes", "--json", *flags, "--trajectory-model",
                     str(trajectory_model), str(tmp_path / name)]) == 0
        answers[name] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    labels = {name: [r["label"] for r in rows] for name, rows in answers.items()}
    assert labels["up"] == labels["down"] == labels["unit"] == labels["offset"]
    assert sum(a == d.label for a, d in zip(labels["up"], digits, strict=True)) >= 10
    for rows in answers.values():
        assert all(r["models"]["image"] is not None for r in rows)


def test_raw_pen_digits_are_never_read_upside_down_silently(tmp_path, trajectory_model,
                                                            pen_subset, capsys):
    """Pen digits as UCI's file has them (tablet units, y up): the file itself and JSON files
    saying "y": "up" are read the right way up with the default command; JSON files that do
    not say are read y down only when the drawing could be upright (else refused with the
    flag to pass): none is read upside down in silence (QA: raw pendigits JSON without
    --y-up came out upside down)."""
    from nndesk.data.pendigits import load_pendigits

    digits = [d for d in load_pendigits(pen_subset) if d.writer == 21][:40]
    for folder, extra in (("said", {"y": "up"}), ("unsaid", {})):
        (tmp_path / folder).mkdir()
        for i, d in enumerate(digits):
            (tmp_path / folder / f"{i:02d}.json").write_text(json.dumps(
                {"strokes": [(s * (1, -1)).astype(int).tolist() for s in d.strokes], **extra}))
    base = ["predict", "--strokes", "--json", "--trajectory-model", str(trajectory_model)]

    def run(*argv):
        main([*base, *argv])
        return [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    flagged = run("--y-up", str(tmp_path / "unsaid"))
    right = [r["label"] for r in flagged]
    assert sum(a == d.label for a, d in zip(right, digits, strict=True)) >= 36
    assert [r["label"] for r in run(str(tmp_path / "said"))] == right      # the file says
    unsaid = run(str(tmp_path / "unsaid"))
    refused = [r for r in unsaid if "error" in r]
    assert len(refused) >= len(digits) // 2
    assert all("--y-up" in r["error"] and "--y-down" in r["error"] for r in refused)
    for r, want in zip(unsaid, right, strict=True):
        assert "error" in r or r["label"] == want, r["file"]                # never upside down
    assert run("--y-down", str(tmp_path / "said"))[0]["error"].startswith(
        "the file says y points up, --y-down says down")
    assert all(r["label"] is not None for r in run("--y-down", str(tmp_path / "unsaid")))

    # pendigits' own file (UNIPEN text, y up by its format): every digit, right way up
    rows = run(str(pen_subset))
    assert [r["file"] for r in rows[:2]] == [f"{pen_subset}#1", f"{pen_subset}#2"]
    mine = [r for r in rows if r["file"] in
            {f"{pen_subset}#{n}" for n, d in enumerate(load_pendigits(pen_subset), 1)
             if d.writer == 21}][:40]
    assert [r["label"] for r in mine] == right
    assert [r["label_in_file"] for r in mine] == [d.label for d in digits]
    assert "the file says y points up" in run("--y-down", str(pen_subset))[0]["error"]


def test_which_way_y_points_is_said_or_asked(tmp_path):
    """`y_direction`: the file or the flag says it (both: they must agree); else y down for a
    drawing that starts at its top, a question for one that starts low."""
    from nndesk.cli.strokes_cmd import starts_low, y_direction

    seven = [np.array(_seven()[0])]
    upside_down = [s * (1, -1) for s in seven]
    assert not starts_low(seven) and starts_low(upside_down)
    assert y_direction(seven, None, None) == "down"
    assert y_direction(upside_down, "up", None) == y_direction(upside_down, None, "up") == "up"
    assert y_direction(upside_down, "down", "down") == "down"
    for said, flag in ((None, None), ("up", "down")):
        with pytest.raises(ValueError, match="--y-"):
            y_direction(upside_down, said, flag)
    bad = tmp_path / "bad.json"
    bad.write_text('{"strokes": [[[1, 2], [3, 4]]], "y": "left"}')
    from nndesk.cli.strokes_cmd import read_strokes_file

    with pytest.raises(ValueError, match='"y" must be "down" or "up"'):
        read_strokes_file(bad)


def test_a_flag_of_another_command_is_reported_by_the_command_used(capsys):
    """`eval --limit` (a flag of `insight`, not of `eval`): no "did you mean --limit?" (the
    flag itself), and the help named is the command's own."""
    for argv, command in ((["eval", "m.npz", "--limit", "5"], "eval"),
                          (["presets", "extra"], "presets"),
                          (["predict", "--jsn", "x.png"], "predict")):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert f"(see 'nndesk {command} --help')" in err, err
        assert "did you mean --limit" not in err, err
    assert main(["predict", "--jsn", "x.png"]) == 2
    assert "did you mean --json?" in capsys.readouterr().err


def test_train_without_data_names_the_flag_not_the_python_argument(tmp_path, capsys,
                                                                   monkeypatch):
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "empty"))
    assert main(["train", "--preset", "SoftmaxRegression", "--epochs", "1",
                 "--out", str(tmp_path / "m.npz")]) == 2
    err = capsys.readouterr().err
    assert "add --download" in err and "download=True" not in err, err
