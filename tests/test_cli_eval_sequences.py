"""`nndesk eval` on a trajectory model: it counts pen-path sequences, not images, names the
writers (held out or not), and refuses the image-only flags in one line."""

from __future__ import annotations

import json

from nndesk.cli import main


def test_eval_of_a_trajectory_model_counts_sequences(trajectory_model, pen_subset, monkeypatch,
                                                     capsys):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(pen_subset))
    assert main(["eval", str(trajectory_model)]) == 0          # default: writers 21-30
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    # the subset holds 60 digits of writer 21 and none of 22-30
    assert first.endswith("of 60 sequences (pen paths as written) of held-out writers 21-30")
    assert "image" not in out
    header = next(line for line in out.splitlines() if line.startswith("digit"))
    assert header.split() == ["digit", "accuracy", "sequences"]
    assert main(["eval", str(trajectory_model), "--pendigits", "21", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["inputs"] == "sequences" and report["writers"] == [21]
    assert report["n"] == 60 and sum(map(sum, report["confusion"])) == 60
    assert main(["eval", str(trajectory_model), "--pendigits", "1-2,21"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith("of 180 sequences (pen paths as written) of writers 1-2, 21 "
                          "(writers 1-20 are trained on: not a held-out measure)")


def test_eval_of_a_trajectory_model_refuses_image_flags(trajectory_model, pen_subset,
                                                        monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("NNDESK_PENDIGITS", str(pen_subset))
    for flags, name in ((["--folder", str(tmp_path)], "--folder"),
                        (["--variants", "3"], "--variants"),
                        (["--dataset", "mnist"], "--dataset")):
        assert main(["eval", str(trajectory_model), *flags]) == 2
        err = capsys.readouterr().err
        assert "reads pen paths, not images" in err and name in err
        assert len(err.strip().splitlines()) == 1
